// Times that chrono does not read as dates: how long after an earlier moment ("moments later",
// "about an hour later", "ten days later") and seasons ("last summer", "the summer of 2013").
import type { NormalizedDate } from './dates'
import { NUMBER_WORDS, numberInWords } from './number-words'
import { sentenceAt } from './sentences'
import { claimId, type ExtractedClaim, type Span } from './types'

const UNIT_MINUTES: Record<string, number> = {
  second: 1 / 60,
  minute: 1,
  hour: 60,
  day: 1440,
  week: 10080,
  month: 43200
}
/** "An hour", "ten days": the article counts one. */
const COUNT: Record<string, number> = { ...NUMBER_WORDS, a: 1, an: 1 }
const ELAPSED =
  /\b(?:(about|around|roughly|some|nearly|almost|just|only|barely)\s+)?(moments|seconds|minutes|hours|days|(?:a few|several|\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?))\s+(later|afterwards?|after)\b/gi

/** Minutes elapsed, as an interval: a bare "minutes later" is a few to half an hour. */
function elapsedInterval(hedge: string | undefined, amount: string): [number, number] {
  const words = amount.toLowerCase().split(/\s+/)
  if (words.length === 1) {
    const bare: Record<string, [number, number]> = {
      moments: [0, 5],
      seconds: [0, 2],
      minutes: [2, 30],
      hours: [120, 720],
      days: [2880, 14400]
    }
    return bare[words[0]!] ?? [0, 5]
  }
  const unit = UNIT_MINUTES[words[words.length - 1]!.replace(/s$/, '')] ?? 1
  const countWord = words.slice(0, -1).join(' ')
  if (countWord === 'a few' || countWord === 'several') return [2 * unit, 9 * unit]
  const n = /^\d+$/.test(countWord) ? Number(countWord) : (COUNT[countWord] ?? numberInWords(countWord) ?? 1)
  // Writers round: "about an hour" is 45–75 minutes; "an hour" alone not much less loose.
  const slack = hedge && /about|around|roughly|some/i.test(hedge) ? 0.25 : hedge ? 0.15 : 0.1
  return [n * unit * (1 - slack), n * unit * (1 + slack)]
}

const SEASON_MONTH: Record<string, string> = {
  winter: '01',
  spring: '04',
  summer: '07',
  autumn: '10',
  fall: '10'
}
const SEASON =
  /\b(?:(last|this|next|early|late)\s+)?(?:the\s+)?(winter|spring|summer|autumn|fall)(?:\s+(?:of\s+)?((?:19|20)\d\d))?\b/gi

function base(publishedAt: string | null | undefined): number | null {
  if (!publishedAt) return null
  const y = Number(publishedAt.slice(0, 4))
  return Number.isFinite(y) ? y : null
}

export function extractSpansOfTime(
  text: string,
  sentences: readonly Span[],
  publishedAt: string | null | undefined,
  taken: (start: number, end: number) => boolean
): ExtractedClaim[] {
  const out: ExtractedClaim[] = []
  const push = (start: number, end: number, normalized: NormalizedDate) => {
    if (taken(start, end)) return
    out.push({
      id: claimId('date', start),
      kind: 'date',
      text: text.slice(start, end),
      start,
      end,
      sentence: sentenceAt(sentences, start),
      normalized
    })
  }
  ELAPSED.lastIndex = 0
  for (let m = ELAPSED.exec(text); m; m = ELAPSED.exec(text)) {
    if (
      m[3]!.toLowerCase() === 'after' &&
      !/^\s+(?:that|this|the|it)\b/i.test(text.slice(m.index + m[0].length))
    )
      continue
    const [low, high] = elapsedInterval(m[1], m[2]!)
    push(m.index, m.index + m[0].length, {
      precision: 'day',
      value: '',
      relative: true,
      yearImplied: false,
      unresolved: false,
      weekday: null,
      timeOnly: true,
      elapsed: [low, high]
    })
  }
  const year = base(publishedAt)
  SEASON.lastIndex = 0
  for (let m = SEASON.exec(text); m; m = SEASON.exec(text)) {
    const which = m[1]?.toLowerCase()
    const season = m[2]!.toLowerCase()
    // "fall" and "spring" are verbs and nouns too: only with a year or "last/this/next".
    if (!m[3] && !(which && ['last', 'this', 'next'].includes(which))) continue
    let y: number | null = m[3] ? Number(m[3]) : null
    if (y === null && year !== null) y = which === 'last' ? year - 1 : which === 'next' ? year + 1 : year
    if (y === null) continue
    push(m.index, m.index + m[0].length, {
      precision: 'month',
      value: `${y}-${SEASON_MONTH[season]}`,
      relative: !m[3],
      yearImplied: false,
      unresolved: false,
      weekday: null,
      season
    })
  }
  return out
}
