// Dates and times in running text, resolved against the text's publication date, keeping the
// precision that was written: "Saturday" is a day, "last month" a month, "the 1990s" a decade.
import * as chrono from 'chrono-node'
import { claimId, type ExtractedClaim, type Span } from './types'
import { sentenceAt } from './sentences'
import { extractSpansOfTime } from './spans-of-time'
import { insideWebAddress, webAddressSpans } from './web-addresses'

export type DatePrecision = 'day' | 'month' | 'year' | 'decade' | 'century'

export interface NormalizedDate extends Record<string, unknown> {
  precision: DatePrecision
  /** YYYY-MM-DD, YYYY-MM, YYYY or 199x, to the precision written. */
  value: string
  /** Written relative to the publication date ("Saturday", "last month"). */
  relative: boolean
  /** The year was not written and was inferred ("16 November"); compare month and day only. */
  yearImplied: boolean
  /** Relative, and no publication date to resolve it against. */
  unresolved: boolean
  /** Neither written nor read from a publication date: the year is only chrono's placeholder. */
  yearGuessed?: boolean
  weekday: string | null
  /** The part of the day written ("Sunday evening"): morning, afternoon, evening or night. */
  part?: DayPart | null
  /** A clock time written ("10:53 a.m."), HH:MM on 24 hours. */
  time?: string | null
  /** The time was hedged ("about 9 p.m.", "just after 10 a.m."). */
  timeApproximate?: boolean
  /** Only a clock time was written: the day is not known from the words. */
  timeOnly?: boolean
  /** "About an hour later": minutes elapsed since an earlier moment, as an interval. */
  elapsed?: [number, number]
  /** "Last summer", "the summer of 2013": the season, its value the season's middle month. */
  season?: string
}

export type DayPart = 'dawn' | 'morning' | 'afternoon' | 'evening' | 'night'

const DAY_PARTS: Array<[RegExp, DayPart]> = [
  [
    /\bdawn\b|\bdaybreak\b|\bfirst light\b|\bearly hours\b|\bearly (?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i,
    'dawn'
  ],
  [/\bmorning\b/i, 'morning'],
  [/\bafternoon\b|\bnoon\b|\bmidday\b/i, 'afternoon'],
  [/\bevening\b|\bdusk\b/i, 'evening'],
  [/\bnight\b|\bovernight\b|\bmidnight\b/i, 'night']
]

function dayPart(text: string): DayPart | null {
  for (const [re, part] of DAY_PARTS) if (re.test(text)) return part
  return null
}

/** "for 10 years", "in 80 years", "three harrowing weeks": how long, not when. */
const DURATION =
  /^(?:(?:in|for|over|within|after|during)\s+)?(?:the\s+)?(?:past\s+|last\s+|next\s+|at\s+least\s+|more\s+than\s+|nearly\s+|about\s+)?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many)\s+(?:[a-z]+\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)$/i
const APPROXIMATE_TIME =
  /\b(?:about|around|approximately|roughly|shortly|just|some|nearly|almost|before|after)\s*$/i

