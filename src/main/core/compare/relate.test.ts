import { describe, expect, it } from 'vitest'
import type { NormalizedDate } from '../claims/dates'
import { hedgedInterval } from '../claims/hedges'
import type { NormalizedQuantity } from '../claims/quantities'
import { relateDates } from './relate-dates'
import { relateQuantities } from './relate-quantities'

const date = (value: string, extra: Partial<NormalizedDate> = {}): NormalizedDate => ({
  precision: value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year',
  value,
  relative: false,
  yearImplied: false,
  unresolved: false,
  weekday: null,
  ...extra
})

const figure = (hedge: string | null, v: number, unitHead = 'soldier', interval?: [number, number]) =>
  ({
    value: interval ? null : v,
    ...(interval
      ? { low: interval[0], high: interval[1], lowInclusive: true, highInclusive: true }
      : hedgedInterval(hedge, v)),
    unit: `${unitHead}s`,
    unitHead,
    currency: null,
    hedge
  }) satisfies NormalizedQuantity

describe('relating dates', () => {
  it('supports the same day however it was written', () => {
    expect(relateDates(date('2019-04-07'), date('2019-04-07'))?.relation).toBe('supports')
    // "7 April" with no year written still dates the day.
    expect(relateDates(date('2019-04-07'), date('2019-04-07', { yearImplied: true }))?.relation).toBe(
      'supports'
    )
  })

  it('calls a source that gives only the month partial, not support', () => {
    const r = relateDates(date('2019-04-07'), date('2019-04'))
    expect(r?.relation).toBe('partial')
    expect(r?.reason).toContain('less precise')
  })

  it('contradicts a different day, month or year', () => {
    expect(relateDates(date('2019-04-07'), date('2019-04-09'))?.relation).toBe('contradicts')
    expect(relateDates(date('2019-04'), date('2018-04'))?.relation).toBe('contradicts')
  })

  it('says nothing where it cannot resolve a relative date', () => {
    expect(
      relateDates(date('2019-04-07', { relative: true, unresolved: true }), date('2019-04-07'))
    ).toBeNull()
  })
})

describe('relating figures', () => {
  it('supports the same figure', () => {
    expect(relateQuantities(figure(null, 400), figure(null, 400))?.relation).toBe('supports')
  })

  it('calls overlapping hedges compatible, and flags the difference', () => {
    const r = relateQuantities(figure('more than', 10_000), figure('up to', 12_000))
    expect(r).toMatchObject({ relation: 'partial', hedgedDifference: true })
  })

  it('contradicts disjoint figures', () => {
    expect(relateQuantities(figure('up to', 800), figure('more than', 1_000))?.relation).toBe('contradicts')
    expect(relateQuantities(figure(null, 400), figure(null, 450))?.relation).toBe('contradicts')
    expect(relateQuantities(figure('dozens', 0, 'soldier', [24, 143]), figure(null, 900))?.relation).toBe(
      'contradicts'
    )
  })

  it('reads a vague figure loosely before calling a contradiction', () => {
    const thousands = { ...figure('thousands', 0, 'soldier', [2000, 9999]) }
    expect(relateQuantities(figure(null, 10_500), thousands)).toMatchObject({
      relation: 'partial',
      hedgedDifference: true
    })
    // "nearly 12 billion" and a round "12 billion" meet at 12 billion.
    expect(relateQuantities(figure('nearly', 12e9), figure(null, 12e9))?.relation).toBe('partial')
  })

  it('does not compare figures of different things', () => {
    expect(relateQuantities(figure(null, 40, 'tank'), figure(null, 40, 'soldier'))).toBeNull()
  })
})
