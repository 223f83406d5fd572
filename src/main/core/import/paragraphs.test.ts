import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitPlainParagraphs, tidyParagraph } from './paragraphs'

describe('tidyParagraph', () => {
  it('gives what collapsing every run of word-separating whitespace and trimming gives', () => {
    const reference = (text: string): string =>
      text.replace(/[ \t\n\v\f\r\u00a0\u1680\u2000-\u200a\u202f\u205f\ufeff]+/g, ' ').trim()
    const pieces = fc.constantFrom(...['a', 'é', '語', ' ', '  ', '\t', '\n', '\u00a0', '\u2009', '\u3000', '\u200b', '\ufeff', '.'])
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        expect(tidyParagraph(text)).toBe(reference(text))
      }),
      { numRuns: 2000 }
    )
  })
})

describe('splitPlainParagraphs', () => {
  it('treats each line as a paragraph in web copy without blank lines', () => {
    const text = 'Headline of the day\nFirst paragraph of the story, a full sentence.\nSecond paragraph, another sentence.'
    expect(splitPlainParagraphs(text)).toEqual(['Headline of the day', 'First paragraph of the story, a full sentence.', 'Second paragraph, another sentence.'])
  })

  it('splits on blank lines and keeps single-line breaks inside unwrapped blocks apart', () => {
    const text = 'One paragraph that is rather long and certainly not wrapped at any fixed column width at all, no.\n\nCaption line\nCaption line with credit\n\n\n  Last one.  '
    expect(splitPlainParagraphs(text)).toEqual([
      'One paragraph that is rather long and certainly not wrapped at any fixed column width at all, no.',
      'Caption line',
      'Caption line with credit',
      'Last one.'
    ])
  })

  it('rejoins text hard-wrapped at a fixed width', () => {
    const text = [
      'The foreign minister arrived in Kyiv on Saturday for talks with his',
      'counterpart, the ministry said, and pledged continued support for the',
      'country in its fight against the invasion.',
      '',
      'He also visited Bucha, where he laid flowers at a memorial to the',
      'victims of the occupation, according to the embassy.'
    ].join('\n')
    expect(splitPlainParagraphs(text)).toEqual([
      'The foreign minister arrived in Kyiv on Saturday for talks with his counterpart, the ministry said, and pledged continued support for the country in its fight against the invasion.',
      'He also visited Bucha, where he laid flowers at a memorial to the victims of the occupation, according to the embassy.'
    ])
  })

  it('does not glue together a list of short headlines', () => {
    const text = 'Minister visits Kyiv\nTalks on security\nAid package announced\nNext steps unclear'
    expect(splitPlainParagraphs(text)).toHaveLength(4)
  })

  it('handles a 1 MB single line', () => {
    const line = 'word '.repeat(200_000)
    const out = splitPlainParagraphs(line)
    expect(out).toHaveLength(1)
    expect(out[0]?.length).toBe(999_999)
  })
})

describe('tidyParagraph', () => {
  it('collapses spaces, tabs and no-break spaces but keeps joiners and ideographic spaces inside', () => {
    expect(tidyParagraph('  a \t b\u00a0\u00a0c  ')).toBe('a b c')
    expect(tidyParagraph('👨\u200d👩\u200d👧 家族\u3000写真')).toBe('👨\u200d👩\u200d👧 家族\u3000写真')
  })
})
