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

  it('gives a figure one flag naming the nearest earlier figure, however many came before', () => {
    const text = [12, 15, 19, 23].map((n) => `The port said ${n} boats left the harbour.`).join(' ')
    const figures = flags(text).filter((f) => f.kind === 'inconsistent-figure')
    expect(figures.map((f) => f.claim)).toEqual(['15 boats', '19 boats', '23 boats'])
    expect(figures[2]!.message).toBe(
      'The story gives “23 boats” here and “19 boats” earlier for what reads as the same thing (and 2 other figures before it).'
    )
  })
})
