// Numbers, quantities and money, with hedges turned into intervals (the table is in hedges.ts)
// so that "more than 10,000" and "up to 12,000" can be compared honestly.
import { NUMBER_IN_WORDS, numberInWords } from './number-words'
import { claimId, type ExtractedClaim, type Span } from './types'
import { HEDGE_PHRASES, hedgedInterval, intervalsOverlap, VAGUE_AMOUNTS } from './hedges'
import { sentenceAt } from './sentences'
import { insideWebAddress, webAddressSpans } from './web-addresses'

export interface NormalizedQuantity extends Record<string, unknown> {
  value: number | null
  low: number | null
  high: number | null
  lowInclusive: boolean
  highInclusive: boolean
  unit: string | null
  /** The unit's head noun, singular and lower-case: what two quantities must share to be compared. */
  unitHead: string | null
  currency: string | null
  hedge: string | null
  /** Whose age the figure is ("Draylen Mason, 17"), null when the text names no one. */
  agePerson?: string | null
  /** The period a rate is given for: "$150,000 a year" is per year. */
  per?: RatePeriod
}

export type RatePeriod = 'hour' | 'day' | 'week' | 'month' | 'year'

/** "a year", "per month", "each week", "an hour": the period a figure is a rate over. */
const RATE = /^\s+(?:a|an|per|each|every)\s+(hour|day|week|month|year|annum)\b/i
/** "a crew of 11", "a team of 40": the group noun before "of" is what the number counts. */
const GROUP_OF =
  /\b(?:a|an|the|its|their)\s+(crew|team|group|party|delegation|fleet|family|convoy|contingent|force|workforce|staff|squad|class|flotilla)\s+of\s+$/i

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12
}
const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  usd: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  '¥': 'JPY',
  jpy: 'JPY',
  '₴': 'UAH',
  uah: 'UAH',
  '₹': 'INR'
}
const CURRENCY_WORDS: Record<string, string> = {
  dollars: 'USD',
  dollar: 'USD',
  euros: 'EUR',
  euro: 'EUR',
  pounds: 'GBP',
  yen: 'JPY',
  hryvnias: 'UAH',
  hryvnia: 'UAH',
  rupees: 'INR',
  yuan: 'CNY',
  francs: 'CHF',
  franc: 'CHF',
  kroner: 'kroner',
  krone: 'kroner',
  kronor: 'SEK',
  krona: 'SEK',
  zloty: 'PLN',
  zlotys: 'PLN',
  forints: 'HUF',
  roubles: 'RUB',
  rubles: 'RUB',
  lira: 'TRY',
  shekels: 'ILS',
  rand: 'ZAR',
  naira: 'NGN',
  reais: 'BRL'
}
/** Currencies named by their country: "Swiss francs" are not "francs" of any country. */
const CURRENCIES_OF: Record<string, string> = {
  'swiss franc': 'CHF',
  'us dollar': 'USD',
  'u.s. dollar': 'USD',
  'american dollar': 'USD',
  'canadian dollar': 'CAD',
  'australian dollar': 'AUD',
  'hong kong dollar': 'HKD',
  'new zealand dollar': 'NZD',
  'singapore dollar': 'SGD',
  'taiwan dollar': 'TWD',
  'british pound': 'GBP',
  'egyptian pound': 'EGP',
  'danish krone': 'DKK',
  'norwegian krone': 'NOK',
  'swedish krona': 'SEK',
  'swedish kronor': 'SEK',
  'turkish lira': 'TRY',
  'indian rupee': 'INR',
  'pakistani rupee': 'PKR',
  'chinese yuan': 'CNY',
  'japanese yen': 'JPY',
  'mexican peso': 'MXN',
  'russian rouble': 'RUB',
  'russian ruble': 'RUB',
  'south african rand': 'ZAR',
  'brazilian real': 'BRL'
}

/**
 * "2.7 million Swiss francs", "Hong Kong dollars": capitalized words before a currency word name
 * whose currency it is. One not listed is still its own currency ("Namibian dollars"), never the
 * plain word's.
 */
