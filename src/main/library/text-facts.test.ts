import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { contentHash, countWords, paragraphStarts, WORD } from './text-facts'

describe('contentHash', () => {
  it('ignores how whitespace is laid out', () => {
    expect(contentHash('One para.\n\nTwo  para.')).toBe(contentHash('One para. Two para.\n'))
  })

  it('hashes the text with every whitespace run made one space, as it always has', () => {
    const reference = (text: string): string =>
      createHash('sha256').update(text.replace(/\s+/gu, ' ').trim(), 'utf8').digest('hex')
    const pieces = fc.constantFrom(
      ...['a', 'é', ' ', '  ', '\n', '\n\n', '\t', '\u00a0', '\u3000', '\u2028', '.']
    )
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        expect(contentHash(text)).toBe(reference(text))
      }),
      { numRuns: 1000 }
    )
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

  it('counts exactly the matches of WORD, whatever the text', () => {
    const byPattern = (text: string): number => [...text.matchAll(WORD)].length
    // Letters of several scripts (and one outside the BMP), digits, marks, connectors, spaces,
    // punctuation and lone surrogates, in any order.
    const pieces = fc.constantFrom(
      ...[
        'a',
        'Z',
        'é',
        'ß',
        'ж',
        '語',
        '𝐀',
        '7',
        '٣',
        '\u0301',
        "'",
        '’',
        '.',
        ',',
        '-',
        ' ',
        '\n',
        '—',
        '"',
        '(',
        '\ud800',
        '\udc00'
      ]
    )
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (chars) => {
        const text = chars.join('')
        expect(countWords(text)).toBe(byPattern(text))
      }),
      { numRuns: 2000 }
    )
    for (const text of ['a.-b', 'a..b', '-a-', '10,000.5', "x'", "'x", '𝐀𝐀-𝐀'])
      expect(countWords(text), text).toBe(byPattern(text))
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
