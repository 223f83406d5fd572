// factdesk restore: a backup back in the library's place, keeping the library it replaces.
import { basename, resolve } from 'node:path'
import { ApiError } from '../../../shared/errors'
import { databaseLabel } from '../../library/postgres'
import { restoreDesk } from '../../library/postgres/backup'
import { restoreLibrary } from '../../library/sqlite/backup'
import { parseCommandArgs, refused, usageError } from '../command-args'
import type { CliIo } from '../io'
import { cannotOpen } from '../open-desk'

export const RESTORE_USAGE = `Usage: factdesk restore BACKUP --library FILE
       factdesk restore BACKUP --database postgres://USER@HOST/DB

Puts the backup BACKUP in the place of the library FILE. The backup is checked first (a whole
Factdesk library, not from a newer version) and brought up to this version if it is older. The
library it replaces is kept beside it as NAME.before-restore-TIME.sqlite: nothing is deleted.
Close the Factdesk app and "factdesk serve" first; a library in use is not replaced.

With --database, restores a desk backup (from "factdesk backup --database") with pg_restore into
the database named, which must exist and hold no desk yet (createdb NAME makes one): in one
transaction, so a failure leaves it as it was; an older backup is brought up to this version.

Exit status: 0 when the backup was restored, 1 when it was refused, 2 for a usage error.`

export async function runRestore(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    { library: { type: 'string' }, database: { type: 'string' } },
    RESTORE_USAGE,
    io
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const [backup] = positionals
  if (values.library && values.database)
    return usageError(io, RESTORE_USAGE, 'factdesk restore takes --library or --database, not both.')
  if (!values.library && !values.database) {
    return usageError(io, RESTORE_USAGE, 'factdesk restore needs --library FILE, the library to replace.')
  }
  if (backup === undefined || positionals.length > 1) {
    return usageError(io, RESTORE_USAGE, 'Name one backup file to restore.')
  }
  if (values.database) {
    try {
      const result = await restoreDesk(backup, values.database)
      const upgraded =
        result.backupVersion < result.version ? ` (upgraded from schema ${result.backupVersion})` : ''
      io.stdout(`Restored ${basename(backup)} into ${databaseLabel(values.database)}${upgraded}.`)
      return 0
    } catch (error) {
      if (error instanceof ApiError) return refused(io, error)
      // Only reaching the database throws anything else (pg's own words).
      return cannotOpen(io, databaseLabel(values.database), error)
    }
  }
  if (!values.library) return usageError(io, RESTORE_USAGE, 'Name the library to replace.')
  try {
    const result = await restoreLibrary(backup, resolve(values.library))
    const upgraded =
      result.backupVersion < result.version ? ` (upgraded from schema ${result.backupVersion})` : ''
    io.stdout(`Restored ${basename(backup)} as ${result.libraryPath}${upgraded}.`)
    io.stdout(
      result.keptAs
        ? `The library it replaced is kept as ${result.keptAs}.`
        : 'There was no library there before.'
    )
    return 0
  } catch (error) {
    return refused(io, error)
  }
}
