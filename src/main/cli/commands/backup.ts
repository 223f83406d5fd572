// factdesk backup: a consistent one-file copy of a library, safe to take while the app has it open.
import { basename } from 'node:path'
import { backupDesk } from '../../library/postgres/backup'
import { databaseLabel } from '../../library/postgres'
import { backupLibrary } from '../../library/sqlite/backup'
import { parseCommandArgs, refused, usageError } from '../command-args'
import { withExistingLibrary } from '../existing-library'
import type { CliIo } from '../io'
import { DATABASE_VARIABLE } from '../open-desk'

export const BACKUP_USAGE = `Usage: factdesk backup --library FILE --out FILE [--force]
       factdesk backup --database postgres://USER@HOST/DB --out FILE [--force]

Writes a copy of the library FILE to --out: one self-contained file, consistent even while the
Factdesk app or "factdesk serve" is using the library. An existing --out file is not replaced
unless --force is given. Restore it with "factdesk restore".
With --database (or FACTDESK_DATABASE_URL, when --library is not given), backs up a desk with
PostgreSQL's pg_dump (custom format, consistent while editors work; found on PATH or in
/usr/lib/postgresql/*/bin): restore it with "factdesk restore BACKUP --database URL" or pg_restore.

Exit status: 0 when the backup was written, 1 when it was refused, 2 for a usage error.`

export async function runBackup(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    {
      library: { type: 'string' },
      database: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false }
    },
    BACKUP_USAGE,
    io
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  if (values.library && values.database)
    return usageError(io, BACKUP_USAGE, 'factdesk backup takes --library or --database, not both.')
  const database = values.library ? undefined : (values.database ?? process.env[DATABASE_VARIABLE])
  if (!values.library && !database)
    return usageError(io, BACKUP_USAGE, 'factdesk backup needs --library FILE or --database URL.')
  if (!values.out)
    return usageError(io, BACKUP_USAGE, 'factdesk backup needs --out FILE, the backup to write.')
  if (positionals.length > 0) return usageError(io, BACKUP_USAGE, `Unexpected argument “${positionals[0]}”.`)
  const out = values.out
  if (database) {
    try {
      const result = await backupDesk(database, out, { overwrite: values.force })
      const size = result.bytes.toLocaleString('en-US')
      io.stdout(`Backed up ${databaseLabel(database)} to ${result.path} (${size} bytes, ${result.tool})`)
      return 0
    } catch (error) {
      return refused(io, error)
    }
  }
  if (!values.library) return usageError(io, BACKUP_USAGE, 'factdesk backup needs --library FILE.')
  return withExistingLibrary(io, values.library, async (library, libraryPath) => {
    const result = await backupLibrary(library, out, { overwrite: values.force })
    const size = result.bytes.toLocaleString('en-US')
    io.stdout(`Backed up ${basename(libraryPath)} to ${result.path} (${size} bytes)`)
    return 0
  })
}
