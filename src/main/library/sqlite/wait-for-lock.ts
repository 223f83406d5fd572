// Waiting for the write lock without holding the thread. better-sqlite3 is synchronous: a
// statement that finds another connection writing sleeps inside SQLite (busy_timeout), and the
// thread sleeps with it. Once an import worker writes a 45 MB text with a connection of its own
// (about 5 s holding the lock), a decision saved meanwhile on the connection that answers requests
// would stall every other call for as long. So that connection glances (LOCK_GLANCE_MS, enough for
// a small commit to end) and, still refused, tries the whole call again after a timer, letting the
// loop answer others in between.
//
// Why not send every write to the worker instead: a decision saved during a big import would
// queue behind it all the same (SQLite has one writer), and each store method would need a
// message form; waiting here keeps the store as it is and costs only a timer per refusal.
// Retrying a whole store method is safe because each one writes in at most one statement or one
// transaction (library.ts, checks-store.ts, preferences-store.ts), and a refused one wrote nothing.

/** How long a statement on the request thread's connection waits inside SQLite for the lock. */
export const LOCK_GLANCE_MS = 20
/** How long a call keeps trying before it fails as busy: longer than the biggest import's write. */
export const LOCK_PATIENCE_MS = 120_000
const FIRST_RETRY_MS = 10
const LAST_RETRY_MS = 250

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Runs `attempt` until it is not refused for a lock, waiting on timers in between. */
export async function retryWhileBusy<T>(
  attempt: () => Promise<T>,
  patienceMs = LOCK_PATIENCE_MS
): Promise<T> {
  const giveUpAt = Date.now() + patienceMs
  for (let delay = FIRST_RETRY_MS; ; delay = Math.min(delay * 2, LAST_RETRY_MS)) {
    try {
      return await attempt()
    } catch (error) {
      if (!isBusy(error) || Date.now() + delay > giveUpAt) throw error
      await sleep(delay)
    }
  }
}

/**
 * The store with every async method retried while busy, its nested stores (checks, preferences,
 * vocabulary) too. Synchronous methods are left as they are: they are for the store's own worker.
 */
export function waitingForLocksOffThread<T extends object>(store: T, patienceMs = LOCK_PATIENCE_MS): T {
  const wrapped: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(store)) {
    if (typeof value === 'function') {
      const method = value as (...args: unknown[]) => unknown
      wrapped[key] = (...args: unknown[]) => {
        const first = method.apply(store, args)
        if (!(first instanceof Promise)) return first
        // The first attempt is already running; only a refused one is made again.
        let tried = false
        return retryWhileBusy(() => {
          if (tried) return Promise.resolve(method.apply(store, args))
          tried = true
          return first
        }, patienceMs)
      }
    } else if (value !== null && typeof value === 'object') {
      wrapped[key] = waitingForLocksOffThread(value, patienceMs)
    } else wrapped[key] = value
  }
  return wrapped as T
}
