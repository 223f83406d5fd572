// How a source's figure bears on the story's: intervals from the hedges, compared by overlap.
// | intervals                                   | relation    | hedged difference flag |
// |---------------------------------------------|-------------|------------------------|
// | identical, same hedge                       | supports    | no                     |
// | overlap, different hedge or value           | partial     | yes                    |
// | disjoint, but overlap once soft bounds are  | partial     | yes                    |
// | loosened (hedges.ts: "thousands" vs 10,500) |             |                        |
// | disjoint                                    | contradicts | no                     |
import type { Relation } from '../../../shared/check'
import { APPROXIMATE_HEDGES, intervalsOverlap, loosened } from '../claims/hedges'
import type { NormalizedQuantity, RatePeriod } from '../claims/quantities'
import { commonGround, figureInWords } from './figure-words'

/** Unit heads that count the same things: people and residents, homes and structures. */
const UNIT_CLASSES: Record<string, string> = Object.fromEntries(
  Object.entries({
    people:
      'people person resident victim passenger individual civilian inhabitant marcher protester demonstrator mourner survivor worker employee student child adult patient migrant refugee voter fan spectator tourist visitor pilgrim participant attendee citizen villager casualty hostage',
    crew: 'crew crewman sailor seafarer',
    building: 'home house structure building residence dwelling'
  }).flatMap(([cls, words]) => words.split(' ').map((w) => [w, cls]))
)

function unitClass(head: string | null): string | null {
  return head === null ? null : (UNIT_CLASSES[head] ?? head)
}

/** "crew members", "staff members": "member" counts what its modifier names. */
function countedHead(q: NormalizedQuantity): string | null {
  if (q.unitHead === 'member' && q.unit) return q.unit.split(/\s+/)[0]!.replace(/s$/, '')
  return q.unitHead
}

/** Units of length, mass and area, by the words news writes them in, with their SI factor. */
const MEASURES: Record<string, [dimension: string, factor: number]> = Object.fromEntries(
  Object.entries({
    length: [
      ['mm millimetre millimetres millimeter millimeters', 0.001],
      ['cm centimetre centimetres centimeter centimeters', 0.01],
      ['m metre metres meter meters', 1],
      ['km kilometre kilometres kilometer kilometers', 1000],
      ['inch inches inche', 0.0254],
      ['foot feet ft', 0.3048],
      ['yard yards', 0.9144],
      ['mile miles', 1609.344],
      ['nautical-mile', 1852]
    ],
    mass: [
      ['g gram grams gramme grammes', 0.001],
      ['kg kilogram kilograms kilo kilos', 1],
      ['tonne tonnes', 1000],
      ['lb lbs', 0.45359237]
    ],
    area: [
      ['hectare hectares ha', 10_000],
      ['acre acres', 4046.8564224]
    ]
  } as Record<string, Array<[string, number]>>).flatMap(([dimension, units]) =>
    units.flatMap(([words, factor]) => words.split(' ').map((w) => [w, [dimension, factor]]))
  )
)

/** The dimension and SI factor of a figure's unit ("11,400 feet": length, 0.3048), or null. */
function measureOf(q: NormalizedQuantity): [string, number] | null {
  if (!q.unit) return null
  const words = q.unit.toLowerCase().split(/\s+/)
  if (words[0] === 'nautical') return MEASURES['nautical-mile']!
  return MEASURES[words[0]!] ?? null
}

/** A figure in another unit of the same dimension, restated in `to`'s unit. */
function restated(q: NormalizedQuantity, to: NormalizedQuantity): NormalizedQuantity | null {
  const from = measureOf(q)
  const into = measureOf(to)
  if (!from || !into || from[0] !== into[0] || from[1] === into[1]) return null
  return scaled(q, from[1] / into[1], { unit: to.unit, unitHead: to.unitHead })
}

export function sameUnit(a: NormalizedQuantity, b: NormalizedQuantity): boolean {
  if (a.currency || b.currency) return a.currency === b.currency
  if (restated(b, a)) return true
  return a.unitHead !== null && unitClass(countedHead(a)) === unitClass(countedHead(b))
}

const PER_YEAR: Record<RatePeriod, number> = { hour: 8760, day: 365, week: 52, month: 12, year: 1 }

/** A figure's value and bounds multiplied by k: a unit or a period restated. */
function scaled(q: NormalizedQuantity, k: number, as: Partial<NormalizedQuantity>): NormalizedQuantity {
  const times = (v: number | null) => (v === null ? null : v * k)
  return { ...q, value: times(q.value), low: times(q.low), high: times(q.high), ...as }
}

/** A rate restated per year, so that "$12,500 a month" meets "$150,000 a year". */
function yearly(q: NormalizedQuantity): NormalizedQuantity {
  return q.per ? scaled(q, PER_YEAR[q.per], { per: 'year' }) : q
}

/**
 * The word a currency is called by: "$" or "dollars" in a Canadian paper may be the Canadian
 * dollars a source names, so two dollars (or francs, pounds, kroner) are not set against each other.
 */
const FAMILIES: Record<string, string> = {
  USD: 'dollar',
  CAD: 'dollar',
  AUD: 'dollar',
  HKD: 'dollar',
  NZD: 'dollar',
  SGD: 'dollar',
  TWD: 'dollar',
  CHF: 'franc',
  GBP: 'pound',
  EGP: 'pound',
  DKK: 'krone',
  NOK: 'krone',
  kroner: 'krone',
  SEK: 'krona',
  INR: 'rupee',
  PKR: 'rupee',
  MXN: 'peso',
  RUB: 'rouble'
}

