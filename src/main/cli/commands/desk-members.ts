// factdesk desk: a desk's members, managed from the machine that runs it. This is how the first
// admin is made; after that admins can also manage members in the app.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { memberNameSchema, memberRoleSchema, passwordSchema } from '../../../shared/members'
import { hashPassword } from '../../desk/passwords'
import type { Library } from '../../library'
import { databaseLabel, openPostgresLibrary } from '../../library/postgres'
import { openLibrary } from '../../library/sqlite'
import { parseCommandArgs, refused, usageError } from '../command-args'
import type { CliIo } from '../io'
import { cannotOpen, DATABASE_VARIABLE } from '../open-desk'

export const DESK_MEMBERS_USAGE = `Usage: factdesk desk add-member --name NAME --role checker|reviewer|admin [--password-file FILE] STORE
       factdesk desk list-members STORE
       factdesk desk disable-member --name NAME STORE
       factdesk desk enable-member --name NAME STORE
       factdesk desk set-password --name NAME [--password-file FILE] STORE
where STORE is --database postgres://USER@HOST/DB (or FACTDESK_DATABASE_URL) or --library FILE.

disable-member ends the member's sessions; enable-member lets them sign in again with the password
they had. set-password gives a member a new password (a forgotten one, or one to change) and ends
their sessions; members signed in can also change their own in the app.

add-member and set-password ask for the password at a prompt that does not echo it, or reads the first line of
stdin when it is piped (printf '%s\\n' "$PW" | factdesk desk add-member ...), or of
--password-file FILE. It is never taken as an argument: shells keep those in their history and
other users of the machine can see them. At least ${passwordSchema.minLength} characters.

Roles: checker checks stories; reviewer also reviews; admin also manages the members.

Exit status: 0 when done, 1 when refused, 2 for a usage error.`

const ACTIONS = ['add-member', 'list-members', 'disable-member', 'enable-member', 'set-password'] as const
type Action = (typeof ACTIONS)[number]

export async function runDeskMembers(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    {
      database: { type: 'string' },
      library: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'password-file': { type: 'string' }
    },
    DESK_MEMBERS_USAGE,
    io
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const [action, ...extra] = positionals
  if (!action || !ACTIONS.includes(action as Action)) {
    return usageError(io, DESK_MEMBERS_USAGE, action ? `Unknown desk action “${action}”.` : 'Name an action.')
  }
  if (extra.length > 0) return usageError(io, DESK_MEMBERS_USAGE, `Unexpected argument “${extra[0]}”.`)
  if (values.library && values.database) {
    return usageError(io, DESK_MEMBERS_USAGE, 'Give --library or --database, not both.')
  }
  const databaseUrl = values.library ? undefined : (values.database ?? process.env[DATABASE_VARIABLE])
  if (!values.library && !databaseUrl) {
    return usageError(io, DESK_MEMBERS_USAGE, 'Name the desk: --database URL or --library FILE.')
  }

  // Everything about the input is checked before the store is opened (or a password asked for).
  let name: string | null = null
  if (action !== 'list-members') {
    const parsedName = memberNameSchema.safeParse(values.name ?? '')
    if (!values.name || !parsedName.success)
      return usageError(io, DESK_MEMBERS_USAGE, 'Give the member’s --name.')
    name = parsedName.data
  }
  let role = null
  if (action === 'add-member') {
    const parsedRole = memberRoleSchema.safeParse(values.role)
    if (!parsedRole.success)
      return usageError(io, DESK_MEMBERS_USAGE, '--role must be checker, reviewer or admin.')
    role = parsedRole.data
  }

  let password: string | null = null
  if (action === 'add-member' || action === 'set-password') {
    try {
      password = values['password-file']
        ? ((await readFile(values['password-file'], 'utf8')).split(/\r?\n/)[0] ?? '')
        : io.readSecret
          ? await io.readSecret(`${action === 'set-password' ? 'New password' : 'Password'} for ${name}: `)
          : null
    } catch (error) {
      io.stderr(`Cannot read the password: ${(error as Error).message}`)
      return 1
    }
    if (password === null)
      return usageError(io, DESK_MEMBERS_USAGE, 'Give the password on stdin or with --password-file.')
    const checked = passwordSchema.safeParse(password)
    if (!checked.success) {
      io.stderr(`BAD_REQUEST: ${checked.error.issues[0]?.message ?? 'That password cannot be used.'}`)
      return 1
    }
  }

  let library: Library
  const label = databaseUrl ? databaseLabel(databaseUrl) : resolve(values.library!)
  try {
    library = databaseUrl ? await openPostgresLibrary(databaseUrl) : openLibrary(label)
  } catch (error) {
    return cannotOpen(io, label, error)
  }
  try {
    if (action === 'add-member') {
      const member = await library.members.add({
        name: name!,
        role: role!,
        passwordHash: await hashPassword(password!)
      })
      io.stdout(`Added ${member.name} (${member.role}) to ${label}`)
    } else if (action === 'list-members') {
      const members = await library.members.list()
      if (members.length === 0) io.stdout(`${label} has no members yet.`)
      for (const m of members) {
        io.stdout(`${m.name}\t${m.role}\t${m.disabledAt ? `disabled ${m.disabledAt}` : 'active'}`)
      }
    } else {
      const member = await library.members.byName(name!)
      if (!member) {
        io.stderr(`NOT_FOUND: ${label} has no member called “${name}”.`)
        return 1
      }
      if (action === 'disable-member') {
        await library.members.disable(member.id)
        io.stdout(`Disabled ${member.name}: they can no longer sign in, and their sessions have ended.`)
      } else if (action === 'enable-member') {
        await library.members.enable(member.id)
        io.stdout(
          member.disabledAt
            ? `Enabled ${member.name}: they can sign in again with their password.`
            : `${member.name} is already active.`
        )
      } else {
        await library.members.setPassword(member.id, await hashPassword(password!))
        io.stdout(`Set a new password for ${member.name}; their sessions have ended.`)
      }
    }
    return 0
  } catch (error) {
    return refused(io, error)
  } finally {
    await library.close()
  }
}
