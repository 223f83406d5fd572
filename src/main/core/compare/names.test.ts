import { describe, expect, it } from 'vitest'
import { extractClaims } from '../claims/extract'
import { checkNames, NameVocabulary } from './names'

function flagsFor(story: string, sourceTexts: string[], house: string[] = []) {
  const claims = extractClaims(story)
  const flags = checkNames(
    claims,
    new NameVocabulary(sourceTexts.map((t, i) => ({ id: i + 1, label: `source ${i + 1}`, texts: [t] }))),
    new NameVocabulary([{ id: 0, label: 'house list', texts: house }])
  )
  return claims.flatMap((c) => (flags.get(c.id) ?? []).map((f) => ({ claim: c.text, ...f })))
}

describe('name checks', () => {
  it('finds a near-miss from the sources alone (a swapped pair of letters)', () => {
    const found = flagsFor('The report was written by Anna Kowalcyzk of the institute.', [
      'Anna Kowalczyk, who leads the institute, wrote the report.'
    ])
    expect(found).toContainEqual(
      expect.objectContaining({ claim: 'Anna Kowalcyzk', kind: 'spelling-to-check' })
    )
    expect(found.find((f) => f.kind === 'spelling-to-check')?.message).toContain('“Kowalczyk”')
  })

  it('finds a near-miss against the house list (one inserted letter)', () => {
    const found = flagsFor('Minister Tomasz Brzezinkski resigned.', [], ['Tomasz Brzezinski'])
    expect(found.map((f) => f.kind)).toContain('spelling-to-check')
  })

  it('reports a name spelled two ways across the sources as a variant', () => {
    const found = flagsFor('President Oleksandr Tkachenkko spoke.', [
      'Oleksandr Tkachenkko spoke first.',
      'Tkachenko then left.'
    ])
    expect(found).toContainEqual(expect.objectContaining({ kind: 'spelling-variant' }))
  })

  it('does not flag grammatical forms or names that are simply different', () => {
    const found = flagsFor('Russian officials met Maria Santos and Mario Santos in Lisbon.', [
      'Russia said its officials met Maria Santos.',
      'Mario Santos was also there, in Lisbon.'
    ])
    expect(found).toEqual([])
  })

  it('does not flag a name that appears nowhere and resembles nothing', () => {
    expect(flagsFor('Chief Executive Priyanka Raghunathan spoke.', ['The company reported a loss.'])).toEqual(
      []
    )
  })

  it('does not flag short names one letter from a different one (Iran / Iraq, Mark / Mary Smith)', () => {
    expect(flagsFor('Talks with Iran resumed in Geneva.', ['Iraq sent a delegation to Geneva.'])).toEqual([])
    expect(flagsFor('Mark Smith chaired the meeting.', ['Mary Smith chaired the meeting.'])).toEqual([])
  })

  it('flags a longer given name spelled two ways when the surname is shared', () => {
    const found = flagsFor('Ambassador Andriy Melnychuk arrived.', ['Andrii Melnychuk arrived on Monday.'])
    expect(found.find((f) => f.kind === 'spelling-to-check')?.message).toContain('“Andrii”')
  })

  it('flags a long surname alone, and says which sources use the other spelling', () => {
    const found = flagsFor('Later, Kowalcyzk said the data were sound.', [
      'Professor Anna Kowalczyk presented the data.',
      'Kowalczyk said the data were sound.'
    ])
    const message = found.find((f) => f.kind === 'spelling-to-check')?.message ?? ''
    expect(message).toContain('“Kowalczyk” (in source 1, source 2)')
  })
})
