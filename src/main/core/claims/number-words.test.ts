import { describe, expect, it } from 'vitest'
import { NUMBER_IN_WORDS, numberInWords } from './number-words'
import { extractQuantities } from './quantities'

describe('numbers in words', () => {
  it.each([
    ['nine', 9],
    ['Twenty-nine', 29],
    ['forty five', 45],
    ['two dozen', 24],
    ['half a dozen', 6],
    ['a hundred', 100],
    ['three hundred and fifty', 350]
  ])('reads “%s” as %d', (written, value) => {
    expect(new RegExp(`^${NUMBER_IN_WORDS}$`, 'i').test(written)).toBe(true)
    expect(numberInWords(written)).toBe(value)
  })

  it('refuses what is not a number', () => {
    expect(numberInWords('many')).toBeNull()
    expect(numberInWords('')).toBeNull()
  })
})

describe('a count written in words', () => {
  it('is read whole, not from its last word', () => {
    const text = 'Twenty-nine firefighters were hurt and two dozen fishing boats were wrecked.'
    const found = extractQuantities(text, [{ start: 0, end: text.length }]).map((c) => [
      c.text,
      c.normalized['value']
    ])
    expect(found).toEqual([
      ['Twenty-nine firefighters', 29],
      ['two dozen fishing boats', 24]
    ])
  })
})
