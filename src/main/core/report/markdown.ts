// The verification report as Markdown.
import { mdEscape } from './check-markdown'
import { DECISION_LABEL, type ReportModel } from './report-model'

export function reportToMarkdown(report: ReportModel): string {
  const s = report.summary
  const out = [
    `# Verification report: ${mdEscape(report.story.title)}`,
    '',
    [report.story.outlet, report.story.publishedAt, report.story.url]
      .filter(Boolean)
      .map((x) => mdEscape(x!))
      .join(' · '),
    '',
    [
      report.checkedBy ? `Checked by ${mdEscape(report.checkedBy)}` : null,
      report.newsroom ? mdEscape(report.newsroom) : null,
      `generated ${report.generatedAt}`
    ]
      .filter(Boolean)
      .join(' · '),
    '',
    '| Claims | Verified | Disputed | Corrected | Not checkable | Undecided |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${s.total} | ${s.byDecision.verified} | ${s.byDecision.disputed} | ${s.byDecision.corrected} | ${s.byDecision.dismissed} | ${s.undecided} |`,
    ''
  ]
  const undecided = report.claims.filter((c) => !c.decision)
  if (undecided.length)
    out.push(
      `**${undecided.length} not yet decided:** ${undecided.map((c) => mdEscape(c.text)).join(' · ')}`,
      ''
    )
  out.push('## Claims', '')
  for (const c of report.claims.filter((x) => x.decision)) {
    out.push(
      `### ${DECISION_LABEL[c.decision!.status]}: ${mdEscape(c.text)}`,
      '',
      `_${c.kind}; suggested: ${c.suggested}_`,
      ''
    )
    if (c.decision!.correctedText)
      out.push(`**Corrected wording:** ${mdEscape(c.decision!.correctedText)}`, '')
    if (c.decision!.note) out.push(`**Note:** ${mdEscape(c.decision!.note)}`, '')
    for (const f of c.flags) out.push(`- ⚑ ${mdEscape(f)}`)
    for (const e of c.evidence) {
      out.push(
        `- ${e.relation}${e.pinned ? ' (pinned)' : ''} — ${mdEscape([e.source.outlet, e.source.title].filter(Boolean).join(', '))}: “${mdEscape(e.text)}”`
      )
    }
    for (const h of c.history) out.push(`- ${h.at}: ${h.from ?? 'new'} → ${h.to}`)
    out.push('')
  }
  out.push(
    '## Sources',
    '',
    ...report.sources.map(
      (src) =>
        `- ${mdEscape([src.outlet, src.title].filter(Boolean).join(' — '))}${src.publishedAt ? `, ${src.publishedAt}` : ''}${src.url ? ` <${src.url}>` : ''}`
    ),
    ''
  )
  return out.join('\n')
}
