// The worker thread's side of a WorkerPool: takes one job at a time from the main thread, runs
// it, and answers with its result or why it failed; the thread then waits for the next job.
import { parentPort } from 'node:worker_threads'

export type WorkerReply<R, P> =
  { kind: 'progress'; progress: P } | { kind: 'done'; result: R } | { kind: 'failed'; message: string }

export type JobHandler<J, R, P> = (job: J, progress: (progress: P) => void) => R | Promise<R>

/** Serves jobs in this worker thread; `transferOf` names the result's buffers to hand over rather than copy. */
export function serveJobs<J, R, P = never>(
  handle: JobHandler<J, R, P>,
  transferOf: (result: R) => ArrayBuffer[] = () => []
): void {
  const port = parentPort
  if (!port) throw new Error('A job worker runs in a worker thread, started by a WorkerPool.')
  const send = (reply: WorkerReply<R, P>, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer)
  port.on('message', (job: J) => {
    void (async () => {
      try {
        const result = await handle(job, (progress) => send({ kind: 'progress', progress }))
        send({ kind: 'done', result }, transferOf(result))
      } catch (error) {
        send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
      }
    })()
  })
}
