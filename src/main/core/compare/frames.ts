// What a sentence says happened, as far as telling two sentences apart needs: its predicate
// (verbs and the nouns around them, by lemma), whether that predicate is negated, and the names it
// gives. wink-nlp supplies the parts of speech, lemmas and negation scope; this module only
// decides which of them count. Two sentences report the same fact when they share the predicate,
// not merely some words ("cut 400 jobs in its mortgage division" vs "reported profits in its
// mortgage division").
import { LIGHT, REPORTING, tokensOf, type Token } from '../nlp/tokens'
import type { Lexicon } from '../nlp/wordnet'

export interface Frame {
  /** Content verbs, by key: the predicate proper. */
  verbs: Set<string>
  /** Common nouns, adjectives and names other than the claim's own words, by key. */
  nouns: Set<string>
  /** The verbs said not to have happened ("did not sign", "no deal was announced"), by key. */
  negated: Set<string>
  /** A verb's lemma by its key, for reasons written in words ("issue", not "issu"). */
  lemmas: Map<string, string>
  /** Runs of proper nouns: the names the sentence gives. */
  names: Array<{ text: string; start: number; end: number; negated: boolean }>
}

export interface Span {
  start: number
  end: number
}

/**
 * The frame of text[span], leaving out the words inside `without` (the claim itself, so that a
 * name is not part of the predicate it fills).
 */
export function frameOf(text: string, span: Span, without?: Span): Frame {
  const slice = text.slice(span.start, span.end)
  const tokens = tokensOf(slice)
  const verbs = new Set<string>()
  const nouns = new Set<string>()
  const names: Frame['names'] = []
  const negated = new Set<string>()
  const lemmas = new Map<string, string>()
  // The names are runs of proper nouns: tokens[runFrom] up to the current one.
  let runFrom = -1
  const endRun = (to: number) => {
    const first = tokens[runFrom]!
    if (!first.time) {
      const last = tokens[to - 1]!
      let denied = false
      for (let k = runFrom; k < to; k++) denied ||= tokens[k]!.negated
      names.push({
        text: slice.slice(first.start, last.end),
        start: span.start + first.start,
        end: span.start + last.end,
        negated: denied
      })
    }
    runFrom = -1
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!
    if (t.pos === 'PROPN') {
      if (runFrom < 0) runFrom = k
    } else if (runFrom >= 0) endRun(k)
    if (t.key.length < 3 || t.time) continue
    if (without !== undefined) {
      const at = span.start + t.start
      if (at >= without.start && at < without.end) continue
    }
    if (t.pos === 'VERB' && !nounUse(tokens, k)) {
      if (REPORTING.has(t.key) || LIGHT.has(t.key)) continue
      verbs.add(t.key)
      lemmas.set(t.key, t.lemma)
      if (t.negated) negated.add(t.key)
    } else if (
      t.pos === 'NOUN' ||
      t.pos === 'ADJ' ||
      t.pos === 'PROPN' ||
      t.pos === 'NUM' ||
      t.pos === 'VERB'
    ) {
      nouns.add(t.key)
    }
  }
  if (runFrom >= 0) endRun(tokens.length)
  return { verbs, nouns, negated, names, lemmas }
}

/** "Danube shipping", "the bombing": an -ing form after a name, an adjective or an article names a thing. */
function nounUse(tokens: readonly Token[], k: number): boolean {
  if (!/ing$/i.test(tokens[k]!.text)) return false
  const previous = tokens[k - 1]?.pos
  if (previous === 'PROPN' || previous === 'NOUN' || previous === 'ADJ' || previous === 'DET') return true
  // "of inland shipping": a modifier the tagger calls an adverb, after a preposition or article.
  const before = tokens[k - 2]?.pos
  return previous === 'ADV' && (before === 'ADP' || before === 'DET')
}

export interface Agreement {
  /** Whether the two frames report the same fact. */
  same: boolean
  sharedVerbs: number
  sharedNouns: number
  /** The story's nouns the passage gives as a noun or as a verb ("the hacking" / "hacked"). */
  nounsCovered: number
  /** A verb both give, negated in one only: one says it happened, the other that it did not. */
  oppositeVerb: string | null
}

/**
 * Whether a passage's frame reports the story's fact: a shared content verb (or the verb's
 * noun) and one more shared word, or most of the story's nouns where its verb is only a light
 * one ("the summit will be held in …" / "the summit will take place in …").
 */
export function agreement(story: Frame, passage: Frame): Agreement {
  let sharedVerbs = 0
  for (const v of story.verbs) if (passage.verbs.has(v) || passage.nouns.has(v)) sharedVerbs++
  let sharedNouns = 0
  let nounsCovered = 0
  for (const n of story.nouns) {
    if (passage.nouns.has(n)) sharedNouns++
    else if (passage.verbs.has(n)) sharedVerbs++
    else continue
    nounsCovered++
  }
  const share = story.nouns.size === 0 ? 0 : sharedNouns / story.nouns.size
  const same = (sharedVerbs >= 1 && sharedVerbs + sharedNouns >= 2) || (sharedNouns >= 2 && share >= 0.6)
  let oppositeVerb: string | null = null
  for (const v of story.verbs)
    if (passage.verbs.has(v) && story.negated.has(v) !== passage.negated.has(v)) oppositeVerb = v
  return { same, sharedVerbs, sharedNouns, nounsCovered, oppositeVerb }
}

/** "buyer" of "buy", "leader" of "lead": a noun made of the verb by a short ending. */
function agentNoun(noun: string, verb: string): boolean {
  return verb.length >= 3 && noun.startsWith(verb) && noun.length - verb.length <= 4
}

/**
 * Whether the two frames report the same deed: a content verb both give, one verb the other's
 * synonym ("led" / "headed"), or one side's verb the other's noun ("bought" / "the buyer").
 */
export function verbsAgree(story: Frame, passage: Frame, lexicon: Lexicon): boolean {
  for (const v of story.verbs) {
    if (passage.verbs.has(v) || passage.nouns.has(v)) return true
    const lemma = story.lemmas.get(v) ?? v
    for (const w of passage.verbs) if (lexicon.related(lemma, passage.lemmas.get(w) ?? w, 'verb')) return true
    for (const n of passage.nouns) if (agentNoun(n, lemma) || agentNoun(n, v)) return true
  }
  for (const w of passage.verbs) {
    const lemma = passage.lemmas.get(w) ?? w
    for (const n of story.nouns) if (agentNoun(n, lemma) || agentNoun(n, w)) return true
  }
  return false
}
