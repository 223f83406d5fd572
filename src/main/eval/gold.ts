// Scoring check results against a cluster's gold.json, with the rules of shared/eval/score.mjs
// (gold.test.ts runs both on the same results and requires the same verdicts), plus what the
// reference scorer does not say: why a TRAP failed (a false conflict or a claim never extracted).
import type { CheckedClaim, CheckResult } from '../../shared/check'

export type Level = 'HARD' | 'SOFT' | 'TRAP'

export interface GoldExpectation {
  flagged?: string
  notCorroborated?: boolean
  evidence?: string
  relation?: string
  notConflict?: boolean
  corroborated?: boolean
}

export interface GoldItem {
  id: string
  level: Level
  story: string
  claim?: string
  kind?: string
  absent?: string
  maxCount?: number
  expect: GoldExpectation[]
  note?: string
}

export interface Gold {
  cluster: string
  items: GoldItem[]
}

export type Outcome = 'ok' | 'missed' | 'not-extracted' | 'false-conflict' | 'no-result'

export interface ItemScore {
  item: GoldItem
  ok: boolean
  outcome: Outcome
  why: string
}

const lc = (s: unknown) => String(s ?? '').toLowerCase()

const flagText = (c: CheckedClaim) =>
  [c.status, ...(c.flags ?? []).flatMap((f) => [f.kind, f.message])].map(lc).join(' | ')

export const isConflict = (c: CheckedClaim) =>
  /conflict|disput|contradict/.test(lc(c.status)) ||
  (c.evidence ?? []).some((e) => lc(e.relation) === 'contradicts')

const isCorroborated = (c: CheckedClaim) =>
  /corroborat|supported|verified/.test(lc(c.status)) && !/partial|partly|un/.test(lc(c.status))

function meets(expectation: GoldExpectation, c: CheckedClaim): boolean {
  if (expectation.flagged)
    return (
      (lc(c.status) !== 'corroborated' || (c.flags ?? []).length > 0) &&
      new RegExp(expectation.flagged, 'i').test(flagText(c))
    )
  if (expectation.notCorroborated) return !isCorroborated(c)
  if (expectation.evidence) {
    const wanted = lc(expectation.evidence)
    const relation = new RegExp(expectation.relation ?? '', 'i')
    return (c.evidence ?? []).some((e) => lc(e.text).includes(wanted) && relation.test(lc(e.relation)))
  }
  if (expectation.notConflict) return !isConflict(c)
  if (expectation.corroborated) return isCorroborated(c)
  return false
}

/** The claims a gold item speaks of: same kind (when given) and overlapping text. */
export function candidatesFor(item: GoldItem, claims: readonly CheckedClaim[]): CheckedClaim[] {
  const wanted = lc(item.claim)
  return claims.filter(
    (c) =>
      (!item.kind || c.kind === item.kind) &&
      (lc(c.text).includes(wanted) || (wanted.includes(lc(c.text)) && lc(c.text).length > 3))
  )
}

export function scoreItem(item: GoldItem, result: CheckResult | undefined): ItemScore {
  const score = (ok: boolean, outcome: Outcome, why: string): ItemScore => ({ item, ok, outcome, why })
  if (!result) return score(false, 'no-result', 'no result')
  const claims = result.claims
  if (item.absent) {
    const absent = lc(item.absent)
    const hit = claims.find((c) => lc(c.text).includes(absent) || lc(c.sentence).includes(absent))
    return hit ? score(false, 'missed', `claim from furniture: "${hit.text}"`) : score(true, 'ok', 'absent')
  }
  const cands = candidatesFor(item, claims)
  if (item.maxCount !== undefined) {
    const ok = cands.length > 0 && cands.length <= item.maxCount
    return score(ok, ok ? 'ok' : 'missed', `${cands.length} claims`)
  }
  if (!cands.length) return score(false, 'not-extracted', 'claim not extracted')
  const all = (c: CheckedClaim) => item.expect.every((e) => meets(e, c))
  if (item.level === 'TRAP') {
    const bad = cands.find((c) => !all(c))
    return bad
      ? score(false, 'false-conflict', `false conflict on "${bad.text}" (${bad.status})`)
      : score(true, 'ok', `${cands.length} claims, none in conflict`)
  }
  const good = cands.find(all)
  if (good) return score(true, 'ok', `"${good.text}" ${good.status}`)
  const seen = cands
    .slice(0, 2)
    .map((c) => `"${c.text}" ${c.status} [${flagText(c)}]`)
    .join('; ')
  return score(false, 'missed', `found ${cands.length} claim(s), expectation not met: ${seen}`)
}

export function scoreGold(gold: Gold, results: ReadonlyMap<string, CheckResult>): ItemScore[] {
  return gold.items.map((item) => scoreItem(item, results.get(item.story)))
}
