// The report as one self-contained HTML file: styles inline, no scripts, no remote requests, every
// piece of story, source and note text escaped, so a source containing <script> prints as text.
import { dateForPeople } from '../../../shared/people-words'
import {
  DECISION_LABEL,
  publicExplanation,
  reviewLine,
  type ReportClaim,
  type ReportModel
} from './report-model'

export function escapeHtml(text: string | null | undefined): string {
  return (text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
  )
}

/** Links only to http(s); anything else (javascript:, data:) is shown as text, not linked. */
function link(url: string | null, label: string): string {
  if (url && /^https?:\/\//i.test(url)) return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`
  return escapeHtml(label)
}

const STYLE = `
  body { font: 14px/1.45 Georgia, 'Noto Serif', serif; color: #1c1c1e; max-width: 52em; margin: 2em auto; padding: 0 1em; }
  h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.2; }
  h1 { font-size: 1.5em; margin: 0 0 .2em; }
  h2 { font-size: 1.1em; margin: 1.2em 0 .4em; border-bottom: 1px solid #d9d5cd; padding-bottom: .2em; }
  .meta, .muted { color: #5c5c63; font-family: system-ui, sans-serif; font-size: .88em; }
  table.summary { border-collapse: collapse; font-family: system-ui, sans-serif; margin: .8em 0; font-size: .9em; }
  table.summary td, table.summary th { border: 1px solid #d9d5cd; padding: .25em .7em; text-align: left; }
  .claim { border-top: 1px solid #ebe7df; padding: .5em 0; break-inside: avoid; }
  .claim h3 { font-size: .95em; margin: 0 0 .25em; }
  .claim p { margin: .25em 0; }
  .status { font-family: system-ui, sans-serif; font-weight: 600; font-size: .8em; border: 1px solid currentColor; border-radius: 3px; padding: 0 .4em; }
  .verified { color: #1d6b3a; } .disputed { color: #a3262a; } .corrected { color: #8a5a00; } .open, .dismissed { color: #5c5c63; }
  blockquote { margin: .3em 0 .3em 1em; padding-left: .7em; border-left: 3px solid #d9d5cd; font-size: .92em; }
  .pinned { border-left-color: #2456a6; }
  .public { border-left: 3px solid #2456a6; padding-left: .7em; }
  ul.compact { padding-left: 1.2em; margin: .3em 0; font-size: .92em; }
  ul.compact li { margin: .1em 0; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; }
    a { color: inherit; }
  }
  @page {
    size: A4;
    margin: 18mm 16mm 18mm 16mm;
    @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt system-ui, sans-serif; color: #5c5c63; }
  }
`

/** The running header: the headline on every printed page but the first. */
function runningHeader(title: string): string {
  const quoted = JSON.stringify(title.length > 90 ? `${title.slice(0, 89)}…` : title)
  return `@page { @top-center { content: ${quoted}; font: 9pt system-ui, sans-serif; color: #5c5c63; } } @page :first { @top-center { content: none; } }`
}

const source = (s: ReportClaim['evidence'][number]['source']) =>
  [s.outlet, s.title, s.publishedAt ? dateForPeople(s.publishedAt) : null].filter(Boolean).join(', ')

function evidenceHtml(claim: ReportClaim): string {
  const parts = claim.evidence.map(
    (e) =>
      `<blockquote class="${e.pinned ? 'pinned' : ''}"><span class="muted">${escapeHtml(e.relationLabel)}${e.pinned ? ' · pinned' : ''} — ${link(e.source.url, source(e.source) || `source ${e.source.id}`)}</span><br>“${escapeHtml(e.text)}”</blockquote>`
  )
  if (claim.moreEvidence)
    parts.push(
      `<p class="muted">${claim.moreEvidence} more passage${claim.moreEvidence === 1 ? '' : 's'} in the check.</p>`
    )
  return parts.join('\n')
}

/** A decided claim: its decision, the corrected wording, the note and the evidence. */
function claimHtml(claim: ReportClaim): string {
  const status = claim.decision?.status ?? 'open'
  const parts = [
    `<section class="claim" id="${escapeHtml(claim.id)}">`,
    `<h3><span class="status ${status}">${escapeHtml(DECISION_LABEL[status])}</span> ${escapeHtml(claim.text)} <span class="muted">(${escapeHtml(claim.kindLabel)})</span></h3>`
  ]
  // What was wrong needs its context; a verified claim is read in the story.
  if (status === 'corrected' || status === 'disputed')
    parts.push(`<p class="muted">In the story: “${escapeHtml(claim.sentence)}”</p>`)
  if (claim.decision?.correctedText)
    parts.push(`<p><strong>Corrected wording:</strong> ${escapeHtml(claim.decision.correctedText)}</p>`)
  if (claim.decision?.note) parts.push(`<p><strong>Note:</strong> ${escapeHtml(claim.decision.note)}</p>`)
  const explained = publicExplanation(claim)
  if (explained)
    parts.push(
      `<p class="public"><strong>${escapeHtml(explained.label)}:</strong> ${escapeHtml(explained.text)}</p>`
    )
  for (const flag of claim.flags) parts.push(`<p class="muted">⚑ ${escapeHtml(flag)}</p>`)
  parts.push(evidenceHtml(claim))
  if (claim.decision?.updatedAt)
    parts.push(
      `<p class="muted">Decided ${escapeHtml(dateForPeople(claim.decision.updatedAt))}${claim.decision.decidedBy ? ` by ${escapeHtml(claim.decision.decidedBy)}` : ''}</p>`
    )
  parts.push('</section>')
  return parts.join('\n')
}

/** A claim in a compact list: not checkable, or not yet decided. */
function compactHtml(claim: ReportClaim): string {
  const note = claim.decision?.note ? ` — ${escapeHtml(claim.decision.note)}` : ''
  return `<li>${escapeHtml(claim.text)} <span class="muted">(${escapeHtml(claim.kindLabel)}; ${escapeHtml(claim.suggestedLabel.toLowerCase())})</span>${note}</li>`
}

/** Undecided claims by kind, each kind on one line: the list is long, and only names what is left. */
function groupedHtml(title: string, claims: ReportClaim[]): string {
  if (!claims.length) return ''
  const byKind = new Map<string, string[]>()
  for (const c of claims) byKind.set(c.kindLabel, [...(byKind.get(c.kindLabel) ?? []), c.text])
  const lines = [...byKind].map(
    ([kind, texts]) =>
      `<li><strong>${escapeHtml(kind)} (${texts.length}):</strong> ${texts.map(escapeHtml).join(' · ')}</li>`
  )
  return `<h2>${escapeHtml(title)} (${claims.length})</h2>\n<ul class="compact">${lines.join('\n')}</ul>`
}

function section(title: string, claims: ReportClaim[], render: 'full' | 'compact'): string {
  if (!claims.length) return ''
  return render === 'full'
    ? `<h2>${escapeHtml(title)} (${claims.length})</h2>\n${claims.map(claimHtml).join('\n')}`
    : `<h2>${escapeHtml(title)} (${claims.length})</h2>\n<ul class="compact">${claims.map(compactHtml).join('\n')}</ul>`
}

export function reportToHtml(report: ReportModel): string {
  const s = report.summary
  const { corrections, verified, notCheckable, undecided } = report.sections
  const signed = [
    report.checkedBy ? `Checked by ${escapeHtml(report.checkedBy)}` : null,
    report.newsroom ? link(report.newsroomUrl, report.newsroom) : null,
    `report of ${escapeHtml(dateForPeople(report.generatedAt))}`
  ].filter(Boolean)
  const reviewed = reviewLine(report.review, dateForPeople)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>Verification report: ${escapeHtml(report.story.title)}</title>
<style>${STYLE}${runningHeader(report.story.title)}</style>
</head>
<body>
<header>
<h1>Verification report: ${escapeHtml(report.story.title)}</h1>
<p class="meta">${[report.story.outlet ? escapeHtml(report.story.outlet) : null, report.story.publishedAt ? escapeHtml(dateForPeople(report.story.publishedAt)) : null, report.story.url ? link(report.story.url, report.story.url) : null].filter(Boolean).join(' · ')}</p>
<p class="meta">${signed.join(' · ')}</p>
${reviewed.length ? `<p class="meta" data-review="${escapeHtml(report.review.state)}">${reviewed.map(escapeHtml).join(' · ')}</p>\n` : ''}</header>
<table class="summary">
<tr><th>Claims</th><th>Corrected</th><th>Disputed</th><th>Verified</th><th>Not checkable</th><th>Undecided</th></tr>
<tr><td>${s.total}</td><td>${s.byDecision.corrected}</td><td>${s.byDecision.disputed}</td><td>${s.byDecision.verified}</td><td>${s.byDecision.dismissed}</td><td>${s.undecided}</td></tr>
</table>
${section('Corrections and disputes', corrections, 'full')}
${section('Verified', verified, 'full')}
${section('Not checkable', notCheckable, 'compact')}
${groupedHtml('Not yet decided', undecided)}
<h2>Sources (${report.sources.length})</h2>
<ul class="compact">
${report.sources.map((src) => `<li>${link(src.url, [src.outlet, src.title].filter(Boolean).join(' — ') || `source ${src.id}`)}${src.publishedAt ? `, ${escapeHtml(dateForPeople(src.publishedAt))}` : ''}</li>`).join('\n')}
</ul>
</body>
</html>
`
}
