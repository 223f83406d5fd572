// English tokens with their parts of speech, lemmas and negation scope, from wink-nlp and its
// English model: what the claim engine reads a sentence's predicate from.
import winkNLP, { type WinkMethods } from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import { stem } from '../compare/text-words'

export interface Token {
  text: string
  /** Lower-case lemma ("recalled" → "recall"). */
  lemma: string
  /** The lemma, lightly stemmed so that a verb meets its noun ("recalled"/"recall"). */
  key: string
  pos: string
  negated: boolean
  /** A word of time ("Monday", "morning"): dates compare those, frames leave them out. */
  time: boolean
  start: number
  end: number
}

let nlp: WinkMethods | null = null
// The model takes a moment to load; only checks that relate names or events pay for it.
const reader = () => (nlp ??= winkNLP(model, ['pos', 'negation', 'sbd']))

const cache = new Map<string, Token[]>()
const CACHE_LIMIT = 4_000

/** The tokens of a text with their offsets in it. */
export function tokensOf(text: string): Token[] {
  const known = cache.get(text)
  if (known) return known
  const nlpx = reader()
  const its = nlpx.its
  const tokens = nlpx.readDoc(text).tokens()
  const values = tokens.out(its.value) as string[]
  // The typings give its.lemma a signature out() does not accept; at run time it is an its function.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[]
  const tags = tokens.out(its.pos) as string[]
  const negations = tokens.out(its.negationFlag) as unknown as boolean[]
  const out: Token[] = []
  let cursor = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!
    const at = text.indexOf(value, cursor)
    // wink keeps a token's own characters; where it does not, the token keeps the cursor's place.
    const start = at >= 0 ? at : cursor
    const end = at >= 0 ? at + value.length : cursor
    cursor = end
    const lemma = (lemmas[i] ?? value).toLowerCase()
    const key = stem(lemma)
    out.push({
      text: value,
      lemma,
      key,
      time: TIME.test(key),
      pos: tags[i] ?? 'X',
      negated: Boolean(negations[i]),
      start,
      end
    })
  }
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(text, out)
  return out
}

/** Words of time: their own claims (dates) compare them. */
const TIME =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|morning|afternoon|evening|night|day|week|month|year|today|yesterday|tomorrow|weekend|time|hour|minute)s?$/

/** Verbs that report speech rather than the fact: "said", "told reporters". */
export const REPORTING = new Set([
  'say',
  'tell',
  'add',
  'state',
  'accord',
  'quote',
  'note',
  'insist',
  'explain'
])
/** Verbs that carry little of the fact themselves: "took place", "held talks", "made arrests". */
export const LIGHT = new Set([
  'be',
  'have',
  'do',
  'take',
  'make',
  'give',
  'get',
  'put',
  'go',
  'come',
  'become'
])
