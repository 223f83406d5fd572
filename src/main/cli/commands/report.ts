// factdesk report: a check's verification report as HTML, PDF, Markdown, CSV, JSON or ClaimReview.
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openLibrary } from '../../library/sqlite'
import { assertReportFormat, exportReport } from '../../services/report'
import type { CliIo } from '../io'

export const REPORT_USAGE = `Usage: factdesk report CHECK --library FILE --format html|pdf|md|csv|json|claimreview
                       [--out FILE] [--newsroom NAME] [--checker NAME]

Writes the verification report of check CHECK (its id; "factdesk report --library FILE --list"
lists the checks) to --out, or to standard output for text formats. --newsroom is the author of
ClaimReview entries; --checker is who checked the story. Either left out, the library's own
preference is used (the app's Settings screen sets them). ClaimReview holds only the claims the
editor chose to publish ("Publish in ClaimReview" in the app), with their public explanation;
with none chosen it writes nothing and exits 1.`

function usage(io: CliIo, message: string): number {
  io.stderr(`${message}\n\n${REPORT_USAGE}`)
  return 2
}

export async function runReport(args: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        library: { type: 'string' },
        format: { type: 'string', default: 'html' },
        out: { type: 'string' },
        newsroom: { type: 'string' },
        checker: { type: 'string' },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false }
      }
    })
  } catch (error) {
    return usage(io, (error as Error).message)
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(REPORT_USAGE)
    return 0
  }
  if (!values.library) return usage(io, 'factdesk report needs --library FILE.')
  const library = openLibrary(resolve(values.library))
  try {
    if (values.list) {
      for (const c of await library.checks.list())
        io.stdout(`${c.id}\t${c.decided}/${c.total} decided\t${c.title}`)
      return 0
    }
    const checkId = Number(positionals[0])
    if (!Number.isInteger(checkId) || checkId <= 0) return usage(io, 'Name the check by its id (see --list).')
    let format
    try {
      format = assertReportFormat(values.format)
    } catch (error) {
      return usage(io, (error as Error).message)
    }
    if (format === 'pdf' && !values.out) return usage(io, 'A PDF needs --out FILE.')
    const report = await exportReport(library, checkId, format, {
      newsroom: values.newsroom ?? null,
      checkedBy: values.checker ?? null
    })
    if (values.out) {
      await writeFile(resolve(values.out), report.bytes)
      io.stdout(`Wrote ${values.out} (${report.bytes.length.toLocaleString('en-US')} bytes)`)
    } else io.stdout(new TextDecoder().decode(report.bytes))
    return 0
  } finally {
    await library.close()
  }
}
