// A report from the check's data to the bytes of its file, in one call that needs nothing but that
// data: the app runs it in a worker thread (a check of 5,000 claims takes a while to render).
import { missingPublisher, NOTHING_TO_PUBLISH, publishedClaims } from './claim-review'
import { renderReport, type JsonExtras, type TextFormat } from './formats'
import { buildReport, type ReportInput } from './report-model'

export interface ReportFileJob {
  input: ReportInput
  /** pdf: the HTML to print, which is the printer's job, not this one's. */
  format: TextFormat | 'pdf'
  extras: JsonExtras
}

/** The file, or why this format cannot be written for this check (a sentence for the user). */
export type ReportFile = { ok: true; title: string; bytes: Uint8Array } | { ok: false; message: string }

export function renderReportFile({ input, format, extras }: ReportFileJob): ReportFile {
  const model = buildReport(input)
  if (format === 'claimreview') {
    const missing = missingPublisher(model)
    if (missing)
      return {
        ok: false,
        message: `ClaimReview is published under the name of the newsroom that reviewed the claims, and ${missing} is not set. Set the newsroom and its web address in Settings, then export again.`
      }
    if (publishedClaims(model).length === 0) return { ok: false, message: NOTHING_TO_PUBLISH }
  }
  const text = format === 'pdf' ? renderReport(model, 'html') : renderReport(model, format, extras)
  return { ok: true, title: model.story.title, bytes: new TextEncoder().encode(text) }
}
