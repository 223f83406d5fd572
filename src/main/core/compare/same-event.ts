// Whether two dates can date the same event, before their values are compared. A story about
// this week's crash that also recalls "the deadliest since 1981" holds dates of several events;
// comparing them across texts turns every historical reference into a false conflict.
//
// | not the same event                                     | example                              |
// |--------------------------------------------------------|--------------------------------------|
// | one date is this fortnight's, the other months or more | "on Tuesday" / "the Nov. 13 attack"  |
// | away from the publication date                         |                                      |
// | both are in the past, and the sentences share no name  | "since 1981, when … Inex-Adria" /    |
// |                                                        | "a Concorde crash in July 2000"      |
// | either sentence also gives the other's date            | two events dated in one sentence     |
// | both are relative and a day apart ("yesterday",        | when a reporter wrote decides which  |
// | "last night", "early Monday")                          | day a relative word means            |
// | the date is inside a quotation                         | "Today, our thoughts…" said someone  |
// | either date is a state's "as of", not an event's       | "as of Monday, police were still…"   |
import type { NormalizedDate } from '../claims/dates'
import type { Measure } from './measure'
import { relateDates } from './relate-dates'

const DAY = 86_400_000
const CURRENT_DAYS = 14
const PAST_DAYS = 60

/** The middle of the period a date names, as a time; null for a decade, a century or an unreadable value. */
function instant(d: NormalizedDate): number | null {
  if (d.precision === 'decade' || d.precision === 'century') return null
  const [y, m, day] = d.value.split('-').map(Number)
  if (!y) return null
  const t = Date.UTC(y, (m ?? 7) - 1, day ?? (m ? 15 : 1))
  return Number.isNaN(t) ? null : t
}

export interface DatedSentence {
  date: NormalizedDate
  /** "The deadliest since 1981": the superlative a "since" date is the baseline of, or null. */
  baseline: string | null
  /** The other dates of the same sentence. */
  others: readonly NormalizedDate[]
  measure: Measure
  quoted: boolean
  /** "As of Monday, police were still searching": the date a state held, not an event's. */
  asOf: boolean
}

/** Whether the date at dateOffset in the sentence is introduced by "as of" or "as at". */
export function asOfDate(sentence: string, dateOffset: number): boolean {
  return /\bas (?:of|at)\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, dateOffset - 20), dateOffset))
}

const SUPERLATIVE = /\b(?:first|last|\w+est|most \w+|worst|only)\b/gi
/** Words that end in "-est" without being superlatives. */
const NOT_SUPERLATIVE =
  /^(?:west|east|rest|latest|interest|protest|suggest|request|forest|honest|modest|harvest|arrest|test|contest|guest|quest|chest|nest|pest|vest)$/

/**
 * "the deadliest … since 1981", "the first … since a Concorde crash … in July 2000": a date after
 * "since" in a sentence with a superlative is the record's baseline; the superlative, or null.
 */
export function baselineOf(sentence: string, dateOffset: number): string | null {
  const before = sentence.slice(Math.max(0, dateOffset - 80), dateOffset)
  if (!/\bsince\b/i.test(before)) return null
  const words = sentence.slice(0, dateOffset).match(SUPERLATIVE)
  return words?.map((w) => w.toLowerCase()).find((w) => !NOT_SUPERLATIVE.test(w)) ?? null
}

export function differentEvent(
  story: DatedSentence,
  source: DatedSentence,
  publishedAt: string | null
): string | null {
  if (story.quoted || source.quoted)
    return 'one of the dates is inside a quotation, relative to when it was said'
  if (source.others.some((o) => relateDates(story.date, o)?.relation === 'supports'))
    return 'the passage also gives the story’s date, for another event'
  if (story.others.some((o) => relateDates(o, source.date)?.relation === 'supports'))
    return 'the story’s sentence also gives this date, for another event'
  if (story.asOf || source.asOf)
    return 'one date says when a situation held (“as of”), not when something happened'
  if (story.baseline !== source.baseline)
    return story.baseline || source.baseline
      ? `one date is the baseline of a record (“${story.baseline ?? source.baseline}… since”), not the event`
      : null
  // A clock time names no day of its own: nothing to tell the events apart by.
  if (story.date.timeOnly || source.date.timeOnly) return null
  const a = instant(story.date)
  const b = instant(source.date)
  // A day named by its weekday does not shift with the day of writing as "yesterday" does.
  const bothWeekdays = story.date.weekday !== null && source.date.weekday !== null
  if (
    !bothWeekdays &&
    story.date.relative &&
    source.date.relative &&
    a !== null &&
    b !== null &&
    a !== b &&
    Math.abs(a - b) <= DAY
  )
    return 'both are written relative to the day of writing, a day apart'
  const published = publishedAt ? Date.parse(`${publishedAt.slice(0, 10)}T00:00:00Z`) : NaN
  if (a === null || b === null || Number.isNaN(published)) return null
  const age = (t: number) => Math.abs(published - t) / DAY
  const current = (t: number) => age(t) <= CURRENT_DAYS
  const past = (t: number) => age(t) > PAST_DAYS
  if ((current(a) && past(b)) || (past(a) && current(b)))
    return 'one is this week’s event, the other an earlier one'
  if (past(a) && past(b)) {
    const shared = [...story.measure.names].some((n) => source.measure.names.has(n))
    if (!shared) return 'both recall earlier events, and the sentences name none in common'
  }
  return null
}
