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
import type { NormalizedDate } from '../claims/dates'
import type { Measure } from './measure'
import { relateDates } from './relate-dates'

const DAY = 86_400_000
const CURRENT_DAYS = 14
const PAST_DAYS = 60

/** The middle of the period a date names, as a time; null for a decade or an unreadable value. */
function instant(d: NormalizedDate): number | null {
  if (d.precision === 'decade') return null
  const [y, m, day] = d.value.split('-').map(Number)
  if (!y) return null
  const t = Date.UTC(y, (m ?? 7) - 1, day ?? (m ? 15 : 1))
  return Number.isNaN(t) ? null : t
}

export interface DatedSentence {
  date: NormalizedDate
  /** The other dates of the same sentence. */
  others: readonly NormalizedDate[]
  measure: Measure
  quoted: boolean
}

export function differentEvent(story: DatedSentence, source: DatedSentence, publishedAt: string | null): string | null {
  if (story.quoted || source.quoted) return 'one of the dates is inside a quotation, relative to when it was said'
  if (source.others.some((o) => relateDates(story.date, o)?.relation === 'supports'))
    return 'the passage also gives the story’s date, for another event'
  if (story.others.some((o) => relateDates(o, source.date)?.relation === 'supports'))
    return 'the story’s sentence also gives this date, for another event'
  // A clock time names no day of its own: nothing to tell the events apart by.
  if (story.date.timeOnly || source.date.timeOnly) return null
  const a = instant(story.date)
  const b = instant(source.date)
  if (story.date.relative && source.date.relative && a !== null && b !== null && Math.abs(a - b) <= DAY)
    return 'both are written relative to the day of writing, a day apart'
  const published = publishedAt ? Date.parse(`${publishedAt.slice(0, 10)}T00:00:00Z`) : NaN
  if (a === null || b === null || Number.isNaN(published)) return null
  const age = (t: number) => Math.abs(published - t) / DAY
  const current = (t: number) => age(t) <= CURRENT_DAYS
  const past = (t: number) => age(t) > PAST_DAYS
  if ((current(a) && past(b)) || (past(a) && current(b))) return 'one is this week’s event, the other an earlier one'
  if (past(a) && past(b)) {
    const shared = [...story.measure.names].some((n) => source.measure.names.has(n))
    if (!shared) return 'both recall earlier events, and the sentences name none in common'
  }
  return null
}
