// An event of the story (a verb and its object: "acquitted the nurse of all charges") against one
// source paragraph. The same deed supports it: the same verb or one sharing a common sense with
// it (WordNet: "sacked" / "dismissed"), about the same object. The opposite deed contradicts it:
// an antonym ("convicted", "lost", "rejected"), the same verb negated or refused ("refused to
// resign"), or the object itself denied ("no deal was announced"). The same verb only planned,
// asked for or begun ("faced calls to resign", "began evacuating") is not the deed.
import type { Found } from './figures-in-passage'
import { agreement, frameOf, type Frame } from './frames'
import type { ParagraphFacts } from './paragraph-facts'
import { tokensOf, type Token } from '../nlp/tokens'
import { exclusiveOutcomes } from '../nlp/outcomes'
import type { Lexicon } from '../nlp/wordnet'
import { overlap } from './text-words'

export interface EventClaim {
  /** The verb's lemma. */
  verb: string
  /** Keys (frames.ts) of the object's nouns, and the object's adjectives' lemmas ("alive"). */
  object: Set<string>
  adjectives: string[]
  negated: boolean
  /** The story sentence's content words, to skip passages that share too few. */
  context: ReadonlySet<string>
  /** The rest of the story sentence (who, where): an opposite deed must be told of the same. */
  setting: Frame
  /** The story says the deed was whole ("all residents", "its entire stake"). */
  whole: boolean
}

/** Verbs that put the next verb in doubt or in the future: "agreed to hold talks", "calls to resign". */
const NOT_DONE = new Set([
  'agree',
  'plan',
  'hope',
  'call',
  'threaten',
  'vow',
  'aim',
  'want',
  'seek',
  'expect',
  'consider',
  'propose',
  'urge',
  'ask',
  'demand',
  'try',
  'intend',
  'prepare',
  'promise',
  'face'
])
/** Verbs that say the next verb was under way, not done: "began evacuating", "started to pay". */
const BEGUN = new Set(['begin', 'start', 'commence'])
/** Words that make a deed whole: "evacuated all residents", "sold its entire stake". */
const WHOLE = /\b(?:all|entire|entirely|whole|every|fully|completely|totally)\b/i
/** Verbs that say the next verb did not happen: "refused to resign". */
const REFUSED = new Set(['refuse', 'decline', 'fail', 'reject'])

/** `verb`: the extractor's lemma; an editor's selection has none, and its first verb is taken. */
export function eventClaim(
  text: string,
  sentence: { start: number; end: number },
  start: number,
  end: number,
  verb: string | undefined,
  context: ReadonlySet<string>
): EventClaim {
  const tokens = tokensOf(text.slice(start, end))
  const at = Math.max(
    0,
    tokens.findIndex((t) => (verb ? t.lemma === verb : t.pos === 'VERB'))
  )
  const object = new Set<string>()
  const adjectives: string[] = []
  tokens.forEach((t, i) => {
    if (i === at) return
    if (t.pos === 'NOUN' || t.pos === 'PROPN') object.add(t.key)
    if (t.pos === 'ADJ') adjectives.push(t.lemma)
  })
  return {
    verb: verb ?? tokens[at]?.lemma ?? '',
    object,
    adjectives,
    negated: tokens[at]?.negated ?? false,
    context,
    setting: frameOf(text, sentence, { start, end }),
    whole: WHOLE.test(text.slice(start, end))
  }
}

