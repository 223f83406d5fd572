// Runs a check's engine in a worker thread: the main thread keeps answering API calls, hears how
// far the check got, and can stop it (the worker is terminated; nothing it did is kept). The
// thread stays alive for the next check, which then finds WordNet and the NLP model loaded.
import type { CheckResult } from '../../shared/check'
import type { CheckJob, CheckProgress, ProgressListener } from './compute-check'
import { WorkerJobFailed, type WorkerPool } from './worker-pool'

/** Computes a check somewhere else than the calling thread; rejects with CANCELLED when aborted. */
export type CheckEngine = (
  job: CheckJob,
  onProgress: ProgressListener,
  signal: AbortSignal
) => Promise<CheckResult>

export type CheckWorkers = WorkerPool<CheckJob, CheckResult, CheckProgress>

export function workerCheckEngine(pool: CheckWorkers): CheckEngine {
  return (job, onProgress, signal) =>
    pool.run(job, { onProgress, signal }).catch((error: unknown) => {
      throw error instanceof WorkerJobFailed ? new Error(`The check failed: ${error.reason}.`) : error
    })
}
