// Every export format, by name: what the CLI's --format and the app's Export menu offer.
import { reportToClaimReview } from './claim-review'
import { reportToCsv } from './csv'
import { reportToHtml } from './html'
import { reportToMarkdown } from './markdown'
import type { ReportModel } from './report-model'

export const TEXT_FORMATS = ['html', 'md', 'csv', 'json', 'claimreview'] as const
export type TextFormat = (typeof TEXT_FORMATS)[number]

export const FORMAT_INFO: Record<TextFormat | 'pdf', { extension: string; mimeType: string }> = {
  html: { extension: 'html', mimeType: 'text/html; charset=utf-8' },
  md: { extension: 'md', mimeType: 'text/markdown; charset=utf-8' },
  csv: { extension: 'csv', mimeType: 'text/csv; charset=utf-8' },
  json: { extension: 'json', mimeType: 'application/json' },
  claimreview: { extension: 'jsonld', mimeType: 'application/ld+json' },
  pdf: { extension: 'pdf', mimeType: 'application/pdf' }
}

/** The JSON export: the documented check result, plus the decisions, their history and the review. */
export interface JsonExtras {
  checkResult: unknown
  decisions: unknown
  history: unknown
  /** Every review step, oldest first; left out, none. */
  reviewHistory?: unknown
}

/** Who checked and who approved, with every review step, for the JSON export. */
function jsonReview(report: ReportModel, json: JsonExtras | undefined) {
  const { reported: _reported, stateLabel: _label, ...review } = report.review
  return { ...review, history: json?.reviewHistory ?? [] }
}

export function renderReport(report: ReportModel, format: TextFormat, json?: JsonExtras): string {
  switch (format) {
    case 'html':
      return reportToHtml(report)
    case 'md':
      return reportToMarkdown(report)
    case 'csv':
      return reportToCsv(report)
    case 'json':
      return (
        JSON.stringify(
          {
            ...(json?.checkResult as object),
            decisions: json?.decisions ?? [],
            history: json?.history ?? [],
            review: jsonReview(report, json)
          },
          null,
          2
        ) + '\n'
      )
    case 'claimreview':
      return JSON.stringify(reportToClaimReview(report), null, 2) + '\n'
  }
}
