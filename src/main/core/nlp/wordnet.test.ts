// WordNet as the engine reads it: shared senses and recorded opposites, commonest senses only.
import { describe, expect, it } from 'vitest'
import { lexicon } from '../../services/lexicon'
import { WORDS_ONLY } from './wordnet'

const { synonyms, antonyms, related, isPlace, placeWithin } = lexicon()

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

  it('takes a kind of a word for the opposite of that word’s opposite, only the narrower way', () => {
    expect(antonyms('confess', 'deny')).toBe(true)
    expect(antonyms('deny', 'confess')).toBe(true)
    expect(antonyms('end', 'open')).toBe(false)
    expect(antonyms('stand', 'provide')).toBe(false)
  })

  it('knows places by name, and which lies within which', () => {
    expect(isPlace('Osaka')).toBe(true)
    expect(isPlace('Hong Kong')).toBe(true)
    expect(isPlace('Smith')).toBe(false)
    // "bank" is a place only as a common noun, never as a name.
    expect(isPlace('Bank')).toBe(false)
    expect(placeWithin('Ghent', 'Belgium')).toBe(true)
    expect(placeWithin('Belgium', 'Ghent')).toBe(false)
    expect(placeWithin('Lisbon', 'Spain')).toBe(false)
    expect(WORDS_ONLY.isPlace('Osaka')).toBe(false)
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
