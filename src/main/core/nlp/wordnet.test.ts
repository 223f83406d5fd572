// WordNet as the engine reads it: shared senses and recorded opposites, commonest senses only.
import { describe, expect, it } from 'vitest'
import { lexicon } from '../../services/lexicon'
import { WORDS_ONLY } from './wordnet'

const { synonyms, antonyms, related } = lexicon()

describe('wordnet', () => {
  it('finds verbs that share a common sense', () => {
    expect(synonyms('sack', 'dismiss')).toBe(true)
    expect(synonyms('release', 'free')).toBe(true)
    expect(synonyms('sack', 'praise')).toBe(false)
  })

  it('finds opposites of verbs and adjectives, not of unrelated words', () => {
    expect(antonyms('acquit', 'convict')).toBe(true)
    expect(antonyms('lose', 'win')).toBe(true)
    expect(antonyms('alive', 'dead', 'adj')).toBe(true)
    expect(antonyms('die', 'get')).toBe(false)
    expect(antonyms('sack', 'dismiss')).toBe(false)
  })

  it('relates a verb to the one directly above it, not to any verb', () => {
    expect(related('wreck', 'destroy')).toBe(true)
    expect(related('destroy', 'wreck')).toBe(true)
    expect(related('sack', 'dismiss')).toBe(true)
    expect(related('design', 'speak')).toBe(false)
    expect(WORDS_ONLY.related('wreck', 'destroy')).toBe(false)
  })

  it('without the files, knows only that a word is itself', () => {
    expect(WORDS_ONLY.synonyms('sack', 'sack')).toBe(true)
    expect(WORDS_ONLY.synonyms('sack', 'dismiss')).toBe(false)
    expect(WORDS_ONLY.antonyms('acquit', 'convict')).toBe(false)
  })
})
