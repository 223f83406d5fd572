import { describe, expect, it } from 'vitest'
import { exclusiveOutcomes } from './outcomes'

describe('exclusive outcomes', () => {
  it('sets different answers to one decision against each other', () => {
    expect(exclusiveOutcomes('pass', 'defeat')).toBe(true)
    expect(exclusiveOutcomes('raise', 'hold')).toBe(true)
    expect(exclusiveOutcomes('release', 'charge')).toBe(true)
  })

  it('leaves alone the same answer, verbs of different decisions and unknown verbs', () => {
    expect(exclusiveOutcomes('approve', 'pass')).toBe(false)
    expect(exclusiveOutcomes('raise', 'veto')).toBe(false)
    expect(exclusiveOutcomes('paint', 'sing')).toBe(false)
    // "leave" answers two decisions (rates held, a post left); it never opposes itself.
    expect(exclusiveOutcomes('leave', 'leave')).toBe(false)
  })
})
