// Runs a check's engine in a worker thread: the main thread keeps answering API calls, hears how
// far the check got, and can stop it (the worker is terminated; nothing it did is kept).
import { Worker } from 'node:worker_threads'
import type { CheckResult } from '../../shared/check'
import { ApiError } from '../../shared/errors'
import type { CheckWorkerMessage } from './check-worker'
import type { CheckJob, ProgressListener } from './compute-check'

/** Computes a check somewhere else than the calling thread; rejects with CANCELLED when aborted. */
export type CheckEngine = (
  job: CheckJob,
  onProgress: ProgressListener,
  signal: AbortSignal
) => Promise<CheckResult>

export const CANCELLED_MESSAGE = 'Cancelled: nothing in the library was changed.'

/** Starts check-worker with the job as its workerData. */
export type StartCheckWorker = (job: CheckJob) => Worker

/** The built check-worker.js (check-worker-path.ts says where it is). */
export function builtCheckWorker(workerPath: string): StartCheckWorker {
  return (job) => new Worker(workerPath, { workerData: job })
}

export function workerCheckEngine(startWorker: StartCheckWorker): CheckEngine {
  return (job, onProgress, signal) =>
    new Promise<CheckResult>((resolve, reject) => {
      if (signal.aborted) return reject(new ApiError('CANCELLED', CANCELLED_MESSAGE))
      const worker = startWorker(job)
      let settled = false
      const settle = (outcome: () => void) => {
        if (settled) return
        settled = true
        signal.removeEventListener('abort', cancel)
        outcome()
        void worker.terminate()
      }
      const cancel = () => settle(() => reject(new ApiError('CANCELLED', CANCELLED_MESSAGE)))
      signal.addEventListener('abort', cancel, { once: true })
      worker.on('message', (message: CheckWorkerMessage) => {
        if (message.kind === 'progress') {
          if (!settled) onProgress(message.progress)
        } else if (message.kind === 'done') settle(() => resolve(message.result))
        else settle(() => reject(checkFailed(message.message)))
      })
      worker.on('error', (error) => settle(() => reject(checkFailed(error.message))))
      worker.on('exit', (code) =>
        settle(() => reject(checkFailed(`the worker thread stopped (exit code ${code}) before it finished`)))
      )
    })
}

function checkFailed(reason: string): Error {
  return new Error(`The check failed: ${reason}.`)
}
