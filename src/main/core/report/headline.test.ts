import { describe, expect, it } from 'vitest'
import { provisionalHeadline, textName } from './headline'

describe('a text without a headline', () => {
  it('is named by its first sentence, cut at a word', () => {
    const text =
      'The regional council in Tarvik approved the new tram line to the airport on Tuesday evening after a four-hour debate. It will cost 420 million euros.'
    const name = provisionalHeadline(text)!
    expect(name.endsWith('…')).toBe(true)
    expect(name.length).toBeLessThanOrEqual(91)
    expect(text.startsWith(name.slice(0, -1))).toBe(true)
    expect(provisionalHeadline('Storm sinks 14 boats. More follows.')).toBe('Storm sinks 14 boats')
  })

  it('keeps a headline it has, and falls back to the file name only with no text', () => {
    expect(textName({ title: 'Tram approved', fileName: 'a.txt', cleanedText: 'Body.' })).toBe(
      'Tram approved'
    )
    expect(textName({ title: null, fileName: '000_e8.txt', cleanedText: '' })).toBe('000_e8.txt')
  })
})
