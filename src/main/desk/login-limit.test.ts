import { describe, expect, it } from 'vitest'
import { LoginLimit } from './login-limit'

describe('the login limit', () => {
  const setup = () => {
    let now = 1_000_000
    const limit = new LoginLimit({ maxFailures: 3, windowMs: 60_000 }, () => now)
    return { limit, advance: (ms: number) => (now += ms) }
  }

  it('lets a few failures through, then refuses until the oldest is a window old', () => {
    const { limit, advance } = setup()
    for (let i = 0; i < 3; i++) {
      expect(limit.retryAfter(['name:ana'])).toBe(0)
      limit.fail(['name:ana'])
      advance(10_000)
    }
    // Failures at 0 s, 10 s and 20 s; it is now 30 s: the first leaves the window at 60 s.
    expect(limit.retryAfter(['name:ana'])).toBe(30)
    expect(limit.retryAfter(['name:ben'])).toBe(0)
    advance(30_000)
    expect(limit.retryAfter(['name:ana'])).toBe(0)
  })

  it('refuses when any key is over: a new name from a guessing address is refused', () => {
    const { limit } = setup()
    for (const name of ['a', 'b', 'c']) limit.fail([`name:${name}`, 'addr:10.0.0.9'])
    expect(limit.retryAfter(['name:d', 'addr:10.0.0.9'])).toBeGreaterThan(0)
    expect(limit.retryAfter(['name:d', 'addr:10.0.0.10'])).toBe(0)
  })

  it("clears a name's failures on success, but not the address's", () => {
    const { limit } = setup()
    for (let i = 0; i < 3; i++) limit.fail(['name:ana', 'addr:1'])
    limit.succeed('name:ana')
    expect(limit.retryAfter(['name:ana'])).toBe(0)
    expect(limit.retryAfter(['addr:1'])).toBeGreaterThan(0)
  })

  it('forgets failures older than the window once many keys are remembered', () => {
    const { limit, advance } = setup()
    for (let i = 0; i < 10_001; i++) limit.fail([`name:n${i}`])
    expect(limit.size).toBe(10_001)
    advance(61_000)
    limit.fail(['name:last'])
    expect(limit.size).toBe(1)
  })
})
