// Who is watching which check's decisions, in this process. A store publishes each decision
// written to a check (SQLite straight after its transaction, PostgreSQL when the database's
// notice of it arrives, whichever server wrote it), and the feed hands it to that check's watchers.
import type { SavedDecision } from './store'

export type DecisionListener = (change: SavedDecision & { checkId: number }) => void

export interface DecisionFeed {
  watch(checkId: number, listener: DecisionListener): () => void
  watching(checkId: number): boolean
  publish(checkId: number, saved: SavedDecision): void
}

export function createDecisionFeed(log: (error: unknown) => void = () => {}): DecisionFeed {
  const listeners = new Map<number, Set<DecisionListener>>()
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
    publish(checkId, saved) {
      for (const listener of [...(listeners.get(checkId) ?? [])]) {
        // A watcher that fails (a closed connection) must not fail the decision, nor the others.
        try {
          listener({ checkId, ...saved })
        } catch (error) {
          log(error)
        }
      }
    }
  }
}
