// Every extractor, alone, on arbitrary text: it never throws, and every span it returns lies
// inside the text, is non-empty and is exactly the text it claims to be.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractDates } from './dates'
import { extractEvents } from './events'
import { extractNames } from './names'
import { extractQuantities } from './quantities'
import { extractQuotes } from './quotes'
import { splitSentences } from './sentences'
import type { ExtractedClaim } from './types'

const newsy = fc.constantFrom(
  'On Saturday, ',
  'more than 10,000 troops',
  'between 5 and 7 ',
  '10,000–12,000',
  ' said ',
  'Defence Minister Ana Díaz',
  '“Quote of several words here,”',
  '"straight quote of words,"',
  ' $3bn ',
  '€1.5bn',
  'Feb. 22, 2022',
  ' the 3rd of May ',
  ' in the 1990s ',
  'then-Prime Minister ',
  'thousands of ',
  'a dozen ',
  '\n\n',
  '. ',
  '"',
  '“',
  '’s ',
  ' von der ',
  'J. R. ',
  'Nguyễn ',
  '€',
  '12-',
  ' signed ',
  ' met '
)
const text = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.array(newsy, { maxLength: 25 }).map((p) => p.join('')),
  fc.array(fc.oneof(newsy, fc.string({ maxLength: 6 })), { maxLength: 25 }).map((p) => p.join('')),
  fc.string({ unit: 'grapheme', maxLength: 120 })
)

function expectSpans(t: string, claims: readonly ExtractedClaim[]): void {
  for (const c of claims) {
    expect(c.start).toBeGreaterThanOrEqual(0)
    expect(c.end).toBeLessThanOrEqual(t.length)
    expect(c.start).toBeLessThan(c.end)
    expect(t.slice(c.start, c.end)).toBe(c.text)
  }
}

const extractors: Record<string, (t: string) => ExtractedClaim[]> = {
  dates: (t) => extractDates(t, splitSentences(t), '2024-11-16'),
  'dates without a publication date': (t) => extractDates(t, splitSentences(t), null),
  quantities: (t) => extractQuantities(t, splitSentences(t)),
  names: (t) => extractNames(t, splitSentences(t)).claims,
  events: (t) => extractEvents(t, splitSentences(t), extractNames(t, splitSentences(t)).claims),
  quotes: (t) => extractQuotes(t, splitSentences(t), [])
}

describe('extractors on arbitrary text (property)', () => {
  it('splits sentences inside the text, in order, without overlap', () => {
    fc.assert(
      fc.property(text, (t) => {
        let last = 0
        for (const s of splitSentences(t)) {
          expect(s.start).toBeGreaterThanOrEqual(last)
          expect(s.end).toBeLessThanOrEqual(t.length)
          expect(s.start).toBeLessThan(s.end)
          last = s.end
        }
      }),
      { numRuns: 200 }
    )
  })

  for (const [name, extract] of Object.entries(extractors)) {
    it(`${name}: never throws; spans are exact and inside the text`, () => {
      fc.assert(
        fc.property(text, (t) => expectSpans(t, extract(t))),
        { numRuns: 150 }
      )
    })
  }
})
