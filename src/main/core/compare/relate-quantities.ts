// How a source's figure bears on the story's: intervals from the hedges, compared by overlap.
// | intervals                                   | relation    | hedged difference flag |
// |---------------------------------------------|-------------|------------------------|
// | identical, same hedge                       | supports    | no                     |
// | overlap, different hedge or value           | partial     | yes                    |
// | disjoint, but overlap once soft bounds are  | partial     | yes                    |
// | loosened (hedges.ts: "thousands" vs 10,500) |             |                        |
// | disjoint                                    | contradicts | no                     |
import type { Relation } from '../../../shared/check'
import { intervalsOverlap, loosened } from '../claims/hedges'
import type { NormalizedQuantity } from '../claims/quantities'

/** A figure for a message: plain digits with thousands separators (no locale lookup, it is hot). */
function figure(v: number | null): string {
  if (v === null) return '∞'
  const rounded = Math.round(v * 100) / 100
  const [whole, fraction] = String(Math.abs(rounded)).split('.')
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`
}

export function describeQuantity(q: NormalizedQuantity): string {
  const words = q.hedge ? `${q.hedge} ` : ''
  if (q.low === q.high) return `${words}${figure(q.low)}`
  return `${words}${q.lowInclusive ? '[' : '('}${figure(q.low)}, ${figure(q.high)}${q.highInclusive ? ']' : ')'}`
}

export function sameUnit(a: NormalizedQuantity, b: NormalizedQuantity): boolean {
  if (a.currency || b.currency) return a.currency === b.currency
  return a.unitHead !== null && a.unitHead === b.unitHead
}

export function relateQuantities(
  story: NormalizedQuantity,
  source: NormalizedQuantity
): { relation: Relation; reason: string; hedgedDifference: boolean } | null {
  if (!sameUnit(story, source)) return null
  const exactSame =
    story.low === source.low &&
    story.high === source.high &&
    story.lowInclusive === source.lowInclusive &&
    story.highInclusive === source.highInclusive
  if (exactSame)
    return {
      relation: 'supports',
      reason: `same figure (${describeQuantity(story)})`,
      hedgedDifference: false
    }
  if (intervalsOverlap(story, source))
    return {
      relation: 'partial',
      reason: `compatible but not the same: story ${describeQuantity(story)}, source ${describeQuantity(source)}`,
      hedgedDifference: true
    }
  if (intervalsOverlap(loosened(story), loosened(source)))
    return {
      relation: 'partial',
      reason: `close only on a loose reading of a vague figure: story ${describeQuantity(story)}, source ${describeQuantity(source)}`,
      hedgedDifference: true
    }
  return {
    relation: 'contradicts',
    reason: `different figures: story ${describeQuantity(story)}, source ${describeQuantity(source)}`,
    hedgedDifference: false
  }
}
