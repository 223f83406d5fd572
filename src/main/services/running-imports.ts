// Imports being read and parsed right now, by the id their caller gave them, so that Cancel in
// the UI stops the file in hand (a 45 MB text mid-parse), not only the files after it.
import { cancelled } from './worker-pool'

/** Cancels that came before their import: a few suffice, the UI imports one file at a time. */
const EARLY_CANCELS_KEPT = 100

export class RunningImports {
  private readonly running = new Map<string, AbortController>()
  /** A cancel can overtake its import (a 60 MB upload is still on its way): the import is refused on arrival. */
  private readonly cancelledEarly = new Set<string>()

  async run<T>(id: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (id !== undefined && this.cancelledEarly.delete(id)) throw cancelled()
    const abort = new AbortController()
    if (id !== undefined) this.running.set(id, abort)
    try {
      return await work(abort.signal)
    } finally {
      if (id !== undefined && this.running.get(id) === abort) this.running.delete(id)
    }
  }

  /** true if the import was running and is stopped; false if it is not (yet, or any more) running. */
  cancel(id: string): boolean {
    const abort = this.running.get(id)
    if (abort) {
      abort.abort()
      return true
    }
    this.cancelledEarly.add(id)
    if (this.cancelledEarly.size > EARLY_CANCELS_KEPT)
      this.cancelledEarly.delete(this.cancelledEarly.values().next().value!)
    return false
  }
}
