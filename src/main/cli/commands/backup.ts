// factdesk backup: a consistent one-file copy of a library, safe to take while the app has it open.
import { existsSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { openLibrary } from '../../library'
import { backupLibrary } from '../../library/backup'
import { parseCommandArgs, refused, usageError } from '../command-args'
import type { CliIo } from '../io'

export const BACKUP_USAGE = `Usage: factdesk backup --library FILE --out FILE [--force]

Writes a copy of the library FILE to --out: one self-contained file, consistent even while the
Factdesk app or "factdesk serve" is using the library. An existing --out file is not replaced
unless --force is given. Restore it with "factdesk restore".

Exit status: 0 when the backup was written, 1 when it was refused, 2 for a usage error.`

export async function runBackup(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    { library: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false } },
    BACKUP_USAGE,
    io
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  if (!values.library) return usageError(io, BACKUP_USAGE, 'factdesk backup needs --library FILE.')
  if (!values.out)
    return usageError(io, BACKUP_USAGE, 'factdesk backup needs --out FILE, the backup to write.')
  if (positionals.length > 0) return usageError(io, BACKUP_USAGE, `Unexpected argument “${positionals[0]}”.`)
  const libraryPath = resolve(values.library)
  if (!existsSync(libraryPath)) {
    io.stderr(`NOT_FOUND: There is no library ${libraryPath}.`)
    return 1
  }
  try {
    const library = openLibrary(libraryPath)
    try {
      const result = await backupLibrary(library, values.out, { overwrite: values.force })
      const size = result.bytes.toLocaleString('en-US')
      io.stdout(`Backed up ${basename(libraryPath)} to ${result.path} (${size} bytes)`)
      return 0
    } finally {
      library.close()
    }
  } catch (error) {
    return refused(io, error)
  }
}
