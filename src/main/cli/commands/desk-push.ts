// factdesk desk push: one person's library copied into a desk's PostgreSQL database.
import { existsSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { ApiError } from '../../../shared/errors'
import { pushLibraryFile, type PushSummary } from '../../library/desk-push/push'
import { parseCommandArgs, refused, usageError } from '../command-args'
import type { CliIo } from '../io'
import { DATABASE_VARIABLE, withDesk } from '../open-desk'

export const DESK_PUSH_USAGE = `Usage: factdesk desk push --library FILE --database postgres://USER@HOST/DB

Copies the library FILE into the desk's database: its texts (the files as imported, paragraphs,
details, roles, removed furniture), checks with their decisions and full history, editor-added
claims and house names. A text the desk already has (the same cleaned content) is not copied
again but used, and so is a check already pushed: pushing twice adds nothing the second time.
All of it is written in one transaction: if anything fails, the desk is left as it was.
--database may be left out when FACTDESK_DATABASE_URL names the desk.
The library's preferences (newsroom, checker) stay with it: the desk keeps its own.

Exit status: 0 when pushed, 1 when refused or failed (nothing written), 2 for a usage error.`

export async function runDeskPush(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    { library: { type: 'string' }, database: { type: 'string' } },
    DESK_PUSH_USAGE,
    io
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const [action, ...extra] = positionals
  if (action !== 'push')
    return usageError(
      io,
      DESK_PUSH_USAGE,
      action ? `Unknown desk action “${action}”.` : 'Name the action: push.'
    )
  if (extra.length > 0) return usageError(io, DESK_PUSH_USAGE, `Unexpected argument “${extra[0]}”.`)
  if (!values.library) return usageError(io, DESK_PUSH_USAGE, 'factdesk desk push needs --library FILE.')
  const url = values.database ?? process.env[DATABASE_VARIABLE]
  if (!url)
    return usageError(io, DESK_PUSH_USAGE, 'factdesk desk push needs --database URL, the desk to push to.')
  const libraryPath = resolve(values.library)
  if (!existsSync(libraryPath)) {
    io.stderr(`NOT_FOUND: There is no library ${libraryPath}.`)
    return 1
  }
  return withDesk(io, url, async (desk, label) => {
    try {
      const summary = await pushLibraryFile(libraryPath, desk.db)
      io.stdout(describePush(basename(libraryPath), label, summary))
      return 0
    } catch (error) {
      if (error instanceof ApiError) return refused(io, error)
      // The desk refused a row (PostgreSQL's words): the transaction was rolled back.
      const reason = error instanceof Error ? error.message : String(error)
      io.stderr(
        `PUSH_FAILED: ${label} refused the push: ${reason}. Nothing was pushed; the desk is as it was.`
      )
      return 1
    }
  })
}

export function describePush(library: string, desk: string, s: PushSummary): string {
  return [
    `Pushed ${library} to ${desk}:`,
    `  texts: ${s.texts.added} new, ${s.texts.existing} already there`,
    `  checks: ${s.checks.added} new, ${s.checks.existing} already there` +
      (s.checks.changedHere > 0
        ? ` (${s.checks.changedHere} decided here since: those decisions are not pushed; make them on the desk)`
        : ''),
    `  decisions: ${s.decisions}`,
    `  history entries: ${s.historyEntries}`,
    `  editor claims: ${s.editorClaims}`,
    `  review steps: ${s.reviewSteps}`,
    `  house names: ${s.houseNames.added} new, ${s.houseNames.existing} already there`
  ].join('\n')
}
