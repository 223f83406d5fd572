import { describe, expect, it } from 'vitest'
import { extractNames } from './names'
import { splitSentences } from './sentences'

function names(text: string) {
  return extractNames(text, splitSentences(text)).claims.map((c) => `${c.kind}:${c.text}`)
}

describe('names', () => {
  it('finds names with particles, initials and diacritics', () => {
    const found = names('Ursula von der Leyen met J. R. R. Tolkien and Nguyễn Phú Trọng in Hanoi.')
    expect(found).toContain('person:Ursula von der Leyen')
    expect(found).toContain('person:J. R. R. Tolkien')
    expect(found).toContain('person:Nguyễn Phú Trọng')
    expect(found).toContain('place:Hanoi')
  })

  it('splits titles from the person and keeps the qualifier', () => {
    const text =
      'The treaty was signed by former Finance Minister Olena Hrytsenko and then-Prime Minister Dara Kelleher.'
    const { claims } = extractNames(text, splitSentences(text))
    const roles = claims.filter((c) => c.kind === 'role').map((c) => c.normalized)
    expect(roles).toEqual([
      { role: 'Finance Minister', person: 'Olena Hrytsenko', qualifier: 'former' },
      { role: 'Prime Minister', person: 'Dara Kelleher', qualifier: 'then' }
    ])
  })

  it('ties a later surname to the person named in full', () => {
    const text = 'Chancellor Miriam Osei spoke first. Later, Osei said the vote would pass.'
    const people = extractNames(text, splitSentences(text)).claims.filter((c) => c.kind === 'person')
    expect(people.map((p) => [p.text, p.normalized['personKey']])).toEqual([
      ['Miriam Osei', 'Miriam Osei'],
      ['Osei', 'Miriam Osei']
    ])
  })

  it('keeps organizations whole', () => {
    expect(names('A statement from the Foreign Ministry in Oslo followed.')).toContain(
      'organization:Foreign Ministry'
    )
  })
})
