// A rank the story gives ("the second-deadliest in French territory") against a source paragraph:
// the same superlative of the same thing with another rank contradicts it ("the deadliest crash in
// France"), the same rank supports it. The thing is the one the two sentences speak of: they must
// share words beyond the superlative.
import { extractRanks, type NormalizedRank } from '../claims/ranks'
import type { Found } from './figures-in-passage'
import type { ParagraphFacts } from './paragraph-facts'
import { overlap } from './text-words'

const ORDINAL_WORDS = ['', '', 'second', 'third', 'fourth', 'fifth', 'sixth']

function spelled(r: NormalizedRank): string {
  return r.rank === 1 ? `the ${r.degree}` : `the ${ORDINAL_WORDS[r.rank] ?? `${r.rank}th`}-${r.degree}`
}

/** Sentences sharing fewer words with the story's speak of something else. */
const MIN_SHARED_WORDS = 2

export function relateRank(rank: NormalizedRank, context: ReadonlySet<string>, pf: ParagraphFacts): Found[] {
  const found: Found[] = []
  pf.sentences.forEach((s, i) => {
    if (overlap(context, pf.words(i)) < MIN_SHARED_WORDS) return
    const sentence = pf.text.slice(s.start, s.end)
    for (const other of extractRanks(sentence, [{ start: 0, end: sentence.length }])) {
      const r = other.normalized as NormalizedRank
      if (r.degree !== rank.degree) continue
      found.push(
        r.rank === rank.rank
          ? { ...s, relation: 'supports', reason: `also calls it ${spelled(r)}` }
          : { ...s, relation: 'contradicts', reason: `calls it ${spelled(r)}, not ${spelled(rank)}` }
      )
      return
    }
  })
  return found
}
