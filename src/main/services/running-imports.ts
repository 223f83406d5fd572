// Imports being read and parsed right now, by the id their caller gave them, so that Cancel in
// the UI stops the file in hand (a 45 MB text mid-parse), not only the files after it.
export class RunningImports {
  private readonly running = new Map<string, AbortController>()

  async run<T>(id: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const abort = new AbortController()
    if (id !== undefined) this.running.set(id, abort)
    try {
      return await work(abort.signal)
    } finally {
      if (id !== undefined && this.running.get(id) === abort) this.running.delete(id)
    }
  }

  /** false if that import already finished (or never was). */
  cancel(id: string): boolean {
    const abort = this.running.get(id)
    abort?.abort()
    return abort !== undefined
  }
}
