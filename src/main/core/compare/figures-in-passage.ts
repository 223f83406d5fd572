// A story's figure against the figures of one source paragraph: related by value only where the
// two measure the same thing (measure.ts); otherwise the passage merely mentions a number.
import type { Relation } from '../../../shared/check'
import type { NormalizedDate } from '../claims/dates'
import type { NormalizedQuantity } from '../claims/quantities'
import { differentMeasure, measureOf, type Measure } from './measure'
import type { ParagraphFacts } from './paragraph-facts'
import { relateQuantities, sameUnit } from './relate-quantities'
import { AGREEMENT_FOR_EVIDENCE, eventAgreement, wordsAround } from './text-words'

/** What the story says around a figure or date, for telling whether a passage measures the same. */
export interface FigureContext {
  measure: Measure
  /** The story's other figures: a passage's figure the story also gives is not against this one. */
  otherFigures: NormalizedQuantity[]
  publicationYears: ReadonlySet<string>
  /** The story's other dates in the same sentence. */
  otherDates: NormalizedDate[]
  quoted: boolean
  publishedAt: string | null
  baseline: string | null
  /** The date is a state's "as of", not an event's. */
  asOf: boolean
  /** The clock time of the story's date before this one in its sentence: what "an hour later" counts from. */
  anchorTime?: string | null
  /** A distance's bearing ("20 miles north of Austin"), or null. */
  bearing?: { direction: string; from: string } | null
}

const BEARING =
  /^\s*(?:[\p{L}-]+\s+){0,2}?(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+(\p{Lu}[\p{L}\p{M}'’-]*)/iu

/** "20 miles north of Austin": the bearing a distance is measured on, from where. */
export function bearingAfter(text: string, end: number): { direction: string; from: string } | null {
  const m = BEARING.exec(text.slice(end, end + 60))
  return m ? { direction: m[1]!.toLowerCase().replace('-', ''), from: m[2]! } : null
}

/** Two distances from one place on different bearings measure the way to two places. */
function otherBearing(
  story: { direction: string; from: string } | null,
  source: { direction: string; from: string } | null
): string | null {
  if (!story || !source || story.from !== source.from || story.direction === source.direction) return null
  return `it measures ${source.direction} of ${source.from}, not ${story.direction}`
}

/** Whether two ages are of one person: both name someone, and the names share a word. */
function samePerson(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false
  const words = new Set(a.split(/\s+/).filter((w) => w.length > 2))
  return b.split(/\s+/).some((w) => words.has(w))
}

/** A relation found in a paragraph, with the sentence it rests on. */
export interface Found {
  start: number
  end: number
  relation: Relation
  reason: string
  hedgedDifference?: boolean
  /** Tied to the story's fact by a value both give ("from 09:10 to 10:10"), not by words alone. */
  anchored?: boolean
}

export function relateFigures(
  story: NormalizedQuantity,
  near: ReadonlyMap<string, number>,
  pf: ParagraphFacts,
  figure: FigureContext
): Found[] {
  const found: Found[] = []
  const text = pf.text
  // Proper names tie figures together too ("Yarnell, a community of…" / "Yarnell, a town of…").
  const names = [...figure.measure.names]
  for (const i of pf.sentencesSharing([...near.keys(), ...names])) {
    const sharedNames = Math.min(2, names.filter((n) => pf.words(i).has(n)).length)
    const s = pf.sentences[i]!
    const located = pf.quantities(i)
    const counted = located.some((l) => sameUnit(story, l.claim.normalized as NormalizedQuantity))
      ? located
      : [...located, ...indefiniteCount(story, text, s)]
    for (const { claim: q, around } of counted) {
      // The shared unit ("troops") already ties two figures together; one more word will do.
      const agreement = eventAgreement(near, around) + sharedNames
      if (agreement < 1) continue
      const source = q.normalized as NormalizedQuantity
      const r = relateQuantities(story, source)
      if (!r || (r.relation === 'contradicts' && agreement < AGREEMENT_FOR_EVIDENCE)) continue
      if (r.relation !== 'supports') {
        const dates = pf.dates(i).map((d) => d.claim.normalized as NormalizedDate)
        // A distance on another bearing, an age of someone else (an age's measure is its person,
        // not what happened), or another measure: the passage only mentions the figure.
        const why =
          otherBearing(figure.bearing ?? null, bearingAfter(text, q.end)) ??
          (story.unitHead === 'age'
            ? samePerson(story.agePerson, source.agePerson)
              ? null
              : 'it may be someone else’s age'
            : (differentMeasure(
                figure.measure,
                measureOf(text, s, q.start, q.end, dates),
                story.value,
                source.value,
                figure.publicationYears
              ) ??
              (figure.otherFigures.some(
                (o) => sameUnit(o, source) && relateQuantities(o, source)?.relation === 'supports'
              )
                ? 'the story gives that figure too, for something else'
                : null)))
        if (why) {
          found.push({
            start: s.start,
            end: s.end,
            relation: 'mentions',
            reason: `gives ${q.text}, but ${why}`
          })
          continue
        }
      }
      // "A bomb" against "two bombs" is a difference to look at, not a count to contradict.
      const vague = q.id.startsWith('indefinite')
      found.push({
        start: s.start,
        end: s.end,
        relation: vague && r.relation === 'contradicts' ? 'partial' : r.relation,
        reason: vague
          ? `the source speaks of one (“${q.text}”), the story of ${story.value ?? 'several'}`
          : r.reason,
        hedgedDifference: vague ? r.relation !== 'supports' : r.hedgedDifference
      })
    }
  }
  return found
}

/**
 * "Detonated a bomb" where the story counts bombs: an indefinite article counts one of the
 * story's unit. Looked for only in sentences that give no figure of their own.
 */
function indefiniteCount(story: NormalizedQuantity, text: string, s: { start: number; end: number }) {
  const head = story.unitHead
  if (!head || story.currency || story.value === null || story.value === 1) return []
  const sentence = text.slice(s.start, s.end)
  const re = new RegExp(String.raw`\b(?:an?|one|a single)\s+(?:[\p{Ll}-]+\s+){0,2}?${head}s?\b`, 'iu')
  const m = re.exec(sentence)
  if (!m) return []
  const start = s.start + m.index
  const end = start + m[0].length
  return [
    {
      claim: {
        id: `indefinite-${start}`,
        kind: 'quantity' as const,
        text: m[0],
        start,
        end,
        sentence: s,
        normalized: {
          value: 1,
          low: 1,
          high: 1,
          lowInclusive: true,
          highInclusive: true,
          unit: head,
          unitHead: head,
          currency: null,
          hedge: null
        } satisfies NormalizedQuantity
      },
      around: wordsAround(text, s, start, end)
    }
  ]
}
