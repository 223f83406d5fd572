// How many wrong passwords a desk accepts before it stops listening for a while: a few per name
// and per address a minute, then refusal until the oldest failure is a minute old. Kept in
// memory: a restart forgets it, and each server of a desk counts its own (attempts spread over
// n servers get n times the allowance, which still rules out guessing at any useful speed).
export interface LoginLimitOptions {
  /** Failures allowed per key within the window. */
  maxFailures: number
  windowMs: number
}

export const LOGIN_LIMIT: LoginLimitOptions = { maxFailures: 5, windowMs: 60_000 }
const MAX_KEYS = 10_000

export class LoginLimit {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly options: LoginLimitOptions = LOGIN_LIMIT,
    private readonly now: () => number = Date.now
  ) {}

  /** Seconds until any of `keys` may try again; 0 when all may try now. */
  retryAfter(keys: readonly string[]): number {
    const at = this.now()
    let wait = 0
    for (const key of keys) {
      const recent = this.recent(key, at)
      if (recent.length >= this.options.maxFailures) {
        const oldest = recent[recent.length - this.options.maxFailures]!
        wait = Math.max(wait, Math.ceil((oldest + this.options.windowMs - at) / 1000))
      }
    }
    return wait
  }

  fail(keys: readonly string[]): void {
    const at = this.now()
    // Guessing with ever new names must not grow the map without end: forget what is out of the window.
    if (this.failures.size > MAX_KEYS) for (const key of [...this.failures.keys()]) this.recent(key, at)
    for (const key of keys) this.failures.set(key, [...this.recent(key, at), at])
  }

  /** How many names and addresses have failures remembered (for tests). */
  get size(): number {
    return this.failures.size
  }

  /** A right password clears its name's count (not the address's: one good account must not unlock guessing others). */
  succeed(key: string): void {
    this.failures.delete(key)
  }

  private recent(key: string, at: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => t > at - this.options.windowMs)
    if (kept.length === 0) this.failures.delete(key)
    else this.failures.set(key, kept)
    return kept
  }
}