export function relateEvent(claim: EventClaim, pf: ParagraphFacts, lexicon: Lexicon): Found[] {
  const { synonyms, antonyms } = lexicon
  const found: Found[] = []
  const text = pf.text
  pf.sentences.forEach((s, i) => {
    if (overlap(claim.context, pf.words(i)) < 2) return
    const tokens = tokensOf(text.slice(s.start, s.end))
    const frame: Frame = pf.frame(s)
    const objectWords = [...claim.object].filter((o) => frame.nouns.has(o) || frame.verbs.has(o)).length
    if (claim.object.size > 0 && objectWords === 0) return
    // An opposite deed contradicts only when told of the same people and place; a word shared with
    // a headline ("since start of the war" / "end the war") is not enough. Two words of the
    // setting and two of the deed's object ("the electronics maker's plant in Tilburg") are.
    const setting = agreement(claim.setting, frame)
    const sameSetting =
      setting.same ||
      claim.setting.nouns.size + claim.setting.verbs.size < 3 ||
      (setting.nounsCovered >= 2 && objectWords >= 2)
    const denied = sameSetting ? deniedObject(tokens, claim.object) : null
    if (denied) {
      found.push({ ...s, relation: 'contradicts', reason: `says no ${denied}` })
      return
    }
    for (let j = 0; j < tokens.length; j++) {
      const t = tokens[j]!
      if (t.pos !== 'VERB' && t.pos !== 'ADJ') continue
      const lemma = phrasal(tokens, j)
      if (
        t.pos === 'VERB' &&
        (lemma === claim.verb ||
          t.lemma === claim.verb ||
          synonyms(claim.verb, lemma) ||
          synonyms(claim.verb, t.lemma))
      ) {
        const governor = governingVerb(tokens, j)
        if (governor && REFUSED.has(governor) && sameSetting) {
          found.push({ ...s, relation: 'contradicts', reason: `says it was refused (“${t.text}”)` })
          return
        }
        if (governor && BEGUN.has(governor)) {
          found.push({
            ...s,
            relation: 'partial',
            reason: `says it began (“${governor}”), not that it was done`
          })
          return
        }
        if (governor && NOT_DONE.has(governor)) {
          found.push({ ...s, relation: 'mentions', reason: `speaks of it as not done (“${governor}”)` })
          return
        }
        if (t.negated !== claim.negated && sameSetting) {
          found.push({
            ...s,
            relation: 'contradicts',
            reason: t.negated ? 'says it did not happen' : 'says it happened'
          })
          return
        }
        const opposite = sameSetting ? oppositeAdjective(claim.adjectives, tokens, lexicon) : null
        if (opposite) {
          found.push({ ...s, relation: 'contradicts', reason: `says “${opposite}”` })
          return
        }
        if (claim.whole && !WHOLE.test(text.slice(s.start, s.end))) {
          found.push({
            ...s,
            relation: 'partial',
            reason: `reports the deed (“${t.text}”) but not that it was whole`
          })
          return
        }
        found.push({ ...s, relation: 'supports', reason: `reports the same deed (“${t.text}”)` })
        return
      }
      const before = tokens[j - 1]?.pos
      const asVerb = t.pos === 'ADJ' || (before !== 'ADP' && before !== 'DET')
      if (
        sameSetting &&
        asVerb &&
        t.lemma !== claim.verb &&
        (antonyms(claim.verb, t.lemma) ||
          antonyms(claim.verb, lemma) ||
          exclusiveOutcomes(claim.verb, t.lemma) ||
          exclusiveOutcomes(claim.verb, lemma))
      ) {
        // "remain open": the state the verb keeps is what opposes the deed.
        const said = tokens[j + 1]?.pos === 'ADJ' ? `${t.text} ${tokens[j + 1]!.text}` : t.text
        found.push({ ...s, relation: 'contradicts', reason: `says “${said}”, the opposite` })
        return
      }
    }
  })
  return found
}

/** "pulled out", "tore down": the verb with its particle, as WordNet lists phrasal verbs. */
function phrasal(tokens: readonly Token[], j: number): string {
  const next = tokens[j + 1]
  return next &&
    (next.pos === 'ADP' || next.pos === 'PART') &&
    /^(?:out|off|down|up|over|away|back)$/i.test(next.text)
    ? `${tokens[j]!.lemma} ${next.text.toLowerCase()}`
    : tokens[j]!.lemma
}

/** The verb an infinitive hangs on: "refused to resign" → "refuse"; "calls to resign" → "call". */
function governingVerb(tokens: readonly Token[], j: number): string | null {
  // "began evacuating": a gerund hangs on the verb right before it.
  const previous = tokens[j - 1]
  if (/ing$/i.test(tokens[j]?.text ?? '') && previous?.pos === 'VERB') return previous.lemma
  if (previous?.text.toLowerCase() !== 'to') return null
  const head = tokens[j - 2]
  return head && (head.pos === 'VERB' || head.pos === 'NOUN') ? head.lemma.replace(/s$/, '') : null
}

/** An object noun under "no" ("No deal on fishing rights was announced"). */
function deniedObject(tokens: readonly Token[], object: ReadonlySet<string>): string | null {
  for (let j = 1; j < tokens.length; j++)
    if (object.has(tokens[j]!.key) && tokens[j - 1]!.text.toLowerCase() === 'no') return tokens[j]!.text
  return null
}

/** An adjective of the passage opposite to one of the story's object ("dead" for "alive"). */
function oppositeAdjective(
  adjectives: readonly string[],
  tokens: readonly Token[],
  lexicon: Lexicon
): string | null {
  for (const a of adjectives)
    for (const t of tokens)
      if (t.pos === 'ADJ' && t.lemma !== a && lexicon.antonyms(a, t.lemma, 'adj')) return t.text
  return null
}
