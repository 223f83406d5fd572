// Long calls running right now (an import, a report's export), by the id their caller gave them,
// so that Cancel in the UI stops the one in hand (a 45 MB text mid-parse), not only what follows.
import { cancelled } from './worker-pool'

/** Cancels that came before their call: a few suffice, the UI runs one of each at a time. */
const EARLY_CANCELS_KEPT = 100

export class RunningJobs {
  private readonly running = new Map<string, AbortController>()
  /** A cancel can overtake its call (a request still on its way): the call is refused on arrival. */
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

  /** true if the call was running and is stopped; false if it is not (yet, or any more) running. */
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
