// The worker thread's side of a check: computes it from the data it was started with, telling
// the main thread how far it got, so the process that answers API calls never waits for it.
import { parentPort, workerData } from 'node:worker_threads'
import type { CheckResult } from '../../shared/check'
import { computeCheck, type CheckJob, type CheckProgress } from './compute-check'

export type CheckWorkerMessage =
  | { kind: 'progress'; progress: CheckProgress }
  | { kind: 'done'; result: CheckResult }
  | { kind: 'failed'; message: string }

const port = parentPort
if (!port) throw new Error('check-worker runs in a worker thread, started by check-runner.ts.')
const send = (message: CheckWorkerMessage) => port.postMessage(message)
try {
  const result = computeCheck(workerData as CheckJob, (progress) => send({ kind: 'progress', progress }))
  send({ kind: 'done', result })
} catch (error) {
  send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
}