/** Where there is no publication date, relative dates are marked unresolved; chrono still needs one. */
const DEFAULT_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12))
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const LEADING = /^(?:on|in|at|by|since|from|until|till|during|of)\s+/i
const YEAR_OR_DECADE =
  /\b(?:(?:in|since|by|during|until|of|from|before|after|early|late|mid-?)\s+)?(?:the\s+)?((?:1[5-9]|20)\d0s|'\d0s)|\b(?:in|since|by|during|until|from|before|after)\s+((?:1[5-9]|20)\d\d|1[0-4]\d\d(?!\s+\p{L}))\b/giu

/** "date the founding of the monastery to 1453", "dating back to 1345": a year things are dated to. */
const DATED_TO =
  /\bdat(?:e|es|ed|ing)\b[^.;:!?]{0,80}?\b(?:back\s+)?(?:to|from)\s+(?:around\s+|about\s+)?((?:1[0-9]|20)\d\d)\b/giu

/** "the 17th century", "a 12th-century church": a century by its ordinal. */
const CENTURY = /\b(\d{1,2})(?:st|nd|rd|th)[-\s]century\b/giu

/**
 * A year, a decade ("the 1990s", value "199x") or a century ("the 17th century", "the 1500s",
 * value "16xx") written at start. Hundreds before 1900 written as "the 1500s" name a century;
 * "the 1900s" and "the 2000s" are read as decades, as news mostly means them.
 */
function yearClaim(
  text: string,
  sentences: readonly Span[],
  start: number,
  written: string,
  options?: { decade?: string; century?: string }
): ExtractedClaim {
  return {
    id: claimId('date', start),
    kind: 'date',
    text: written,
    start,
    end: start + written.length,
    sentence: sentenceAt(sentences, start),
    normalized: {
      precision: options?.century ? 'century' : options?.decade ? 'decade' : 'year',
      value: options?.century ?? options?.decade ?? written,
      relative: false,
      yearImplied: false,
      unresolved: false,
      weekday: null
    } satisfies NormalizedDate
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function trimSpan(text: string, start: number, end: number): Span {
  const lead = LEADING.exec(text.slice(start, end))
  if (lead) start += lead[0].length
  while (end > start && /[\s,.;:]/.test(text[end - 1]!)) end--
  return { start, end }
}

/** Words that put a sentence in the future: "will meet on Saturday", "is due to sign Monday". */
const FUTURE =
  /\b(?:will|shall|is due|are due|is expected|are expected|plans? to|is set to|are set to|scheduled|upcoming|going to)\b|['’]ll\b/i

/**
 * A bare weekday is the nearest such day to the publication date, in the direction the sentence
 * looks: news reports the past ("arrived on Saturday": the Saturday on or before publication)
 * unless the sentence speaks of the future ("will meet on Saturday": on or after). chrono alone
 * picks the nearest either way, which turns yesterday's news into tomorrow's.
 */
function bareWeekday(reference: Date, weekday: number, sentence: string): Date {
  const today = reference.getUTCDay()
  const shift = FUTURE.test(sentence) ? (weekday - today + 7) % 7 : -((today - weekday + 7) % 7)
  return new Date(reference.getTime() + shift * 86_400_000)
}

function fromChrono(
  result: chrono.ParsedResult,
  hasReference: boolean,
  reference: Date,
  sentence: string
): NormalizedDate {
  const c = result.start
  const day = c.isCertain('day')
  const month = c.isCertain('month')
  const year = c.isCertain('year')
  const weekdayWritten = c.isCertain('weekday')
  const date =
    weekdayWritten && !day && !month && !year && !/\b(?:last|next|this|past|coming)\b/i.test(result.text)
      ? bareWeekday(reference, c.get('weekday') ?? 0, sentence)
      : c.date()
  const y = date.getUTCFullYear()
  const ymd = `${y}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
  // Weekday alone ("Saturday") or a relative phrase ("last month") is relative to the reference.
  const relative =
    (!day && !month && !year) ||
    (weekdayWritten && !day) ||
    /\b(?:last|next|this|ago|yesterday|today|tomorrow|earlier|later)\b/i.test(result.text)
  let precision: DatePrecision = 'year'
  if (day || (weekdayWritten && !month)) precision = 'day'
  else if (month) precision = 'month'
  else if (/\b(?:day|week|yesterday|today|tomorrow)\b/i.test(result.text)) precision = 'day'
  else if (/\bmonth\b/i.test(result.text)) precision = 'month'
  const value = precision === 'day' ? ymd : precision === 'month' ? ymd.slice(0, 7) : String(y)
  return {
    precision,
    value,
    relative,
    yearImplied: !year && !relative,
    unresolved: relative && !hasReference,
    ...(!year && !hasReference ? { yearGuessed: true } : {}),
    // The weekday as written, not as computed: the two may disagree, and that is worth a flag.
    weekday: weekdayWritten ? (WEEKDAYS[c.get('weekday') ?? date.getUTCDay()] ?? null) : null
  }
}

/**
 * Whether chrono could find a date or time in the text: every English parser of chrono needs a
 * digit or one of these words (chrono-node's en/constants and en/parsers), each after a word
 * boundary. Most sentences of a source have none, and chrono tries every parser on every word.
 * Units of one letter ("5 d") come only after a number, and a number word before one ("a d
 * ago") is not English prose, so only their digits are looked for.
 */
const DATE_CUE =
  /\d|\b(?:sun|mon|tue|wed|thu|fri|sat|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|today|tonight|tomorrow|overmorrow|yesterday|morning|afternoon|evening|night|midnight|midday|noon|second|minute|hour|day|week|month|quarter|year)|\b(?:now|tmrw?|mos?|hrs?|yrs?|qtr|sec|mins?)\b/i

export const mayHoldDate = (text: string): boolean => DATE_CUE.test(text)

export function extractDates(
  text: string,
  sentences: readonly Span[],
  publishedAt?: string | null
): ExtractedClaim[] {
  const reference = publishedAt ? new Date(`${publishedAt.slice(0, 10)}T12:00:00Z`) : null
  const hasReference = reference !== null && !Number.isNaN(reference.getTime())
  const claims: ExtractedClaim[] = []
  let results: chrono.ParsedResult[] = []
  try {
    if (mayHoldDate(text))
      results = chrono.parse(text, {
        instant: hasReference ? reference! : DEFAULT_REFERENCE,
        timezone: 0
      })
  } catch {
    results = []
  }
  for (let result of results) {
    let index = result.index
    if (DURATION.test(result.text.trim()) && !/\bago\b/i.test(result.text)) continue
    // "20 minutes later" counts from the moment the story told before, not from the day of
    // writing: spans-of-time reads it as time elapsed.
    if (/\b(?:seconds?|minutes?|hours?)\s+(?:later|afterwards?)$/i.test(result.text.trim())) continue
    // chrono reads "Sunday evening, 19 crew members" as the 19th: a number before a noun is a count.
    const trailing = /,\s*\d{1,2}$/.exec(result.text)
    if (trailing && /^\s+\p{L}/u.test(text.slice(result.index + result.text.length))) {
      const cut = result.text.slice(0, trailing.index)
      const again = chrono.parse(cut, {
        instant: hasReference ? reference! : DEFAULT_REFERENCE,
        timezone: 0
      })[0]
      if (!again || again.index !== 0) continue
      index = result.index
      result = again
    }
    const clock =
      result.start.isCertain('hour') &&
      /\d/.test(result.text) &&
      /\d\s*(?:[ap]\.?m\b|:\d\d)/i.test(result.text)
    // A bare time ("7:06 PM") is checkable only as a clock time; a lone number is not a date.
    if (
      !['day', 'month', 'year', 'weekday'].some((k) => result.start.isCertain(k as chrono.Component)) &&
      !/[a-z]{3}/i.test(result.text) &&
      !clock
    )
      continue
    // "Earlier in the day", "that week": relative to something other than the publication date.
    if (
      !clock &&
      !/\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:last|next|this|ago|yesterday|today|tomorrow)\b/i.test(
        result.text
      )
    )
      continue
    const span = trimSpan(text, index, index + result.text.length)
    if (span.end <= span.start) continue
    const sentence = sentenceAt(sentences, span.start)
    const normalized = fromChrono(
      result,
      hasReference,
      hasReference ? reference! : DEFAULT_REFERENCE,
      text.slice(sentence.start, sentence.end)
    )
    normalized.part = dayPart(text.slice(Math.max(0, span.start - 12), span.end + 12))
    if (clock) {
      normalized.time = `${pad(result.start.get('hour') ?? 0)}:${pad(result.start.get('minute') ?? 0)}`
      normalized.timeApproximate = APPROXIMATE_TIME.test(text.slice(Math.max(0, span.start - 20), span.start))
      normalized.timeOnly = !['day', 'month', 'year', 'weekday'].some((k) =>
        result.start.isCertain(k as chrono.Component)
      )
    }
    claims.push({
      id: claimId('date', span.start),
      kind: 'date',
      text: text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      sentence: sentenceAt(sentences, span.start),
      normalized
    })
  }
  attachTimes(text, claims)
  const covered = (start: number) => claims.some((c) => start >= c.start && start < c.end)
  YEAR_OR_DECADE.lastIndex = 0
  for (let m = YEAR_OR_DECADE.exec(text); m; m = YEAR_OR_DECADE.exec(text)) {
    const written = m[1] ?? m[2]!
    const start = m.index + m[0].lastIndexOf(written)
    if (covered(start)) continue
    const decade =
      m[1] === undefined
        ? undefined
        : written.startsWith("'")
          ? `19${written.slice(1, 2)}x`
          : `${written.slice(0, 3)}x`
    const century = decade && /^1[0-8]00s$/.test(written) ? `${written.slice(0, 2)}xx` : undefined
    claims.push(
      yearClaim(text, sentences, start, written, century ? { century } : decade ? { decade } : undefined)
    )
  }
  CENTURY.lastIndex = 0
  for (let m = CENTURY.exec(text); m; m = CENTURY.exec(text)) {
    const ordinal = Number(m[1])
    if (ordinal < 1 || ordinal > 21 || covered(m.index)) continue
    claims.push(
      yearClaim(text, sentences, m.index, m[0], { century: `${String(ordinal - 1).padStart(2, '0')}xx` })
    )
  }
  DATED_TO.lastIndex = 0
  for (let m = DATED_TO.exec(text); m; m = DATED_TO.exec(text)) {
    const start = m.index + m[0].lastIndexOf(m[1]!)
    if (covered(start)) continue
    claims.push(yearClaim(text, sentences, start, m[1]!))
  }
  const overlaps = (start: number, end: number) => claims.some((c) => start < c.end && end > c.start)
  claims.push(
    ...extractSpansOfTime(text, sentences, publishedAt, overlaps).filter((c) => !overlaps(c.start, c.end))
  )
  const addresses = webAddressSpans(text)
  return claims.filter((c) => !insideWebAddress(addresses, c.start, c.end)).sort((a, b) => a.start - b.start)
}

/** What may stand between a day and its time: "on Monday at around 11 a.m.", "Monday, 9 p.m.". */
const DAY_THEN_TIME =
  /^\s*,?\s*(?:at\s+)?(?:about|around|approximately|roughly|(?:shortly|just)\s+(?:before|after))?\s*$/i

/**
 * A clock time chrono read apart from the day just before it ("on Monday at around 11 a.m.")
 * times that day: the day's claim gets the time, so that it can be set against a source's.
 */
function attachTimes(text: string, claims: ExtractedClaim[]): void {
  for (const time of claims) {
    const t = time.normalized as NormalizedDate
    if (!t.timeOnly || !t.time) continue
    const day = claims.find(
      (c) =>
        c.end <= time.start &&
        c.sentence.start === time.sentence.start &&
        (c.normalized as NormalizedDate).precision === 'day' &&
        !(c.normalized as NormalizedDate).time &&
        DAY_THEN_TIME.test(text.slice(c.end, time.start))
    )
    if (!day) continue
    const d = day.normalized as NormalizedDate
    d.time = t.time
    d.timeApproximate =
      t.timeApproximate ||
      /about|around|approximately|roughly|before|after/i.test(text.slice(day.end, time.start))
  }
}

/** The weekday a calendar date falls on, for checking "Saturday, Nov. 17". */
export function weekdayOf(ymd: string): string | null {
  const d = new Date(`${ymd}T12:00:00Z`)
  return Number.isNaN(d.getTime()) ? null : (WEEKDAYS[d.getUTCDay()] ?? null)
}
