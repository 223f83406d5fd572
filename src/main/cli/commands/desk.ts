// factdesk desk: work on a desk from the machine that runs it: its members (how the first admin
// is made) and pushing one person's library into it. The action comes first.
import { usageError } from '../command-args'
import type { CliIo } from '../io'
import { DESK_MEMBERS_USAGE, runDeskMembers } from './desk-members'
import { DESK_PUSH_USAGE, runDeskPush } from './desk-push'

export const DESK_USAGE = `${DESK_MEMBERS_USAGE}\n\n${DESK_PUSH_USAGE}`

const MEMBER_ACTIONS = new Set([
  'add-member',
  'list-members',
  'disable-member',
  'enable-member',
  'set-password'
])

export async function runDesk(args: string[], io: CliIo): Promise<number> {
  const [action] = args
  if (action === 'push') return runDeskPush(args, io)
  if (action !== undefined && MEMBER_ACTIONS.has(action)) return runDeskMembers(args, io)
  if (action === '--help' || action === '-h') {
    io.stdout(DESK_USAGE)
    return 0
  }
  return usageError(
    io,
    DESK_USAGE,
    action === undefined || action.startsWith('-')
      ? 'Name the action first: add-member, list-members, disable-member, enable-member, set-password or push.'
      : `Unknown desk action “${action}”.`
  )
}
