// Building a check's verification report, in any format, from what the library holds.
import { ApiError } from '../../shared/errors'
import { FORMAT_INFO, type TextFormat } from '../core/report/formats'
import { renderReportFile, type ReportFile, type ReportFileJob } from '../core/report/report-file'
import type { Library } from '../library'
import { checkDetail } from './checks'
import { htmlToPdf, type PdfPrinter } from './pdf'
import { cancelled, WorkerJobFailed, type WorkerPool } from './worker-pool'

export type ReportFormat = TextFormat | 'pdf'

/**
 * Where a report is built and rendered: this thread (the CLI) or a worker thread (the app, serve
 * mode), where an abort terminates it.
 */
export type ReportRenderer = (job: ReportFileJob, signal?: AbortSignal) => Promise<ReportFile>

export const renderInThread: ReportRenderer = (job) => Promise.resolve(renderReportFile(job))

export type ReportWorkers = WorkerPool<ReportFileJob, ReportFile>

export function workerReportRenderer(pool: ReportWorkers): ReportRenderer {
  return (job, signal) =>
    pool.run(job, { signal }).catch((error: unknown) => {
      throw error instanceof WorkerJobFailed ? new Error(`The report failed: ${error.reason}.`) : error
    })
}

export interface ReportOptions {
  /** Who publishes the report; left out, null or blank: the library's newsroom preference. */
  newsroom?: string | null
  /** Who checked the story; left out, null or blank: the library's checkedBy preference. */
  checkedBy?: string | null
  now?: Date
  /** How HTML becomes PDF: headless Chromium unless the app gives its own. */
  printPdf?: PdfPrinter
  render?: ReportRenderer
  /** Cancel: the render (in a worker) and the PDF printing are stopped, and the export fails CANCELLED. */
  signal?: AbortSignal
}

/** The signature of a report: what the caller named, and the library's preferences for the rest. */
export async function reportSignature(
  library: Library,
  options: Pick<ReportOptions, 'newsroom' | 'checkedBy'>
): Promise<{ newsroom: string | null; newsroomUrl: string | null; checkedBy: string | null }> {
  const preferences = await library.preferences.get()
  const newsroom = options.newsroom?.trim() || null
  return {
    newsroom: newsroom ?? preferences.newsroom,
    // The stored address belongs to the stored newsroom, not to another one named for this report.
    newsroomUrl: newsroom === null || newsroom === preferences.newsroom ? preferences.newsroomUrl : null,
    checkedBy: options.checkedBy?.trim() || preferences.checkedBy
  }
}

/** What the library holds for the report, as plain data a worker thread can be sent. */
async function reportJob(
  library: Library,
  checkId: number,
  format: ReportFormat,
  options: ReportOptions
): Promise<ReportFileJob> {
  const detail = await checkDetail(library, checkId)
  // The summary: a story's address is all the report needs of it, not its (maybe 50 MB) text.
  const story = await library.summary(detail.story.id)
  const history = await library.checks.history(checkId)
  const signature = await reportSignature(library, options)
  const review = detail.review
  return {
    input: {
      result: detail.result,
      story: { ...detail.story, url: story?.url ?? null },
      decisions: detail.decisions,
      history,
      ...signature,
      // Unsigned, a desk's report is signed by whom the check is assigned to.
      checkedBy: signature.checkedBy ?? review.assignee,
      review: { assignee: review.assignee, history: review.history },
      now: options.now
    },
    format,
    extras: {
      checkResult: detail.result,
      decisions: detail.decisions,
      history,
      reviewHistory: review.history
    }
  }
}

/** "verification-foreign-minister-iwaya-visits-kyiv": words of the headline, a file name's
 * extension dropped, punctuation turned into hyphens rather than run together. */
export function fileStem(title: string): string {
  const slug = title
    .replace(/\.(?:txt|md|markdown|html?|docx|pdf)$/i, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  // Cut at a word, not inside one.
  const cut = slug.length <= 60 ? slug : slug.slice(0, 61).replace(/-[^-]*$/, '')
  return cut || 'report'
}

export async function exportReport(
  library: Library,
  checkId: number,
  format: ReportFormat,
  options: ReportOptions = {}
): Promise<{ fileName: string; mimeType: string; bytes: Uint8Array }> {
  const { signal } = options
  const file = await (options.render ?? renderInThread)(
    await reportJob(library, checkId, format, options),
    signal
  )
  if (signal?.aborted) throw cancelled()
  if (!file.ok) throw new ApiError('BAD_REQUEST', file.message)
  const info = FORMAT_INFO[format]
  const fileName = `verification-${fileStem(file.title)}.${info.extension}`
  const bytes =
    format === 'pdf'
      ? await (options.printPdf ?? htmlToPdf)(new TextDecoder().decode(file.bytes), signal)
      : file.bytes
  // A printer that cannot be stopped (Electron's) finishes; what it made is dropped.
  if (signal?.aborted) throw cancelled()
  return { fileName, mimeType: info.mimeType, bytes }
}

export function assertReportFormat(format: string): ReportFormat {
  if (format === 'pdf' || format in FORMAT_INFO) return format as ReportFormat
  throw new ApiError(
    'BAD_REQUEST',
    `Unknown report format “${format}”: html, pdf, md, csv, json or claimreview.`
  )
}
