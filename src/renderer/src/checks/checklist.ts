// The checklist's rows: claims filtered by kind, status and words, grouped under their paragraph.
import type { CheckedClaim, ClaimKind, ClaimPriority } from '../../../shared/check'
import type { DecisionStatus } from '../../../shared/workbench'

/** Which claims the checklist shows: those needing attention, every checkable one, or all of them
 * with the bare names of places and organizations. */
export type ClaimScope = 'attention' | 'checkable' | 'all'

/** A result saved before claims had a priority reads as checkable. */
export function priorityOf(claim: CheckedClaim): ClaimPriority {
  return claim.priority ?? 'check'
}

export function inScope(claim: CheckedClaim, scope: ClaimScope): boolean {
  const priority = priorityOf(claim)
  return scope === 'all' || priority === 'attention' || (scope === 'checkable' && priority === 'check')
}

/** The scope a check opens on: what needs attention, when anything does. */
export function openingScope(claims: readonly CheckedClaim[]): ClaimScope {
  return claims.some((c) => priorityOf(c) === 'attention') ? 'attention' : 'checkable'
}

export interface ClaimFilter {
  /** Which priorities; absent means all. */
  scope?: ClaimScope
  /** Empty means every kind. */
  kinds: ReadonlySet<ClaimKind>
  /** Empty means every status. */
  statuses: ReadonlySet<DecisionStatus>
  query: string
}

export type ChecklistRow =
  | { type: 'paragraph'; key: string; paragraph: number; count: number }
  | { type: 'claim'; key: string; paragraph: number; claim: CheckedClaim }

/** Lower-case and without accents, so "kyiv" finds "Kyiv" and "zelenskyy" finds "Zelenskyy". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

export function filterClaims(
  claims: readonly CheckedClaim[],
  statusOf: (claimId: string) => DecisionStatus,
  filter: ClaimFilter,
  sentenceOf: (claim: CheckedClaim) => string = () => ''
): CheckedClaim[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean)
  return claims.filter((claim) => {
    if (filter.scope && !inScope(claim, filter.scope)) return false
    if (filter.kinds.size > 0 && !filter.kinds.has(claim.kind)) return false
    if (filter.statuses.size > 0 && !filter.statuses.has(statusOf(claim.id))) return false
    if (words.length === 0) return true
    const haystack = fold(`${claim.text} ${sentenceOf(claim)}`)
    return words.every((w) => haystack.includes(w))
  })
}

export function checklistRows(
  claims: readonly CheckedClaim[],
  paragraphOf: (claim: CheckedClaim) => number
): ChecklistRow[] {
  const rows: ChecklistRow[] = []
  let header: Extract<ChecklistRow, { type: 'paragraph' }> | null = null
  for (const claim of claims) {
    const paragraph = paragraphOf(claim)
    if (!header || header.paragraph !== paragraph) {
      header = { type: 'paragraph', key: `p${paragraph}`, paragraph, count: 0 }
      rows.push(header)
    }
    header.count++
    rows.push({ type: 'claim', key: claim.id, paragraph, claim })
  }
  return rows
}

/** The claim `step` places away in the list, staying at the ends; the first one when none is current. */
export function neighbour(ids: readonly string[], current: string | null, step: number): string | null {
  if (ids.length === 0) return null
  const at = current === null ? -1 : ids.indexOf(current)
  if (at < 0) return step >= 0 ? ids[0]! : ids[ids.length - 1]!
  return ids[Math.min(ids.length - 1, Math.max(0, at + step))]!
}
