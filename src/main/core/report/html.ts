// The report as one self-contained HTML file: styles inline, no scripts, no remote requests, every
// piece of story, source and note text escaped, so a source containing <script> prints as text.
import { DECISION_LABEL, type ReportClaim, type ReportModel } from './report-model'

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
  body { font: 15px/1.5 Georgia, 'Noto Serif', serif; color: #1c1c1e; max-width: 52em; margin: 2em auto; padding: 0 1em; }
  h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.2; }
  h1 { font-size: 1.6em; margin-bottom: .2em; }
  .meta, .muted { color: #5c5c63; font-family: system-ui, sans-serif; font-size: .9em; }
  table.summary { border-collapse: collapse; font-family: system-ui, sans-serif; margin: 1em 0; }
  table.summary td, table.summary th { border: 1px solid #d9d5cd; padding: .3em .8em; text-align: left; }
  .claim { border-top: 1px solid #d9d5cd; padding: .8em 0; break-inside: avoid; }
  .claim h3 { font-size: 1em; margin: 0 0 .3em; }
  .status { font-family: system-ui, sans-serif; font-weight: 600; font-size: .85em; border: 1px solid currentColor; border-radius: 3px; padding: 0 .4em; }
  .verified { color: #1d6b3a; } .disputed { color: #a3262a; } .corrected { color: #8a5a00; } .open, .dismissed { color: #5c5c63; }
  blockquote { margin: .4em 0 .4em 1em; padding-left: .8em; border-left: 3px solid #d9d5cd; }
  .pinned { border-left-color: #2456a6; }
  .undecided { background: #fff8dc; padding: .5em .8em; border: 1px solid #e0c060; font-family: system-ui, sans-serif; }
  ul.history { font-family: system-ui, sans-serif; font-size: .85em; color: #5c5c63; }
  @media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`

function claimHtml(claim: ReportClaim): string {
  const status = claim.decision?.status ?? 'open'
  const parts = [
    `<section class="claim" id="${escapeHtml(claim.id)}">`,
    `<h3><span class="status ${status}">${escapeHtml(DECISION_LABEL[status])}</span> ${escapeHtml(claim.text)} <span class="muted">(${escapeHtml(claim.kind)}; suggested: ${escapeHtml(claim.suggested)})</span></h3>`
  ]
  if (claim.decision?.correctedText)
    parts.push(`<p><strong>Corrected wording:</strong> ${escapeHtml(claim.decision.correctedText)}</p>`)
  if (claim.decision?.note) parts.push(`<p><strong>Note:</strong> ${escapeHtml(claim.decision.note)}</p>`)
  for (const flag of claim.flags) parts.push(`<p class="muted">⚑ ${escapeHtml(flag)}</p>`)
  for (const e of claim.evidence) {
    const source = [e.source.outlet, e.source.title, e.source.publishedAt].filter(Boolean).join(', ')
    parts.push(
      `<blockquote class="${e.pinned ? 'pinned' : ''}"><span class="muted">${escapeHtml(e.relation)}${e.pinned ? ' · pinned' : ''} — ${link(e.source.url, source || `source ${e.source.id}`)}</span><br>“${escapeHtml(e.text)}”</blockquote>`
    )
  }
  if (claim.history.length) {
    parts.push(
      '<ul class="history">' +
        claim.history
          .map((h) => `<li>${escapeHtml(h.at)}: ${escapeHtml(h.from ?? 'new')} → ${escapeHtml(h.to)}</li>`)
          .join('') +
        '</ul>'
    )
  }
  parts.push('</section>')
  return parts.join('\n')
}

export function reportToHtml(report: ReportModel): string {
  const s = report.summary
  const undecided = report.claims.filter((c) => !c.decision)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>Verification report: ${escapeHtml(report.story.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Verification report: ${escapeHtml(report.story.title)}</h1>
<p class="meta">${[report.story.outlet, report.story.publishedAt].filter(Boolean).map(escapeHtml).join(' · ')}${report.story.url ? ` · ${link(report.story.url, report.story.url)}` : ''}</p>
<p class="meta">${[report.checkedBy ? `Checked by ${escapeHtml(report.checkedBy)}` : null, report.newsroom ? escapeHtml(report.newsroom) : null, `report generated ${escapeHtml(report.generatedAt)}`].filter(Boolean).join(' · ')}</p>
</header>
<table class="summary">
<tr><th>Claims</th><th>Verified</th><th>Disputed</th><th>Corrected</th><th>Not checkable</th><th>Undecided</th></tr>
<tr><td>${s.total}</td><td>${s.byDecision.verified}</td><td>${s.byDecision.disputed}</td><td>${s.byDecision.corrected}</td><td>${s.byDecision.dismissed}</td><td>${s.undecided}</td></tr>
</table>
${
  undecided.length
    ? `<p class="undecided"><strong>${undecided.length} claim${undecided.length === 1 ? ' is' : 's are'} not yet decided:</strong> ${undecided
        .slice(0, 30)
        .map((c) => escapeHtml(c.text))
        .join(' · ')}${undecided.length > 30 ? ' …' : ''}</p>`
    : ''
}
<h2>Claims</h2>
${report.claims.map(claimHtml).join('\n')}
<h2>Sources</h2>
<ul>
${report.sources.map((src) => `<li>${link(src.url, [src.outlet, src.title].filter(Boolean).join(' — ') || `source ${src.id}`)}${src.publishedAt ? `, ${escapeHtml(src.publishedAt)}` : ''}</li>`).join('\n')}
</ul>
</body>
</html>
`
}
