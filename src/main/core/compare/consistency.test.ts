import { describe, expect, it } from 'vitest'
import { extractClaims } from '../claims/extract'
import { consistencyFlags } from './consistency'

function flags(text: string, publishedAt = '2024-11-20') {
  const claims = extractClaims(text, { publishedAt })
  const found = consistencyFlags(text, claims)
  return claims.flatMap((c) =>
    (found.get(c.id) ?? []).map((f) => ({ claim: c.text, kind: f.kind, message: f.message }))
  )
}

describe('consistency inside one text', () => {
  it('flags a weekday that does not match its date', () => {
    const found = flags('The summit opened on Saturday, Nov. 17, 2024, in Rome.')
    expect(found).toContainEqual(expect.objectContaining({ kind: 'weekday-mismatch' }))
    expect(found.find((f) => f.kind === 'weekday-mismatch')!.message).toContain('Sunday')
  })

  it('does not flag a weekday that matches', () => {
    expect(
      flags('The summit opened on Saturday, Nov. 16, 2024, in Rome.').filter(
        (f) => f.kind === 'weekday-mismatch'
      )
    ).toEqual([])
  })

  it('states what a relative date resolves to', () => {
    expect(flags('The council met on Monday.')).toContainEqual(
      expect.objectContaining({ kind: 'relative-date', claim: 'Monday' })
    )
  })

  it('flags the same figure given twice with different values', () => {
    const text =
      'The storm destroyed 420 homes in the valley. Later reports said the storm destroyed 380 homes in the valley.'
    expect(flags(text)).toContainEqual(
      expect.objectContaining({ kind: 'inconsistent-figure', claim: '380 homes' })
    )
  })
})
