import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractClaims } from './extract'

describe('extractClaims', () => {
  it('finds quotes with their speaker', () => {
    const text =
      'Residents were angry. “We were never told the water was unsafe,” said Amara Nwosu, a teacher.'
    const quote = extractClaims(text).find((c) => c.kind === 'quote')
    expect(quote?.normalized).toMatchObject({
      quote: 'We were never told the water was unsafe,',
      speaker: 'Amara Nwosu'
    })
  })

  it('finds agreements and events with who and what', () => {
    const text = 'Minister Lena Brandt signed a fisheries agreement with Norway on Tuesday.'
    const event = extractClaims(text, { publishedAt: '2022-06-10' }).find((c) => c.kind === 'event')
    expect(event?.normalized).toMatchObject({ verb: 'sign', subject: 'Lena Brandt' })
    expect(String(event?.normalized['object'])).toContain('fisheries agreement')
  })

  it('never throws and every span is the exact text inside the input (property)', () => {
    const pieces = fc.constantFrom(
      'On Saturday, ',
      'more than 10,000 troops',
      ' said ',
      'Foreign Minister Ana Díaz',
      '“Quote of several words here,”',
      ' $3bn ',
      'Feb. 22, 2022',
      ' in the 1990s ',
      'then-Prime Minister ',
      '\n\n',
      '. ',
      '"',
      '’s ',
      'up to 12,000',
      ' von der ',
      'J. R. ',
      '€',
      '12-'
    )
    const text = fc.oneof(
      fc.string(),
      fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')),
      fc.string({ unit: 'grapheme', maxLength: 200 })
    )
    fc.assert(
      fc.property(
        text,
        fc.option(fc.constantFrom('2024-11-16', '1999-01-01', 'not a date')),
        (t, publishedAt) => {
          for (const claim of extractClaims(t, { publishedAt })) {
            expect(claim.start).toBeGreaterThanOrEqual(0)
            expect(claim.end).toBeLessThanOrEqual(t.length)
            expect(claim.start).toBeLessThan(claim.end)
            expect(t.slice(claim.start, claim.end)).toBe(claim.text)
            expect(claim.sentence.start).toBeLessThanOrEqual(claim.start)
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})
