// Hedges ("more than", "up to", "nearly", "thousands of") turned into intervals, so that figures
// written differently can be compared by overlap instead of by equality.
//
// | written                                                      | interval          | soft bounds |
// |--------------------------------------------------------------|-------------------|-------------|
// | v (no hedge)                                                 | [v, v]            | —           |
// | more than / over / above / in excess of / upwards of v       | (v, ∞)            | —           |
// | at least / no fewer than / no less than v                    | [v, ∞)            | —           |
// | up to / as many as / as much as / at most / no more than v   | [0, v]            | —           |
// | fewer than / less than / under / below v                     | [0, v)            | —           |
// | nearly / almost / close to / just under / approaching v      | [0.9v, v)         | low         |
// | about / around / roughly / approximately / some / an estimated v | [0.9v, 1.1v]  | both        |
// | a–b, a to b, between a and b                                 | [a, b]            | —           |
// | dozens of                                                    | [24, 143]         | both        |
// | scores of                                                    | [40, 199]         | both        |
// | hundreds of                                                  | [200, 999]        | both        |
// | thousands of                                                 | [2,000, 9,999]    | both        |
// | tens of thousands of                                         | [20,000, 99,999]  | both        |
// | hundreds of thousands of                                     | [200,000, 999,999]| both        |
// | millions / tens of millions / hundreds of millions of        | [2e6, 1e7) / [2e7, 1e8) / [2e8, 1e9) | both |
// | billions / tens of billions / hundreds of billions of        | [2e9, 1e10) / …   | both        |
// ∞ is null in the JSON. A plural magnitude ("thousands") means at least two of the unit and less
// than ten of the next word a writer would have used ("tens of thousands").
// A soft bound is a convention of ours, not something the writer said: "thousands of troops" does
// not rule out 10,500. Where two figures are disjoint, but would overlap were the soft bounds
// loosened (low halved, high doubled; a value written "about" stays within a fifth of itself) and
// the open ends closed ("nearly 12" meets "12"), they are
// a hedged difference for the editor, not a contradiction. Hard bounds stay hard: "up to 800"
// and "more than 1,000" contradict.
export interface Interval {
  low: number | null
  high: number | null
  lowInclusive: boolean
  highInclusive: boolean
}

/** Hedges that name a value and round it: read loosely, they stay near the value. */
const APPROXIMATE_PHRASES = [
  'about',
  'around',
  'roughly',
  'approximately',
  'some',
  'an estimated',
  'estimated'
] as const
export const APPROXIMATE_HEDGES: ReadonlySet<string> = new Set(APPROXIMATE_PHRASES)

export const HEDGE_PHRASES = [
  'more than',
  'over',
  'above',
  'in excess of',
  'upwards of',
  'at least',
  'no fewer than',
  'no less than',
  'up to',
  'as many as',
  'as much as',
  'at most',
  'no more than',
  'fewer than',
  'less than',
  'under',
  'below',
  'nearly',
  'almost',
  'close to',
  'just under',
  'approaching',
  ...APPROXIMATE_PHRASES
] as const

export const VAGUE_AMOUNTS: Record<string, [number, number]> = {
  dozens: [24, 143],
  scores: [40, 199],
  hundreds: [200, 999],
  thousands: [2_000, 9_999],
  'tens of thousands': [20_000, 99_999],
  'hundreds of thousands': [200_000, 999_999],
  millions: [2e6, 1e7 - 1],
  'tens of millions': [2e7, 1e8 - 1],
  'hundreds of millions': [2e8, 1e9 - 1],
  billions: [2e9, 1e10 - 1],
  'tens of billions': [2e10, 1e11 - 1],
  'hundreds of billions': [2e11, 1e12 - 1]
}

const ABOVE = new Set(['more than', 'over', 'above', 'in excess of', 'upwards of'])
const AT_LEAST = new Set(['at least', 'no fewer than', 'no less than'])
const AT_MOST = new Set(['up to', 'as many as', 'as much as', 'at most', 'no more than'])
const BELOW = new Set(['fewer than', 'less than', 'under', 'below'])
const NEARLY = new Set(['nearly', 'almost', 'close to', 'just under', 'approaching'])

/** The interval a hedged single value stands for (see the table above). */
export function hedgedInterval(hedge: string | null, v: number): Interval {
  if (hedge === null) return { low: v, high: v, lowInclusive: true, highInclusive: true }
  if (ABOVE.has(hedge)) return { low: v, high: null, lowInclusive: false, highInclusive: false }
  if (AT_LEAST.has(hedge)) return { low: v, high: null, lowInclusive: true, highInclusive: false }
  if (AT_MOST.has(hedge)) return { low: 0, high: v, lowInclusive: true, highInclusive: true }
  if (BELOW.has(hedge)) return { low: 0, high: v, lowInclusive: true, highInclusive: false }
  if (NEARLY.has(hedge)) return { low: (v * 9) / 10, high: v, lowInclusive: true, highInclusive: false }
  // about, around, roughly, approximately, some, (an) estimated
  return { low: (v * 9) / 10, high: (v * 11) / 10, lowInclusive: true, highInclusive: true }
}

/** Which bounds of a hedge's interval are our convention rather than the writer's words. */
export function softBounds(hedge: string | null): { low: boolean; high: boolean } {
  if (hedge === null) return { low: false, high: false }
  if (hedge in VAGUE_AMOUNTS) return { low: true, high: true }
  if (NEARLY.has(hedge)) return { low: true, high: false }
  if (ABOVE.has(hedge) || AT_LEAST.has(hedge) || AT_MOST.has(hedge) || BELOW.has(hedge))
    return { low: false, high: false }
  return { low: true, high: true }
}

/** Whether two intervals share at least one value. */
export function intervalsOverlap(a: Interval, b: Interval): boolean {
  const aLow = a.low ?? -Infinity
  const bLow = b.low ?? -Infinity
  const aHigh = a.high ?? Infinity
  const bHigh = b.high ?? Infinity
  const low = Math.max(aLow, bLow)
  const high = Math.min(aHigh, bHigh)
  if (low < high) return true
  if (low > high) return false
  // They touch at one value: it is shared only if every bound that sits there includes it.
  const lowIncluded = (aLow !== low || a.lowInclusive) && (bLow !== low || b.lowInclusive)
  const highIncluded = (aHigh !== high || a.highInclusive) && (bHigh !== high || b.highInclusive)
  return lowIncluded && highIncluded
}

/**
 * The interval read loosely: soft bounds widened (low halved, high doubled) and every bound
 * inclusive, so "nearly $12 billion" and "$12 billion" (a round figure) meet at 12 billion.
 */
export function loosened(q: Interval & { hedge: string | null; value?: number | null }): Interval {
  // "About 20" read loosely is still a figure near 20 (a fifth either side), not 10 to 44: the
  // writer named a value, only rounded it.
  if (q.hedge && APPROXIMATE_HEDGES.has(q.hedge) && typeof q.value === 'number')
    return { low: q.value * 0.8, high: q.value * 1.2, lowInclusive: true, highInclusive: true }
  const soft = softBounds(q.hedge)
  return {
    low: soft.low && q.low !== null ? q.low / 2 : q.low,
    high: soft.high && q.high !== null ? q.high * 2 : q.high,
    lowInclusive: true,
    highInclusive: true
  }
}
