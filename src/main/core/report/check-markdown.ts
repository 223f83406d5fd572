// A check result as Markdown: what an editor reads in a terminal or pastes into a ticket.
import type { CheckResult, CheckedClaim, SuggestedStatus } from '../../../shared/check'

const STATUS_LABEL: Record<SuggestedStatus, string> = {
  'spelling-to-check': '✎ spelling to check',
  conflicting: '✗ conflicting',
  'partly-corroborated': '◐ partly corroborated',
  'single-source': '◔ single source',
  unsupported: '○ unsupported',
  corroborated: '✓ corroborated'
}
/** Most in need of the editor first. */
const ORDER: SuggestedStatus[] = [
  'spelling-to-check',
  'conflicting',
  'partly-corroborated',
  'single-source',
  'unsupported',
  'corroborated'
]

/** Markdown-escape text from a story or source so it cannot become markup. */
export function mdEscape(text: string): string {
  // Only what starts inline markup or raw HTML; a leading # or - cannot occur mid-line here.
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\s+/g, ' ')
}

function claimBlock(claim: CheckedClaim, titles: Map<number, string>): string[] {
  const lines = [`- **${mdEscape(claim.text)}** _(${claim.kind})_ — ${STATUS_LABEL[claim.status]}`]
  for (const flag of claim.flags) lines.push(`  - ⚑ ${flag.kind}: ${mdEscape(flag.message)}`)
  for (const e of claim.evidence) {
    lines.push(
      `  - ${e.relation} — ${mdEscape(e.sourceTitle ?? `source ${e.sourceId}`)}: “${mdEscape(e.text)}” (${mdEscape(e.reason)})`
    )
  }
  if (claim.silent.length)
    lines.push(
      `  - silent: ${claim.silent.map((id) => mdEscape(titles.get(id) ?? `source ${id}`)).join(', ')}`
    )
  return lines
}

export function checkResultToMarkdown(
  result: CheckResult,
  options: { includeCorroborated?: boolean } = {}
): string {
  const titles = new Map(result.sources.map((s) => [s.id, s.title ?? `source ${s.id}`]))
  const counts = new Map<SuggestedStatus, number>()
  for (const c of result.claims) counts.set(c.status, (counts.get(c.status) ?? 0) + 1)
  const out = [
    `# Check: ${mdEscape(result.story.title ?? `story ${result.story.id}`)}`,
    '',
    `${result.claims.length} claims against ${result.sources.length} sources${
      result.story.publishedAt
        ? `; story dated ${result.story.publishedAt}`
        : result.story.inferredDate
          ? `; the story carries no date: read as of ${result.story.inferredDate}, the date of ${result.story.inferredFrom?.length ?? 0} of its sources (confirm it)`
          : ''
    }.`,
    '',
    ORDER.filter((s) => counts.has(s))
      .map((s) => `${STATUS_LABEL[s]}: ${counts.get(s)}`)
      .join(' · '),
    ''
  ]
  for (const status of ORDER) {
    const claims = result.claims.filter((c) => c.status === status)
    if (claims.length === 0) continue
    out.push(`## ${STATUS_LABEL[status]} (${claims.length})`, '')
    if (status === 'corroborated' && !options.includeCorroborated) {
      out.push(claims.map((c) => mdEscape(c.text)).join(' · '), '')
      continue
    }
    for (const claim of claims) out.push(...claimBlock(claim, titles))
    out.push('')
  }
  out.push(
    '## Sources',
    '',
    ...result.sources.map(
      (s) =>
        `- ${mdEscape(s.title ?? `source ${s.id}`)}${s.outlet ? ` — ${mdEscape(s.outlet)}` : ''}${s.publishedAt ? `, ${s.publishedAt}` : ''}`
    ),
    ''
  )
  return out.join('\n')
}
