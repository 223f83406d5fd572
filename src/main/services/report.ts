// Building a check's verification report, in any format, from what the library holds.
import { missingPublisher, NOTHING_TO_PUBLISH, publishedClaims } from '../core/report/claim-review'
import { ApiError } from '../../shared/errors'
import { buildReport, type ReportModel } from '../core/report/report-model'
import { FORMAT_INFO, renderReport, type TextFormat } from '../core/report/formats'
import type { Library } from '../library'
import { checkDetail } from './checks'
import { htmlToPdf, type PdfPrinter } from './pdf'

export type ReportFormat = TextFormat | 'pdf'

export interface ReportOptions {
  /** Who publishes the report; left out, null or blank: the library's newsroom preference. */
  newsroom?: string | null
  /** Who checked the story; left out, null or blank: the library's checkedBy preference. */
  checkedBy?: string | null
  now?: Date
  /** How HTML becomes PDF: headless Chromium unless the app gives its own. */
  printPdf?: PdfPrinter
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

export async function reportModel(library: Library, checkId: number, options: ReportOptions = {}) {
  const detail = await checkDetail(library, checkId)
  const story = await library.get(detail.story.id)
  const model: ReportModel = buildReport({
    result: detail.result,
    story: { ...detail.story, url: story?.url ?? null },
    decisions: detail.decisions,
    history: await library.checks.history(checkId),
    ...(await reportSignature(library, options)),
    now: options.now
  })
  return { model, detail }
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
  const { model, detail } = await reportModel(library, checkId, options)
  const info = FORMAT_INFO[format]
  const fileName = `verification-${fileStem(model.story.title)}.${info.extension}`
  const missing = format === 'claimreview' ? missingPublisher(model) : null
  if (missing)
    throw new ApiError(
      'BAD_REQUEST',
      `ClaimReview is published under the name of the newsroom that reviewed the claims, and ${missing} is not set. Set the newsroom and its web address in Settings, then export again.`
    )
  if (format === 'claimreview' && publishedClaims(model).length === 0)
    throw new ApiError('BAD_REQUEST', NOTHING_TO_PUBLISH)
  if (format === 'pdf') {
    const bytes = await (options.printPdf ?? htmlToPdf)(renderReport(model, 'html'))
    return { fileName, mimeType: info.mimeType, bytes }
  }
  const text = renderReport(model, format, {
    checkResult: detail.result,
    decisions: detail.decisions,
    history: await library.checks.history(checkId)
  })
  return { fileName, mimeType: info.mimeType, bytes: new TextEncoder().encode(text) }
}

export function assertReportFormat(format: string): ReportFormat {
  if (format === 'pdf' || format in FORMAT_INFO) return format as ReportFormat
  throw new ApiError(
    'BAD_REQUEST',
    `Unknown report format “${format}”: html, pdf, md, csv, json or claimreview.`
  )
}
