// Content words: what two sentences must share to be about the same thing.
import { scanWords } from './scan-words'

const STOPWORDS = new Set(
  `a an the and or but if of in on at by for from to with without as into onto over under than then that this these those there their
  they them he she it its his her we our you your i me my was were is are be been being has have had will would shall should can could
  may might must do does did not no nor so such also very more most less least only just about after before since while during which who
  whom whose what when where why how all any both each few other some own same too s said says told according one two new last first
  year years month months day days week weeks time`.split(/\s+/)
)
const WORD = /[\p{L}\p{M}\p{N}]+/gu

/**
 * The lower-case content words of a text, in order (repeats kept): words of three or more
 * letters that are not function words or bare numbers. Runs over every paragraph of the library
 * when the index is built, hence the char-code scanner.
 */
export function contentWords(text: string): string[] {
  const out: string[] = []
  scanWords(text, (start, end) => {
    if (end - start <= 2) return
    let digits = true
    for (let i = start; i < end && digits; i++) {
      const c = text.charCodeAt(i)
      digits = c >= 48 && c <= 57
    }
    // Numbers alone are not content words ("2024" is in half the library).
    if (digits) return
    const w = text.slice(start, end).toLowerCase()
    if (!STOPWORDS.has(w)) out.push(w)
  })
  return out
}

export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const w of small) if (large.has(w)) shared++
  return shared
}

export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  return a.size + b.size === 0 ? 0 : (2 * overlap(a, b)) / (a.size + b.size)
}

/** A conjunction that opens another clause: "… to 1991 and was last checked on Monday". */
const NEXT_CLAUSE = /\s(?:and|but|while|whereas)\s/g

/**
 * The part of a sentence that tells the event of the value at [start, end) where the sentence
 * goes on to date another event: up to the first "and" before the next value ("The plane dates
 * to 1991 | and was last checked on Monday"). The words before stay: a subject both clauses
 * share stands there ("The plane").
 */
export function ownClause(
  text: string,
  sentence: { start: number; end: number },
  start: number,
  end: number,
  others: ReadonlyArray<{ start: number; end: number }>
): { start: number; end: number } {
  let to = sentence.end
  for (const o of others) {
    if (o.start < end || o.start >= to) continue
    NEXT_CLAUSE.lastIndex = 0
    const m = NEXT_CLAUSE.exec(text.slice(end, o.start))
    if (m) to = end + m.index
  }
  return { start: sentence.start, end: to }
}

/**
 * The event words around a span, weighted by closeness: lower-case content words (names are
 * shared by too many sentences to tell events apart) of the span's own clause weigh 2, those of
 * the clause on either side 1. Clauses end at commas, semicolons, colons, brackets and dashes.
 */
export function wordsAround(
  text: string,
  sentence: { start: number; end: number },
  start: number,
  end: number
): Map<string, number> {
  const head = text.slice(sentence.start, start).split(/[,;:()—–]/)
  const tail = text
    .slice(end, sentence.end)
    .replace(/^[\s,]+/, '')
    .split(/[,;:()—–.!?]/)
  const weights = new Map<string, number>()
  const put = (clause: string | undefined, weight: number) => {
    for (const w of eventWords(clause ?? '')) {
      // Nominalized event nouns (invasion, election, agreement) name an event more surely than verbs.
      const weighed = weight * (EVENT_NOUN.test(w) && w.length > 5 ? 2 : 1)
      const key = stem(w)
      weights.set(key, Math.max(weights.get(key) ?? 0, weighed))
    }
  }
  put(head[head.length - 2], 1)
  put(tail[1], 1)
  put(head[head.length - 1], 2)
  put(tail[0], 2)
  return weights
}

function eventWords(text: string): string[] {
  return (text.match(WORD) ?? []).filter((w) => /^\p{Ll}/u.test(w) && w.length > 2 && !STOPWORDS.has(w))
}

/**
 * A light stem, so that "inspected" meets "inspection" and "members" meets "member": endings off
 * while four letters stay. Only for telling whether two sentences speak of one event.
 */
export function stem(word: string): string {
  const m = /^(.{4,}?)(?:ations?|ions?|ings?|ed|es|s)$/.exec(word)
  return m && !word.endsWith('ss') ? m[1]! : word
}

const EVENT_NOUN = /(?:ion|ment|ance|ence|ure|ship)s?$/

/**
 * How surely two spans date or count the same event: for each shared event word (by stem), the
 * smaller of its two weights (doubled for an event noun by wordsAround). "On Saturday … surprise
 * visit" and "a surprise push on August 6" share one adjective: too little for one event.
 */
export function eventAgreement(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let score = 0
  for (const [w, weight] of a) {
    const other = b.get(w)
    if (other) score += Math.min(weight, other)
  }
  return score
}

/** Agreement of the two spans' own clauses alone: the words right around each value. */
export function coreAgreement(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let score = 0
  for (const [w, weight] of a) {
    const other = b.get(w)
    if (other && weight >= 2 && other >= 2) score += Math.min(weight, other)
  }
  return score
}

/** Enough agreement to count a date or figure as evidence; a contradiction needs more. */
export const AGREEMENT_FOR_EVIDENCE = 2
export const AGREEMENT_FOR_CONTRADICTION = 4
