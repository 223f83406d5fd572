// How a source's figure bears on the story's: intervals from the hedges, compared by overlap.
import type { Relation } from '../../../shared/check'
import { intervalsOverlap, type NormalizedQuantity } from '../claims/quantities'

function describe(q: NormalizedQuantity): string {
  const n = (v: number | null) => (v === null ? '∞' : v.toLocaleString('en-US', { maximumFractionDigits: 2 }))
  if (q.low === q.high) return n(q.low)
  return `${q.lowInclusive ? '[' : '('}${n(q.low)}, ${n(q.high)}${q.highInclusive ? ']' : ')'}`
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
  const exactSame = story.low === source.low && story.high === source.high && story.hedge === source.hedge
  if (exactSame)
    return { relation: 'supports', reason: `same figure (${describe(story)})`, hedgedDifference: false }
  if (intervalsOverlap(story, source)) {
    return {
      relation: 'partial',
      reason: `compatible but not the same: story ${story.hedge ?? 'exactly'} ${describe(story)}, source ${source.hedge ?? 'exactly'} ${describe(source)}`,
      hedgedDifference: true
    }
  }
  return {
    relation: 'contradicts',
    reason: `different figures: story ${describe(story)}, source ${describe(source)}`,
    hedgedDifference: false
  }
}
