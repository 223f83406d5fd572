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

  it('reads a job before a name, an old job after it and a lone place word opening a sentence as no firm or place', () => {
    const found = names(
      'The prize went to producer Dana Levi. The shop was founded by Marta Kask, a former bank teller. ' +
        'Harbour master Lena Holm said the boats were safe. The oil producer Tamsa said it had agreed.'
    )
    expect(found).toContain('person:Dana Levi')
    expect(found).toContain('person:Marta Kask')
    expect(found).not.toContain('place:Harbour')
    expect(found).toContain('organization:Tamsa')
  })

  it('tells an organization from a person by the words in and around its name', () => {
    const found = names(
      'The dam was built by Tarsk Yapı, a Turkish contractor. Quillon Foods issued the recall. ' +
        'The poll was run by pollster Veradox for the paper. Audits were done by Holm & Ek. ' +
        'Later, Veradox said it had erred. A group calling itself Grey Heron claimed the attack.'
    )
    for (const org of ['Tarsk Yapı', 'Quillon Foods', 'Veradox', 'Holm & Ek', 'Grey Heron'])
      expect(found, org).toContain(`organization:${org}`)
    expect(found.filter((f) => f.startsWith('person:'))).toEqual([])
  })

  it('finds places by the words around them: "the town of", "off", "north of", "department"', () => {
    const found = names(
      'It fell near the town of Vrelsk on the Dora Peninsula. A boat sank off Tamarin, north of Quelba, ' +
        'in the Ostra department, below Mount Ferro.'
    )
    for (const place of ['Vrelsk', 'Dora Peninsula', 'Tamarin', 'Quelba', 'Ostra', 'Mount Ferro'])
      expect(found, place).toContain(`place:${place}`)
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
