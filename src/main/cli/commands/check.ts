// factdesk check: the claims of a story, with evidence from its sources, as JSON or Markdown.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { checkResultToMarkdown } from '../../core/report/check-markdown'
import { openLibrary } from '../../library/sqlite'
import { expandPaths } from '../../services/expand-paths'
import { importFiles } from '../../services/importer'
import { runCheck } from '../../services/run-check'
import type { CliIo } from '../io'

export const CHECK_USAGE = `Usage: factdesk check STORY --sources PATH... [--library FILE] [--names FILE]
                      [--date YYYY-MM-DD] [--format json|md]

Checks every claim of the story file STORY against the sources (files or folders; without
--sources, every source already in the library). Texts are imported into --library FILE, or
into a throwaway library when it is not given. --names is the newsroom's house list of names,
one per line. --date is the story's publication date, for resolving "Saturday" or "last month"
when the story does not carry one. --format json (the default) prints the check result described
by schemas/check-result.schema.json; md prints a report to read.

Exit status: 0 when the check ran, 1 when a file could not be imported, 2 for a usage error.`

function usage(io: CliIo, message: string): number {
  io.stderr(`${message}\n\n${CHECK_USAGE}`)
  return 2
}

export async function runCheckCommand(args: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        sources: { type: 'string', multiple: true },
        library: { type: 'string' },
        names: { type: 'string' },
        date: { type: 'string' },
        format: { type: 'string', default: 'json' },
        help: { type: 'boolean', short: 'h', default: false }
      }
    })
  } catch (error) {
    return usage(io, (error as Error).message)
  }
  const { values } = parsed
  // --sources takes several paths: "--sources a.txt b.txt" leaves b.txt among the positionals.
  const [storyPath, ...extraSources] = parsed.positionals
  if (values.help) {
    io.stdout(CHECK_USAGE)
    return 0
  }
  if (!storyPath) return usage(io, 'Name the story file to check.')
  if (values.format !== 'json' && values.format !== 'md')
    return usage(io, `--format is json or md, not “${values.format}”.`)
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    return usage(io, `--date is YYYY-MM-DD, not “${values.date}”.`)
  const sourcePaths = [...(values.sources ?? []), ...extraSources]
  if (sourcePaths.length === 0 && !values.library)
    return usage(io, 'Give --sources, or a --library that holds them.')

  let houseNames: string[] = []
  if (values.names) {
    try {
      houseNames = readFileSync(resolve(values.names), 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
    } catch (error) {
      io.stderr(`Cannot read the names file ${values.names}: ${(error as Error).message}`)
      return 1
    }
  }

  const library = openLibrary(values.library ? resolve(values.library) : ':memory:')
  try {
    const [story] = await importFiles(
      library,
      [{ name: storyPath.split(/[\\/]/).pop()!, path: resolve(storyPath) }],
      { role: 'story' }
    )
    if (!story || story.status === 'rejected') {
      io.stderr(
        `The story could not be imported: ${story?.status === 'rejected' ? story.message : storyPath}`
      )
      return 1
    }
    let sourceIds: number[] | undefined
    if (sourcePaths.length) {
      const files = await expandPaths(sourcePaths.map((p) => resolve(p)))
      const outcomes = await importFiles(library, files, { role: 'source' })
      for (const o of outcomes) if (o.status === 'rejected') io.stderr(`skipped ${o.name}: ${o.message}`)
      sourceIds = outcomes.flatMap((o) => (o.status === 'rejected' || o.id === story.id ? [] : [o.id]))
    }
    const result = await runCheck(library, story.id, {
      sourceIds,
      extraHouseNames: houseNames,
      storyDate: values.date ?? null
    })
    io.stdout(values.format === 'md' ? checkResultToMarkdown(result) : JSON.stringify(result, null, 2))
    return 0
  } finally {
    await library.close()
  }
}
