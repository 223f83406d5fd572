import { describe, expect, it } from 'vitest'
import { hedgedInterval, intervalsOverlap, loosened, softBounds, VAGUE_AMOUNTS } from './hedges'

describe('hedged intervals', () => {
  it.each([
    [null, { low: 100, high: 100, lowInclusive: true, highInclusive: true }],
    ['more than', { low: 100, high: null, lowInclusive: false }],
    ['at least', { low: 100, high: null, lowInclusive: true }],
    ['up to', { low: 0, high: 100, highInclusive: true }],
    ['fewer than', { low: 0, high: 100, highInclusive: false }],
    ['nearly', { low: 90, high: 100, highInclusive: false }],
    ['about', { low: 90, high: 110, lowInclusive: true, highInclusive: true }]
  ] as const)('%s 100', (hedge, expected) => {
    const interval = hedgedInterval(hedge, 100)
    expect(interval).toMatchObject(expected)
    expect(interval.low! <= 100 || interval.low === null).toBe(true)
  })

  it('reads plural magnitudes as "at least two, fewer than ten of the next"', () => {
    expect(VAGUE_AMOUNTS['thousands']).toEqual([2000, 9999])
    expect(VAGUE_AMOUNTS['tens of thousands']).toEqual([20_000, 99_999])
    expect(VAGUE_AMOUNTS['dozens']).toEqual([24, 143])
  })

  it('overlaps only where a value is shared, minding open ends', () => {
    const more = { ...hedgedInterval('more than', 10_000) }
    const upTo = { ...hedgedInterval('up to', 12_000) }
    const under = { ...hedgedInterval('fewer than', 10_000) }
    const exactly = hedgedInterval(null, 10_000)
    expect(intervalsOverlap(more, upTo)).toBe(true)
    expect(intervalsOverlap(more, under)).toBe(false)
    expect(intervalsOverlap(more, exactly)).toBe(false) // "more than 10,000" excludes 10,000
    expect(intervalsOverlap(hedgedInterval('at least', 10_000), exactly)).toBe(true)
  })

  it('loosens only the bounds we invented', () => {
    expect(softBounds('thousands')).toEqual({ low: true, high: true })
    expect(softBounds('more than')).toEqual({ low: false, high: false })
    expect(softBounds('nearly')).toEqual({ low: true, high: false })
    const thousands = { low: 2000, high: 9999, lowInclusive: true, highInclusive: true, hedge: 'thousands' }
    expect(loosened(thousands)).toMatchObject({ low: 1000, high: 19_998 })
    const upTo = { ...hedgedInterval('up to', 800), hedge: 'up to' }
    expect(
      intervalsOverlap(loosened(upTo), loosened({ ...hedgedInterval('more than', 1000), hedge: 'more than' }))
    ).toBe(false)
  })
})