function currencyFamily(currency: string): string {
  return FAMILIES[currency] ?? currency.split(' ').pop()!
}

/** The same amount in two currencies ("€3m" / "£3m"): one of them has the currency wrong. */
function currencySwapped(
  story: NormalizedQuantity,
  source: NormalizedQuantity
): { relation: Relation; reason: string; hedgedDifference: boolean } | null {
  if (!story.currency || !source.currency || story.currency === source.currency) return null
  if (currencyFamily(story.currency) === currencyFamily(source.currency)) return null
  if (story.value === null || story.value !== source.value) return null
  return {
    relation: 'contradicts',
    reason: `the source gives the same amount in ${source.currency}, the story in ${story.currency}`,
    hedgedDifference: false
  }
}

function trailingZeros(v: number): number {
  let n = 0
  while (v !== 0 && v % 10 === 0 && n < 12) {
    v /= 10
    n++
  }
  return n
}

/**
 * "About 600" and "about 700": each writer rounded to hundreds, and at that precision they
 * disagree, though ±10% would let them overlap.
 */
function roundedApart(a: NormalizedQuantity, b: NormalizedQuantity): boolean {
  if (!a.hedge || !b.hedge || !APPROXIMATE_HEDGES.has(a.hedge) || !APPROXIMATE_HEDGES.has(b.hedge))
    return false
  if (a.value === null || b.value === null || a.value === b.value) return false
  const zeros = Math.min(trailingZeros(a.value), trailingZeros(b.value))
  return (
    zeros >= 1 &&
    trailingZeros(a.value) === trailingZeros(b.value) &&
    Math.abs(a.value - b.value) >= 10 ** zeros
  )
}

/** 8,374 and 8,400 acres, 148 and 150 people: one writer rounded, or counted a moment later. */
function roundingApart(a: NormalizedQuantity, b: NormalizedQuantity): boolean {
  if (a.value === null || b.value === null || Math.min(a.value, b.value) < 100) return false
  return Math.abs(a.value - b.value) / Math.max(a.value, b.value) <= 0.02
}

export function relateQuantities(
  story: NormalizedQuantity,
  source: NormalizedQuantity
): { relation: Relation; reason: string; hedgedDifference: boolean } | null {
  if (!sameUnit(story, source)) return currencySwapped(story, source)
  const converted = restated(source, story)
  if (converted) {
    const shown = `${figureInWords(source)} (${Number(converted.value?.toPrecision(3)).toLocaleString('en-US')} ${story.unit})`
    // Conversions are rounded by whoever made them: within 2% is the same figure.
    if (
      story.value !== null &&
      converted.value !== null &&
      story.hedge === source.hedge &&
      Math.abs(converted.value - story.value) <= 0.02 * Math.abs(story.value)
    )
      return {
        relation: 'supports',
        reason: `the same figure in other units: ${shown}`,
        hedgedDifference: false
      }
    const r = relateQuantities(story, converted)
    return r && { ...r, reason: r.reason.replace(figureInWords(converted), shown) }
  }
  // Rates over different periods are compared per year; a rate against a plain amount is not.
  if (story.per && source.per && story.per !== source.per) {
    const r = relateQuantities(yearly(story), yearly(source))
    const written = (q: NormalizedQuantity) =>
      q.per === 'year'
        ? `${figureInWords(q)} a year`
        : `${figureInWords(q)} a ${q.per} (${figureInWords(yearly(q))} a year)`
    return r && { ...r, reason: `the source says ${written(source)}; the story says ${written(story)}` }
  }
  const exactSame =
    story.low === source.low &&
    story.high === source.high &&
    story.lowInclusive === source.lowInclusive &&
    story.highInclusive === source.highInclusive
  if (exactSame)
    return {
      relation: 'supports',
      reason: `the same figure: ${figureInWords(source)}`,
      hedgedDifference: false
    }
  if (roundedApart(story, source))
    return {
      relation: 'contradicts',
      reason: `the source says ${figureInWords(source)}; the story says ${figureInWords(story)} — both rounded alike, and they disagree`,
      hedgedDifference: false
    }
  if (roundingApart(story, source))
    return {
      relation: 'partial',
      reason: `the source says ${figureInWords(source)}; the story says ${figureInWords(story)} — within 2% of each other, a rounding or a later count`,
      hedgedDifference: true
    }
  if (intervalsOverlap(story, source))
    return {
      relation: 'partial',
      reason: `the source says ${figureInWords(source)}; the story says ${figureInWords(story)} — ${commonGround(story, source)}`,
      hedgedDifference: true
    }
  // "Nearly 3 km" and "more than 3 km": both hedge the same figure, from opposite sides.
  if (story.value !== null && story.value === source.value && story.hedge && source.hedge)
    return {
      relation: 'contradicts',
      reason: `the source says ${figureInWords(source)}; the story says ${figureInWords(story)} — they cannot both be true`,
      hedgedDifference: false
    }
  if (intervalsOverlap(loosened(story), loosened(source)))
    return {
      relation: 'partial',
      reason: `the source says ${figureInWords(source)}; the story says ${figureInWords(story)} — they meet only on a loose reading of the vaguer one`,
      hedgedDifference: true
    }
  return {
    relation: 'contradicts',
    reason: `the source says ${figureInWords(source)}; the story says ${figureInWords(story)}`,
    hedgedDifference: false
  }
}
