// Checks inside the story itself: a weekday that does not match its date, a relative date that
// resolves away from the date written next to it, one figure given twice with different values.
import type { Flag } from '../../../shared/check'
import { weekdayOf, type NormalizedDate } from '../claims/dates'
import type { NormalizedQuantity } from '../claims/quantities'
import type { ExtractedClaim } from '../claims/types'
import { differentMeasure, measureOf, type Measure } from './measure'
import { relateQuantities, sameUnit } from './relate-quantities'

const NO_YEARS: ReadonlySet<string> = new Set()
import { contentWords, dice } from './text-words'

export function consistencyFlags(
  text: string,
  claims: readonly ExtractedClaim[],
  dated: 'published' | 'inferred' = 'published'
): Map<string, Flag[]> {
  const against =
    dated === 'inferred' ? 'the date inferred from the sources (confirm it)' : 'the publication date'
  const flags = new Map<string, Flag[]>()
  const add = (id: string, flag: Flag) => flags.set(id, [...(flags.get(id) ?? []), flag])
  const dates = claims.filter((c) => c.kind === 'date')
  for (const claim of dates) {
    const d = claim.normalized as NormalizedDate
    if (d.weekday && d.precision === 'day' && !d.relative) {
      const actual = weekdayOf(d.value)
      if (actual && actual !== d.weekday) {
        add(claim.id, {
          kind: 'weekday-mismatch',
          message: `“${claim.text}”: ${d.value} is a ${actual}, not a ${d.weekday}.`
        })
      }
    }
    if (d.relative && !d.unresolved && !d.elapsed) {
      add(claim.id, {
        kind: 'relative-date',
        message: `“${claim.text}” is relative; against ${against} it means ${d.value}.`
      })
      // "On Saturday, Nov. 17": the same sentence also gives an absolute date that must agree.
      // Only the date written beside the weekday: a sentence may date two events.
      const absolute = dates.find(
        (o) =>
          o !== claim &&
          o.sentence.start === claim.sentence.start &&
          (Math.abs(o.start - claim.end) <= 3 || Math.abs(claim.start - o.end) <= 3) &&
          !(o.normalized as NormalizedDate).relative &&
          (o.normalized as NormalizedDate).precision === 'day'
      )
      if (
        absolute &&
        d.precision === 'day' &&
        (absolute.normalized as NormalizedDate).value.slice(5) !== d.value.slice(5) &&
        d.weekday
      ) {
        const absWeekday = weekdayOf((absolute.normalized as NormalizedDate).value)
        if (absWeekday !== d.weekday) {
          add(claim.id, {
            kind: 'weekday-mismatch',
            message: `“${claim.text}” resolves to ${d.value}, but the sentence also says “${absolute.text}”.`
          })
        }
      }
    }
  }
  const figures = claims.filter((c) => c.kind === 'quantity' || c.kind === 'money')
  const sentenceWords = new Map<number, Set<string>>()
  const wordsOf = (c: ExtractedClaim) => {
    let words = sentenceWords.get(c.sentence.start)
    if (!words) {
      words = new Set(contentWords(text.slice(c.sentence.start, c.sentence.end)))
      sentenceWords.set(c.sentence.start, words)
    }
    return words
  }
  const measures = new Map<string, Measure>()
  const measure = (c: ExtractedClaim) => {
    let m = measures.get(c.id)
    if (!m) measures.set(c.id, (m = measureOf(text, c.sentence, c.start, c.end, [])))
    return m
  }
  for (let j = 1; j < figures.length; j++) {
    const b = figures[j]!
    const qb = b.normalized as NormalizedQuantity
    const earlier: ExtractedClaim[] = []
    for (let i = 0; i < j; i++) {
      const a = figures[i]!
      const qa = a.normalized as NormalizedQuantity
      if (!sameUnit(qa, qb) || relateQuantities(qa, qb)?.relation !== 'contradicts') continue
      if (dice(wordsOf(a), wordsOf(b)) < 0.5) continue
      if (differentMeasure(measure(a), measure(b), qa.value, qb.value, NO_YEARS)) continue
      earlier.push(a)
    }
    // One flag per figure, naming the nearest earlier one: a long story repeating a unit would
    // otherwise give each figure a flag for every figure before it.
    const nearest = earlier[earlier.length - 1]
    if (nearest) {
      const others = earlier.length - 1
      add(b.id, {
        kind: 'inconsistent-figure',
        message: `The story gives “${b.text}” here and “${nearest.text}” earlier for what reads as the same thing${
          others > 0 ? ` (and ${others} other figure${others === 1 ? '' : 's'} before it)` : ''
        }.`
      })
    }
  }
  return flags
}
