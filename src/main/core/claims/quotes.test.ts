import { describe, expect, it } from 'vitest'
import { extractNames } from './names'
import { extractQuotes } from './quotes'
import { splitSentences } from './sentences'

function quotes(text: string) {
  const sentences = splitSentences(text)
  const people = extractNames(text, sentences).claims.filter((c) => c.kind === 'person')
  return extractQuotes(text, sentences, people).map((c): Record<string, unknown> => ({
    text: c.text,
    ...c.normalized
  }))
}

describe('quotes', () => {
  it('reads curly quotes followed by "said X"', () => {
    const [q] = quotes('“The bridge will reopen before winter,” said Ingrid Solberg, the city engineer.')
    expect(q).toMatchObject({ quote: 'The bridge will reopen before winter,', speaker: 'Ingrid Solberg' })
  })

  it('reads straight quotes followed by "X said"', () => {
    const [q] = quotes('"We have no plans to raise fares this year," Tomás Ferreira said on Monday.')
    expect(q).toMatchObject({ speaker: 'Tomás Ferreira' })
    expect(q!.text).toBe('"We have no plans to raise fares this year,"')
  })

  it('reads "X said:" before the quotation', () => {
    const [q] = quotes('Amina Diallo said: "The harvest was the worst in a decade."')
    expect(q).toMatchObject({ quote: 'The harvest was the worst in a decade.', speaker: 'Amina Diallo' })
  })

  it('ties "he said" and a bare surname to the person named earlier', () => {
    const text =
      'Governor Piet de Wit opened the dam. “It took nine years of work to get here,” he said. ' +
      '“Nobody should be surprised by the cost,” de Wit said.'
    const found = quotes(text)
    expect(found.map((q) => q.speaker)).toEqual(['Piet de Wit', 'Piet de Wit'])
  })

  it('does not pair quotation marks across unrelated words', () => {
    expect(quotes('He said "no" and she said "yes" to the plan.')).toEqual([])
  })
})
