// factdesk import: files and folders into a library, one line per file and a summary.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { ImportOutcome, TextRole } from '../../../shared/domain'
import { ApiError } from '../../../shared/errors'
import { openLibrary } from '../../library/sqlite'
import { expandPaths } from '../../services/expand-paths'
import { importFiles } from '../../services/importer'
import type { CliIo } from '../io'

export const IMPORT_USAGE = `Usage: factdesk import PATH... --library FILE [--role story|source] [--json]

Imports files (.txt .md .markdown .html .htm .docx .pdf) and folders of them into the library
FILE (created if missing). Each file is imported, found to be a duplicate of a text already in
the library, or rejected with the reason. --role marks the texts as the story under check or as
sources (the default). --json prints the outcomes as JSON instead of lines.

Exit status: 0 when every file was imported or was a duplicate, 1 when any was rejected,
2 for a usage error.`

function describe(outcome: ImportOutcome): string {
  switch (outcome.status) {
    case 'imported':
      return `imported   ${outcome.name} → #${outcome.id}${outcome.title ? ` “${outcome.title}”` : ''}`
    case 'duplicate':
      return `duplicate  ${outcome.name} → same text as #${outcome.id}${outcome.title ? ` “${outcome.title}”` : ''}`
    case 'rejected':
      return `rejected   ${outcome.name}: ${outcome.message}`
  }
}

export function summarize(outcomes: readonly ImportOutcome[]): string {
  const count = (status: ImportOutcome['status']): number =>
    outcomes.filter((o) => o.status === status).length
  return `${count('imported')} imported, ${count('duplicate')} duplicate, ${count('rejected')} rejected`
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`${message}\n\n${IMPORT_USAGE}`)
  return 2
}

export async function runImport(args: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        library: { type: 'string' },
        role: { type: 'string', default: 'source' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false }
      }
    })
  } catch (error) {
    return usageError(io, (error as Error).message)
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(IMPORT_USAGE)
    return 0
  }
  if (!values.library)
    return usageError(io, 'factdesk import needs --library FILE (it is created if missing).')
  if (positionals.length === 0) return usageError(io, 'Name at least one file or folder to import.')
  if (values.role !== 'story' && values.role !== 'source') {
    return usageError(io, `--role must be story or source, not “${values.role}”.`)
  }
  const role: TextRole = values.role

  const files = await expandPaths(positionals)
  if (files.length === 0) {
    io.stderr(
      `No files to import: the folders given hold no ${'.txt .md .markdown .html .htm .docx .pdf'} files.`
    )
    return 1
  }

  let library
  try {
    library = openLibrary(resolve(values.library))
  } catch (error) {
    if (error instanceof ApiError) {
      io.stderr(`${error.code}: ${error.message}`)
      return 1
    }
    throw error
  }
  let outcomes: ImportOutcome[]
  try {
    outcomes = await importFiles(library, files, {
      role,
      onProgress: values.json ? undefined : (_done, _total, outcome) => io.stdout(describe(outcome))
    })
  } finally {
    await library.close()
  }
  if (values.json) io.stdout(JSON.stringify(outcomes, null, 2))
  else io.stdout(summarize(outcomes))
  return outcomes.some((o) => o.status === 'rejected') ? 1 : 0
}
