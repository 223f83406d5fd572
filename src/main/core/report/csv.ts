// The report as CSV: one row per claim, for spreadsheets. Cells that a spreadsheet would read as a
// formula (= + - @, tab, carriage return) are prefixed with an apostrophe (OWASP's advice), so a
// source text such as "=HYPERLINK(…)" stays text.
import { DECISION_LABEL, type ReportModel } from './report-model'

const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function reportToCsv(report: ReportModel): string {
  const header = [
    'claim_id',
    'kind',
    'claim',
    'suggested_status',
    'decision',
    'corrected_wording',
    'note',
    'flags',
    'evidence',
    'sources',
    'decided_at',
    // Added after the first columns, so spreadsheets built on them keep working.
    'published_in_claimreview',
    'public_explanation',
    // Who checked and who approved: the same on every row, so each row stands on its own.
    'decided_by',
    'assigned_to',
    'review_state',
    'approved_by',
    'approved_at'
  ]
  const review = report.review
  const rows = report.claims.map((c) => [
    c.id,
    c.kind,
    c.text,
    c.suggested,
    c.decision ? DECISION_LABEL[c.decision.status] : DECISION_LABEL.open,
    c.decision?.correctedText ?? '',
    c.decision?.note ?? '',
    c.flags.join(' | '),
    c.evidence.map((e) => `${e.relation}${e.pinned ? ' (pinned)' : ''}: ${e.text}`).join(' | '),
    [...new Set(c.evidence.map((e) => e.source.title ?? `source ${e.source.id}`))].join(' | '),
    c.decision?.updatedAt ?? '',
    c.decision?.publish ? 'yes' : 'no',
    c.decision?.publicExplanation ?? '',
    c.decision?.decidedBy ?? '',
    review.assignee ?? '',
    review.stateLabel,
    review.approvedBy ?? '',
    review.approvedAt ?? ''
  ])
  // CRLF and a BOM: what Excel needs to open UTF-8 CSV with accents intact.
  return '\ufeff' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
