// The verification report as Markdown.
import { mdEscape } from './check-markdown'
import { dateForPeople } from '../../../shared/people-words'
import {
  DECISION_LABEL,
  publicExplanation,
  reviewLine,
  type ReportClaim,
  type ReportModel
} from './report-model'

export function reportToMarkdown(report: ReportModel): string {
  const s = report.summary
  const out = [
    `# Verification report: ${mdEscape(report.story.title)}`,
    '',
    [
      report.story.outlet,
      report.story.publishedAt ? dateForPeople(report.story.publishedAt) : null,
      report.story.url
    ]
      .filter(Boolean)
      .map((x) => mdEscape(x!))
      .join(' · '),
    '',
    [
      report.checkedBy ? `Checked by ${mdEscape(report.checkedBy)}` : null,
      report.newsroom ? mdEscape(report.newsroom) : null,
      `report of ${dateForPeople(report.generatedAt)}`
    ]
      .filter(Boolean)
      .join(' · '),
    '',
    ...reviewedMarkdown(report),
    '| Claims | Corrected | Disputed | Verified | Not checkable | Undecided |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${s.total} | ${s.byDecision.corrected} | ${s.byDecision.disputed} | ${s.byDecision.verified} | ${s.byDecision.dismissed} | ${s.undecided} |`,
    ''
  ]
  const { corrections, verified, notCheckable, undecided } = report.sections
  const full = (title: string, claims: ReportClaim[]) => {
    if (!claims.length) return
    out.push(`## ${title} (${claims.length})`, '')
    for (const c of claims) {
      const status = c.decision!.status
      out.push(`### ${DECISION_LABEL[status]}: ${mdEscape(c.text)}`, '', `_${c.kindLabel}_`, '')
      if (status === 'corrected' || status === 'disputed') out.push(`> ${mdEscape(c.sentence)}`, '')
      if (c.decision!.correctedText)
        out.push(`**Corrected wording:** ${mdEscape(c.decision!.correctedText)}`, '')
      if (c.decision!.note) out.push(`**Note:** ${mdEscape(c.decision!.note)}`, '')
      const explained = publicExplanation(c)
      if (explained) out.push(`**${explained.label}:** ${mdEscape(explained.text)}`, '')
      for (const f of c.flags) out.push(`- ⚑ ${mdEscape(f)}`)
      for (const e of c.evidence) {
        out.push(
          `- ${e.relationLabel}${e.pinned ? ' (pinned)' : ''} — ${mdEscape([e.source.outlet, e.source.title].filter(Boolean).join(', '))}: “${mdEscape(e.text)}”`
        )
      }
      if (c.moreEvidence)
        out.push(`- ${c.moreEvidence} more passage${c.moreEvidence === 1 ? '' : 's'} in the check`)
      if (c.decision!.updatedAt)
        out.push(
          `- Decided ${dateForPeople(c.decision!.updatedAt)}${c.decision!.decidedBy ? ` by ${mdEscape(c.decision!.decidedBy)}` : ''}`
        )
      out.push('')
    }
  }
  full('Corrections and disputes', corrections)
  full('Verified', verified)
  if (notCheckable.length) {
    out.push(`## Not checkable (${notCheckable.length})`, '')
    for (const c of notCheckable)
      out.push(
        `- ${mdEscape(c.text)} (${c.kindLabel})${c.decision?.note ? ` — ${mdEscape(c.decision.note)}` : ''}`
      )
    out.push('')
  }
  if (undecided.length) {
    out.push(`## Not yet decided (${undecided.length})`, '')
    const byKind = new Map<string, string[]>()
    for (const c of undecided) byKind.set(c.kindLabel, [...(byKind.get(c.kindLabel) ?? []), mdEscape(c.text)])
    for (const [kind, texts] of byKind) out.push(`- **${kind} (${texts.length}):** ${texts.join(' · ')}`)
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

/** Who checked and who approved, as its own paragraph; nothing when no one is on record. */
function reviewedMarkdown(report: ReportModel): string[] {
  const parts = reviewLine(report.review, dateForPeople)
  return parts.length ? [parts.map(mdEscape).join(' · '), ''] : []
}
