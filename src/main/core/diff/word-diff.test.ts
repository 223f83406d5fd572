import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rebuild, wordDiff } from './word-diff'

describe('wordDiff', () => {
  it('marks a changed word and keeps the rest equal', () => {
    const segments = wordDiff('The minister arrived on Saturday.', 'The minister arrived on Sunday.')
    expect(segments).toEqual([
      { op: 'equal', text: 'The minister arrived on ' },
      { op: 'delete', text: 'Saturday' },
      { op: 'insert', text: 'Sunday' },
      { op: 'equal', text: '.' }
    ])
  })

  it('shows a misspelt name as one replaced word', () => {
    const segments = wordDiff('said Anna Kowalczyk today', 'said Anna Kowalcyzk today')
    expect(segments.filter((s) => s.op !== 'equal').map((s) => s.text)).toEqual(['Kowalczyk', 'Kowalcyzk'])
  })

  it('handles empty sides', () => {
    expect(wordDiff('', '')).toEqual([])
    expect(wordDiff('', 'new text')).toEqual([{ op: 'insert', text: 'new text' }])
    expect(wordDiff('old text', '')).toEqual([{ op: 'delete', text: 'old text' }])
  })

  it('always rebuilds both inputs exactly (property)', () => {
    const words = fc.constantFrom('the', 'minister', 'Kyiv', '10,000', '$3bn', '—', 'é', '東京', ' ', '\n', '  ', '.', '"')
    const text = fc.array(words, { maxLength: 40 }).map((w) => w.join(''))
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), fc.oneof(text, fc.string()), (a, b) => {
        const segments = wordDiff(a, b)
        expect(rebuild(segments, 'before')).toBe(a)
        expect(rebuild(segments, 'after')).toBe(b)
      }),
      { numRuns: 400 }
    )
  })
})
