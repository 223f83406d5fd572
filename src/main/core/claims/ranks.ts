// Ranks a story gives: "the deadliest wildfire in 30 years", "the second-deadliest in French
// territory", "the third-largest bank". A rank is a checkable fact of its own: a source calling the
// same thing "the deadliest" contradicts "the second-deadliest".
import { sentenceAt } from './sentences'
import { claimId, type ExtractedClaim, type Span } from './types'

const ORDINALS: Record<string, number> = {
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  '5th': 5,
  '6th': 6
}

/** Words in -est that are no superlatives. */
const NOT_SUPERLATIVE =
  /^(?:west|east|rest|latest|interest|protest|suggest|request|forest|honest|modest|harvest|arrest|test|contest|guest|quest|chest|nest|pest|vest|digest|invest|manifest|arrest|unrest|conquest|inquest|priest|behest|earnest|midwest|southwest|northwest|northeast|southeast)$/

const RANK =
  /\bthe\s+(?:(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)[-\s])?((?:most|least)\s+\p{Ll}+|worst|best|\p{Ll}{3,}est)\b(?=((?:\s+[\p{L}.'’-]+){0,3}))/giu
/** Where the thing ranked ends: a preposition, a verb-like word or punctuation. */
const PHRASE_END =
  /^(?:in|on|at|since|for|of|to|from|by|with|ever|yet|so|this|that|which|who|and|or|is|was|were|has|had)$/i

export interface NormalizedRank extends Record<string, unknown> {
  /** 1 for "the deadliest", 2 for "the second-deadliest". */
  rank: number
  /** The superlative, lower-case: "deadliest", "most expensive". */
  degree: string
}

export function extractRanks(text: string, sentences: readonly Span[]): ExtractedClaim[] {
  const claims: ExtractedClaim[] = []
  RANK.lastIndex = 0
  for (let m = RANK.exec(text); m; m = RANK.exec(text)) {
    const degree = m[2]!.toLowerCase().replace(/\s+/g, ' ')
    if (!degree.includes(' ') && NOT_SUPERLATIVE.test(degree)) continue
    // "One of the most vociferous supporters" ranks no one first.
    if (
      /\b(?:one|some|several|many|two|three|few)\s+of\s*$|\bamong\s*$/i.test(
        text.slice(Math.max(0, m.index - 20), m.index)
      )
    )
      continue
    const start = m.index + m[0].indexOf(m[1] ?? m[2]!)
    // The thing ranked: the words after the superlative up to a preposition or a verb.
    let end = m.index + m[0].length
    let cursor = end
    for (const word of (m[3] ?? '').split(/\s+/).filter(Boolean)) {
      const at = text.indexOf(word, cursor)
      // "U.S." is a word; "crash." ends the phrase.
      const stop = /[,;:]$/.test(word) || (/\.$/.test(word) && !/\..*\./.test(word))
      if (PHRASE_END.test(word.replace(/[.,;:]$/, ''))) break
      if (stop) {
        end = at + word.length - 1
        break
      }
      end = at + word.length
      cursor = end
    }
    claims.push({
      id: claimId('event', start),
      kind: 'event',
      text: text.slice(start, end),
      start,
      end,
      sentence: sentenceAt(sentences, start),
      normalized: { rank: m[1] ? ORDINALS[m[1].toLowerCase()]! : 1, degree } satisfies NormalizedRank
    })
  }
  return claims
}
