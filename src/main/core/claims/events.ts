// Events: who did what, as a verb and what follows it in its clause ("signed a debt relief
// accord", "acquitted the nurse of all charges"). Any content verb with an object is an event;
// the parts of speech come from wink-nlp (nlp/tokens.ts), so no list of verbs decides.
import { LIGHT, REPORTING, tokensOf, type Token } from '../nlp/tokens'
import { claimId, type ExtractedClaim, type Span } from './types'

const PRONOUN = /^(?:he|she|they|it|we)$/i
/** Words of an object at most: the rest of a long clause is not the event's. */
const OBJECT_WORDS = 12

/** Entities (people, organizations, places) already found, to name the event's subject. */
export function extractEvents(
  text: string,
  sentences: readonly Span[],
  entities: readonly ExtractedClaim[]
): ExtractedClaim[] {
  const claims: ExtractedClaim[] = []
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end)
    const tokens = tokensOf(body)
    let coveredTo = -1
    for (let i = 0; i < tokens.length; i++) {
      const verb = tokens[i]!
      if (verb.pos !== 'VERB' || verb.start < coveredTo || !isEventVerb(tokens, i)) continue
      const verbStart = sentence.start + verb.start
      const verbEnd = sentence.start + verb.end
      // The object: what follows, up to the end of the clause, at most a dozen words.
      const rest = text.slice(verbEnd, sentence.end)
      // The clause ends at punctuation, or where the next deed starts ("hit Tarvik on Monday sank…").
      const nextVerb = tokens.findIndex(
        (t, j) =>
          j > i &&
          t.pos === 'VERB' &&
          tokens[j - 1]?.text.toLowerCase() !== 'to' &&
          tokens[j - 1]?.pos !== 'AUX' &&
          // "intelligence-sharing": part of a compound, not a verb of its own.
          !(tokens[j - 1]!.end === t.start && /-$/.test(tokens[j - 1]!.text)) &&
          !/^-/.test(t.text)
      )
      const stop = nextVerb > 0 ? sentence.start + tokens[nextVerb]!.start - verbEnd : rest.length
      // Commas and points inside a number ("10,000", "3.5") do not end the clause.
      const clause = /^(?:[^,;:.!?—()"“”]|(?<=\d)[,.](?=\d))*/.exec(rest.slice(0, stop))?.[0] ?? ''
      const objectWords = clause.trim().split(/\s+/).filter(Boolean).slice(0, OBJECT_WORDS)
      // "met with his counterpart and" (the next deed cut off): no dangling joining word.
      while (
        objectWords.length &&
        /^(?:and|or|but|while|as|to|of|with|the|a|an)$/i.test(objectWords[objectWords.length - 1]!)
      )
        objectWords.pop()
      if (!objectWords.length) continue
      if (!hasObject(tokens, i, verb.end + clause.length)) continue
      const object = objectWords.join(' ')
      const last = objectWords[objectWords.length - 1]!
      const objectEnd = verbEnd + clause.indexOf(last) + last.length
      coveredTo = objectEnd - sentence.start
      const before = entities.filter(
        (e) => e.end <= verbStart && e.start >= sentence.start && e.kind !== 'role'
      )
      const subjectEntity = before[before.length - 1]
      const pronoun = /\b(he|she|they|it|we)\s+(?:\w+\s+)?$/i.exec(text.slice(sentence.start, verbStart))?.[1]
      const subject = subjectEntity?.text ?? (pronoun && PRONOUN.test(pronoun) ? pronoun : null)
      claims.push({
        id: claimId('event', verbStart),
        kind: 'event',
        text: text.slice(verbStart, objectEnd),
        start: verbStart,
        end: objectEnd,
        sentence,
        normalized: { verb: verb.lemma, subject, object }
      })
    }
  }
  return claims
}

/**
 * A verb that reports a deed: not speech ("said"), not a light verb ("made a visit"), not a
 * participle used as an adjective ("the damaged bridge"), not inside quotation marks (the quote is
 * its own claim).
 */
function isEventVerb(tokens: readonly Token[], i: number): boolean {
  const verb = tokens[i]!
  if (REPORTING.has(verb.key) || LIGHT.has(verb.key) || verb.lemma.length < 3) return false
  const previous = tokens[i - 1]
  // "the damaged bridge", "North Korea's dispatch of troops": an adjective or a noun, not a deed.
  if (previous && (previous.pos === 'DET' || previous.pos === 'ADJ' || /^['’]s$/.test(previous.text)))
    return false
  // "President-elect": part of a word, not a verb.
  if (previous && previous.end === verb.start && /-$/.test(previous.text)) return false
  // A deed has a doer: "Asked about Trump's impact, …" and "… growing fears" open no event.
  if (!tokens.slice(0, i).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON')) return false
  if (/ing$/i.test(verb.text) && previous?.pos !== 'AUX') return false
  const opened = tokens.slice(0, i).filter((t) => /^["“”]$/.test(t.text)).length
  return opened % 2 === 0
}

/** Whether the clause after the verb holds something done to: a noun, a name, a number or "it". */
function hasObject(tokens: readonly Token[], i: number, clauseEnd: number): boolean {
  for (let j = i + 1; j < tokens.length && tokens[j]!.start < clauseEnd; j++) {
    const t = tokens[j]!
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || t.pos === 'PRON') return true
    // "died and 130 were wounded": another clause, not an object.
    if (t.pos === 'CCONJ' || t.pos === 'SCONJ') return false
    // "agreed to suspend the strike": the verb's complement carries the object.
    if (t.pos === 'VERB' && tokens[j - 1]?.text.toLowerCase() !== 'to') return false
  }
  return false
}
