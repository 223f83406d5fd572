import { describe, expect, it } from 'vitest'
import { contentHash, countWords, paragraphStarts } from './text-facts'

describe('contentHash', () => {
  it('ignores how whitespace is laid out', () => {
    expect(contentHash('One para.\n\nTwo  para.')).toBe(contentHash('One para. Two para.\n'))
  })

  it('tells different texts apart', () => {
    expect(contentHash('Kamikawa')).not.toBe(contentHash('Kakmikawa'))
  })
})

describe('countWords', () => {
  it('counts numbers, contractions and hyphenated words once', () => {
    expect(countWords('Iwaya’s trip: more than 10,000 troops, Indo-Pacific.')).toBe(7)
    expect(countWords('  — ')).toBe(0)
  })
})

describe('paragraphStarts', () => {
  it('gives each paragraph its offset in the cleaned text', () => {
    const paragraphs = ['Alpha.', 'Beta.', 'Alpha.']
    const cleaned = paragraphs.join('\n\n')
    const starts = paragraphStarts(cleaned, paragraphs)
    expect(starts).toEqual([0, 8, 15])
    starts.forEach((start, i) =>
      expect(cleaned.slice(start, start + paragraphs[i]!.length)).toBe(paragraphs[i])
    )
  })
})
