// The checks being computed right now, each with how far it got, so the UI can show progress and
// cancel one: the API call that started a check answers when it is done, while other calls
// (progress, cancel, anything else) are answered meanwhile.
import { randomUUID } from 'node:crypto'
import type { CheckResult } from '../../shared/check'
import type { RunningCheck } from '../../shared/workbench'
import type { CheckEngine } from './check-runner'
import type { CheckJob } from './compute-check'

/** A check to compute, and what to write to the library once it is computed. */
export interface CheckPlan<T> {
  storyId: number
  /** The check run again; null for a new one. */
  checkId: number | null
  job: CheckJob
  save(result: CheckResult): Promise<T>
}

export class CheckJobs {
  private readonly jobs = new Map<string, { running: RunningCheck; abort: AbortController }>()

  constructor(private readonly engine: CheckEngine) {}

  /** Computes the plan's check with the engine and saves it; a cancelled one saves nothing. */
  async run<T>(plan: CheckPlan<T>): Promise<T> {
    const id = randomUUID()
    const abort = new AbortController()
    const running: RunningCheck = { id, storyId: plan.storyId, checkId: plan.checkId, related: 0, total: 0 }
    this.jobs.set(id, { running, abort })
    try {
      const result = await this.engine(plan.job, (progress) => Object.assign(running, progress), abort.signal)
      return await plan.save(result)
    } finally {
      this.jobs.delete(id)
    }
  }

  running(): RunningCheck[] {
    return [...this.jobs.values()].map((j) => ({ ...j.running }))
  }

  /** Stops a running check; false if it already finished (or never was). */
  cancel(id: string): boolean {
    const job = this.jobs.get(id)
    if (!job) return false
    job.abort.abort()
    return true
  }
}
