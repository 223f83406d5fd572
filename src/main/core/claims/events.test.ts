import { describe, expect, it } from 'vitest'
import { extractClaims } from './extract'

const events = (text: string) =>
  extractClaims(text, { publishedAt: '2023-03-01' })
    .filter((c) => c.kind === 'event')
    .map((c): Record<string, unknown> => ({ text: c.text, ...c.normalized }))

describe('events', () => {
  it('names who signed what', () => {
    expect(events('Finance Minister Katarzyna Nowak signed a debt relief accord in Warsaw.')).toContainEqual(
      expect.objectContaining({
        verb: 'sign',
        subject: 'Katarzyna Nowak',
        object: 'a debt relief accord in Warsaw'
      })
    )
  })

  it('reads pledges, visits and meetings, each with its verb in the base form', () => {
    const found = events(
      'The European Commission pledged €2bn for reconstruction. Later, Marta Lindqvist visited the port, where she met dock workers.'
    )
    expect(found.map((e) => e.verb)).toEqual(['pledge', 'visit', 'meet'])
    expect(found[0]).toMatchObject({ subject: 'European Commission' })
    expect(found[1]).toMatchObject({ subject: 'Marta Lindqvist', object: 'the port' })
    // "where she met": the pronoun's person, named earlier in the sentence, is the subject.
    expect(found[2]).toMatchObject({ subject: 'Marta Lindqvist', object: 'dock workers' })
  })

  it('keeps the span exactly as written', () => {
    const text = 'Both unions agreed to suspend the strike; talks resume Friday.'
    const [e] = extractClaims(text).filter((c) => c.kind === 'event')
    expect(text.slice(e!.start, e!.end)).toBe(e!.text)
    expect(e!.text).toBe('agreed to suspend the strike')
  })
})
