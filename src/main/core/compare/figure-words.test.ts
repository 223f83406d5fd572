import { describe, expect, it } from 'vitest'
import { extractQuantities } from '../claims/quantities'
import { splitSentences } from '../claims/sentences'
import type { NormalizedQuantity } from '../claims/quantities'
import { commonGround, figureInWords, number } from './figure-words'
import { relateQuantities } from './relate-quantities'

const q = (text: string) => extractQuantities(text, splitSentences(text))[0]!.normalized as NormalizedQuantity

describe('figures in words', () => {
  it('writes figures as the writer did, large round ones in words', () => {
    expect(number(6_300_000_000)).toBe('6.3 billion')
    expect(number(12000)).toBe('12,000')
    expect(figureInWords(q('Pyongyang sent more than 10,000 troops.'))).toBe('more than 10,000 troops')
    expect(figureInWords(q('Japan gave billions of dollars in aid.'))).toBe('billions of dollars')
    expect(figureInWords(q('The fund lost between 10 and 12 percent.'))).toContain('between 10 and 12')
  })

  it('says where two hedged figures can both be true, with no interval notation', () => {
    const reason = relateQuantities(
      q('Pyongyang sent more than 10,000 troops.'),
      q('Up to 12,000 troops were sent.')
    )!.reason
    expect(reason).toBe(
      'the source says up to 12,000 troops; the story says more than 10,000 troops — both can be true only between 10,000 and 12,000'
    )
    expect(reason).not.toMatch(/[[\]()∞]/)
    expect(commonGround(q('at least 20 people died.'), q('more than 30 people died.'))).toBe(
      'both can be true only above 30'
    )
  })
})
