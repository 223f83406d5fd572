// Who is watching which check, in this process. A store publishes each change written to a check
// (SQLite straight after its transaction, PostgreSQL when the database's notice of it arrives,
// whichever server wrote it), and the feed hands it to that check's watchers. Decisions go through
// one feed, review steps and assignments through another.
import type { SavedDecision } from './store'

export type FeedListener<T> = (change: T & { checkId: number }) => void
export type DecisionListener = FeedListener<SavedDecision>

export interface CheckFeed<T> {
  watch(checkId: number, listener: FeedListener<T>): () => void
  watching(checkId: number): boolean
  publish(checkId: number, change: T): void
}
export type DecisionFeed = CheckFeed<SavedDecision>

export function createCheckFeed<T extends object>(log: (error: unknown) => void = () => {}): CheckFeed<T> {
  const listeners = new Map<number, Set<FeedListener<T>>>()
  return {
    watch(checkId, listener) {
      const set = listeners.get(checkId) ?? new Set()
      set.add(listener)
      listeners.set(checkId, set)
      return () => {
        set.delete(listener)
        if (set.size === 0 && listeners.get(checkId) === set) listeners.delete(checkId)
      }
    },
    watching: (checkId) => (listeners.get(checkId)?.size ?? 0) > 0,
    publish(checkId, change) {
      for (const listener of [...(listeners.get(checkId) ?? [])]) {
        // A watcher that fails (a closed connection) must not fail the change, nor the others.
        try {
          listener({ checkId, ...change })
        } catch (error) {
          log(error)
        }
      }
    }
  }
}

export function createDecisionFeed(log?: (error: unknown) => void): DecisionFeed {
  return createCheckFeed<SavedDecision>(log)
}