function namedCurrency(words: readonly string[]): { currency: string; last: string } | null {
  const k = words.findIndex(
    (w) => CURRENCY_WORDS[w.toLowerCase()] || /^(?:pesos?|reals?|krone|kroner)$/i.test(w)
  )
  if (k < 1 || !words.slice(0, k).every((w) => /^\p{Lu}/u.test(w))) return null
  const phrase = words
    .slice(0, k + 1)
    .join(' ')
    .toLowerCase()
  const singular = phrase
    .replace(/(?<=[^s])s$/, '')
    .replace(/kroner$/, 'krone')
    .replace(/reais$/, 'real')
  return { currency: CURRENCIES_OF[singular] ?? CURRENCIES_OF[phrase] ?? singular, last: words[k]! }
}

const STOP = new Set(
  'of in to for from and or the a an on at by with as than that which who this these those its their his her our was were is are be been has have had will would said says per each while after before since into over under above below across through along near off up down out around beneath beyond inside outside'.split(
    ' '
  )
)

const ANAPHORIC = /\b(?:the|these|those|its|their|his|her|our|all)\s+$/i

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`
const SCALE = String.raw`thousand|million|billion|trillion|bn|mn|mln|tn|[mkb](?![\p{L}])`
const CUR_PRE = String.raw`US\$|\$|€|£|¥|₴|₹|USD\s|EUR\s|GBP\s|JPY\s`
const HEDGE = HEDGE_PHRASES.map((h) => h.replace(/ /g, '\\s+')).join('|')
const VAGUE_RE = Object.keys(VAGUE_AMOUNTS)
  .sort((a, b) => b.length - a.length)
  .join('|')
  .replace(/ /g, '\\s+')

const AMOUNT = String.raw`(?:${CUR_PRE})?\s?(?:${NUM})(?:\s?(?:${SCALE}))?`
const PATTERN = new RegExp(
  String.raw`(?<![\p{L}\d.,:])(?:(?<hedge>${HEDGE})\s+)?(?:` +
    String.raw`(?:between\s+(?<betweenA>${AMOUNT})\s+and\s+(?<betweenB>${AMOUNT}))` +
    String.raw`|(?<rangeA>${AMOUNT})\s?(?:[–—-]|\s+to\s+)\s?(?<rangeB>${AMOUNT})` +
    String.raw`|(?<amount>${AMOUNT})` +
    String.raw`|(?<vague>${VAGUE_RE})\s+of` +
    String.raw`|(?<word>${NUMBER_IN_WORDS})(?:\s+(?<wordScale>thousand|million|billion))?` +
    String.raw`)(?![\p{L}\d]|[.,]\d)`,
  'giu'
)

interface Amount {
  value: number
  currency: string | null
}

function parseAmount(raw: string): Amount | null {
  const m = new RegExp(String.raw`^(${CUR_PRE})?\s?(${NUM})(?:\s?(${SCALE}))?$`, 'iu').exec(raw.trim())
  if (!m) return null
  const base = Number(m[2]!.replace(/,/g, ''))
  const scale = m[3] ? (SCALES[m[3].toLowerCase()] ?? 1) : 1
  const currency = m[1] ? (CURRENCY_SYMBOLS[m[1].trim().toLowerCase()] ?? null) : null
  return Number.isFinite(base) ? { value: base * scale, currency } : null
}

/** The unit: the words after the number up to a function word, e.g. "heavy howitzers". */
/** "31-year-old", "aged 24", "Tiago Moreira, 33,": a person's age, whatever way it is written. */
const AGE_AFTER = /^(?:-year-old\b|\s+years?\s+old\b|-years?-old\b)/i
const AGE_BEFORE = /\baged\s+$/i
const AGE_APPOSITION_BEFORE = /\p{Lu}[\p{L}\p{M}'’-]+,\s*$/u
const AGE_APPOSITION_AFTER = /^\s*,/

const NAME_BEFORE =
  /((?:\p{Lu}[\p{L}\p{M}'’-]+\s+){0,3}\p{Lu}[\p{L}\p{M}'’-]+),?\s*(?:(?:was|is)\s+)?(?:aged\s+)?$/u
const NAME_AFTER = /^\s+(?:[\p{Ll}-]+\s+){0,2}?((?:\p{Lu}[\p{L}\p{M}'’-]+\s+){0,3}\p{Lu}[\p{L}\p{M}'’-]+)/u

/**
 * An age and whose it is: "Draylen Mason, 17," and "17-year-old Draylen Mason" give the name,
 * "a 75-year-old woman" none. Two ages are compared only for the same person.
 */
function ageAt(text: string, start: number, end: number): { end: number; person: string | null } | null {
  const before = text.slice(Math.max(0, start - 60), start)
  const nameBefore = NAME_BEFORE.exec(before)?.[1] ?? null
  const after = AGE_AFTER.exec(text.slice(end, end + 12))
  if (after) {
    const name = NAME_AFTER.exec(text.slice(end + after[0].length, end + after[0].length + 60))?.[1] ?? null
    return { end: end + after[0].length, person: name }
  }
  if (AGE_BEFORE.test(before)) return { end, person: nameBefore }
  if (AGE_APPOSITION_BEFORE.test(before) && AGE_APPOSITION_AFTER.test(text.slice(end, end + 3)))
    return { end, person: nameBefore }
  return null
}

function unitAfter(
  text: string,
  end: number
): { unit: string | null; head: string | null; currency: string | null; end: number } {
  const words =
    /^[ \t]+(?:of\s+)?([\p{L}][\p{L}'’-]*)(?:[ \t]+([\p{L}][\p{L}'’-]*))?(?:[ \t]+([\p{L}][\p{L}'’-]*))?/u.exec(
      text.slice(end, end + 80)
    )
  if (!words) {
    if (text[end] === '%') return { unit: 'percent', head: 'percent', currency: null, end: end + 1 }
    return { unit: null, head: null, currency: null, end }
  }
  const taken: string[] = []
  let consumed = 0
  let cursor = end
  for (const w of words.slice(1)) {
    // A function word or a verb ("people died", "troops fighting") ends the unit.
    if (!w || STOP.has(w.toLowerCase()) || (taken.length > 0 && /(?:ed|ing)$/i.test(w))) break
    const at = text.indexOf(w, cursor)
    taken.push(w)
    cursor = at + w.length
    consumed = cursor
    // A noun in the plural usually ends the unit ("troops to Russia"): stop after it.
    if (/s$/i.test(w) && taken.length >= 1 && !/ss$/i.test(w)) break
  }
  if (taken.length === 0) return { unit: null, head: null, currency: null, end }
  const first = taken[0]!.toLowerCase()
  const named = namedCurrency(taken)
  if (named)
    return {
      unit: null,
      head: null,
      currency: named.currency,
      end: text.indexOf(named.last, end) + named.last.length
    }
  if (CURRENCY_WORDS[first])
    return {
      unit: null,
      head: null,
      currency: CURRENCY_WORDS[first]!,
      end: text.indexOf(taken[0]!, end) + taken[0]!.length
    }
  if (first === 'percent' || first === 'per')
    return {
      unit: 'percent',
      head: 'percent',
      currency: null,
      end: text.indexOf(taken[0]!, end) + taken[0]!.length
    }
  const unit = taken.join(' ')
  const last = taken[taken.length - 1]!.toLowerCase()
  const head = last.replace(/(?<=[^s])s$/, '').replace(/ie$/, 'y')
  return { unit, head, currency: null, end: consumed }
}

export function extractQuantities(
  text: string,
  sentences: readonly Span[],
  exclude: readonly Span[] = []
): ExtractedClaim[] {
  const claims: ExtractedClaim[] = []
  const addresses = webAddressSpans(text)
  PATTERN.lastIndex = 0
  for (let m = PATTERN.exec(text); m; m = PATTERN.exec(text)) {
    if (m[0].length === 0) {
      PATTERN.lastIndex++
      continue
    }
    let start = m.index
    if (exclude.some((s) => start < s.end && start + m[0].length > s.start)) continue
    if (insideWebAddress(addresses, start, start + m[0].length)) continue
    const g = m.groups ?? {}
    const hedge = g['hedge'] ? g['hedge'].toLowerCase().replace(/\s+/g, ' ') : null
    let value: number | null = null
    let interval: Pick<NormalizedQuantity, 'low' | 'high' | 'lowInclusive' | 'highInclusive'>
    let currency: string | null = null
    if (g['betweenA'] || g['rangeA']) {
      const a = parseAmount(g['betweenA'] ?? g['rangeA']!)
      const b = parseAmount(g['betweenB'] ?? g['rangeB']!)
      if (!a || !b) continue
      // "10-12 billion": the scale written once applies to both ends.
      const bScale = b.value / Number((g['betweenB'] ?? g['rangeB']!).replace(/[^\d.]/g, '') || 1)
      const aValue = a.value < b.value / 1000 && bScale > 1 ? a.value * bScale : a.value
      currency = a.currency ?? b.currency
      interval = {
        low: Math.min(aValue, b.value),
        high: Math.max(aValue, b.value),
        lowInclusive: true,
        highInclusive: true
      }
    } else if (g['amount']) {
      const a = parseAmount(g['amount'])
      if (!a) continue
      value = a.value
      currency = a.currency
      interval = hedgedInterval(hedge, value)
    } else if (g['vague']) {
      const [low, high] = VAGUE_AMOUNTS[g['vague'].toLowerCase().replace(/\s+/g, ' ')]!
      interval = { low, high, lowInclusive: true, highInclusive: true }
    } else {
      value =
        (numberInWords(g['word']!) ?? 0) * (g['wordScale'] ? (SCALES[g['wordScale'].toLowerCase()] ?? 1) : 1)
      interval = hedgedInterval(hedge, value)
    }
    let end = start + m[0].length
    if (/^\s?(?:[ap]\.?m\b|:\d)/i.test(text.slice(end, end + 5))) continue // a clock time
    // Money is complete with its currency; the words after "$50 billion" are not its unit.
    const age = !currency && !hedge && value !== null && value < 130 ? ageAt(text, start, end) : null
    let unit = currency
      ? { unit: null, head: null, currency: null, end }
      : age
        ? { unit: 'years old', head: 'age', currency: null, end: age.end }
        : unitAfter(text, end)
    const group = !currency && !unit.unit ? GROUP_OF.exec(text.slice(Math.max(0, start - 40), start)) : null
    if (group) {
      unit = { unit: group[1]!.toLowerCase(), head: group[1]!.toLowerCase(), currency: null, end }
      start -= group[0].length
    }
    currency = currency ?? unit.currency
    const bareNumber = !currency && !unit.unit && !hedge && !g['vague']
    const raw = (g['amount'] ?? '').replace(/,/g, '')
    // A four-digit number alone is a year, a bare small word ("one of them") is not a figure.
    if (bareNumber && (/^(1[5-9]|20)\d\d$/.test(raw) || g['word'])) continue
    if (g['word'] && !unit.unit && !currency) continue
    // "The two countries", "both sides": a reference back to things already named, not a count.
    if (
      g['word'] &&
      value !== null &&
      value <= 10 &&
      ANAPHORIC.test(text.slice(Math.max(0, start - 12), start))
    )
      continue
    if (unit.unit || unit.currency) end = Math.max(end, unit.end)
    const rate = RATE.exec(text.slice(end, end + 16))
    if (rate) end += rate[0].length
    claims.push({
      id: claimId(currency ? 'money' : 'quantity', start),
      kind: currency ? 'money' : 'quantity',
      text: text.slice(start, end),
      start,
      end,
      sentence: sentenceAt(sentences, start),
      normalized: {
        value,
        ...interval,
        unit: unit.unit,
        unitHead: currency ? currency : unit.head,
        currency,
        hedge: hedge ?? (g['vague'] ? g['vague'].toLowerCase() : null),
        ...(age ? { agePerson: age.person } : {}),
        ...(rate
          ? { per: (rate[1]!.toLowerCase() === 'annum' ? 'year' : rate[1]!.toLowerCase()) as RatePeriod }
          : {})
      } satisfies NormalizedQuantity
    })
  }
  return claims
}

export { intervalsOverlap }
