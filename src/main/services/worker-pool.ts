// Threads for work that must not hold the request loop (checks, parsing an import, rendering a
// report). One thread is kept alive between jobs, because what a job loads stays loaded: a check
// reads WordNet and the NLP model once per thread (about 4 s), a PDF import loads pdf.js. A job
// that arrives while that thread is busy gets a thread of its own, dropped when it is done, so
// two jobs still run side by side as before.
import type { Worker } from 'node:worker_threads'
import { ApiError } from '../../shared/errors'
import type { WorkerReply } from './worker-jobs'

export const CANCELLED_MESSAGE = 'Cancelled: nothing in the library was changed.'

/** The job threw inside the worker, or the worker itself died; `reason` says which and why. */
export class WorkerJobFailed extends Error {
  constructor(readonly reason: string) {
    super(reason)
  }
}

export interface WorkerJobOptions<P> {
  onProgress?: (progress: P) => void
  /** Aborting terminates the thread at once: whatever the job was doing is lost, never half-kept. */
  signal?: AbortSignal
  /** Buffers to hand over rather than copy (a 45 MB file need not exist twice). */
  transfer?: ArrayBuffer[]
}

/** An idle thread waits this long for the next job before it goes (and its memory with it). */
export const IDLE_MS = 60_000

export class WorkerPool<J, R, P = never> {
  private idle: { worker: Worker; timer: NodeJS.Timeout } | null = null
  private readonly busy = new Set<Worker>()
  private closed = false
  /** Threads started so far: a job that found one waiting did not start one. */
  starts = 0

  constructor(
    private readonly startWorker: () => Worker,
    private readonly idleMs = IDLE_MS
  ) {}

  run(job: J, options: WorkerJobOptions<P> = {}): Promise<R> {
    const { onProgress, signal, transfer = [] } = options
    return new Promise<R>((resolve, reject) => {
      if (signal?.aborted) return reject(cancelled())
      if (this.closed) return reject(new WorkerJobFailed('the app is shutting down'))
      const worker = this.take()
      let settled = false
      const settle = (keepWorker: boolean, outcome: () => void) => {
        if (settled) return
        settled = true
        signal?.removeEventListener('abort', cancel)
        worker.off('message', onMessage).off('error', onError).off('exit', onExit)
        this.busy.delete(worker)
        if (keepWorker) this.giveBack(worker)
        else void worker.terminate()
        outcome()
      }
      const cancel = () => settle(false, () => reject(cancelled()))
      const onMessage = (reply: WorkerReply<R, P>) => {
        if (reply.kind === 'progress') {
          if (!settled) onProgress?.(reply.progress)
        } else if (reply.kind === 'done') settle(true, () => resolve(reply.result))
        // The job threw, but the thread caught it and is as good as before.
        else settle(true, () => reject(new WorkerJobFailed(reply.message)))
      }
      const onError = (error: Error) => settle(false, () => reject(new WorkerJobFailed(error.message)))
      const onExit = (code: number) =>
        settle(false, () =>
          reject(new WorkerJobFailed(`the worker thread stopped (exit code ${code}) before it finished`))
        )
      signal?.addEventListener('abort', cancel, { once: true })
      worker.on('message', onMessage).on('error', onError).on('exit', onExit)
      worker.postMessage(job, transfer)
    })
  }

  /** Terminates every thread, idle or busy (a busy job fails); later jobs are refused. */
  async close(): Promise<void> {
    this.closed = true
    const all = [...this.busy]
    if (this.idle) {
      clearTimeout(this.idle.timer)
      all.push(this.idle.worker)
      this.idle = null
    }
    await Promise.all(all.map((w) => w.terminate()))
  }

  private take(): Worker {
    let worker: Worker
    if (this.idle) {
      clearTimeout(this.idle.timer)
      worker = this.idle.worker
      this.idle = null
    } else {
      worker = this.startWorker()
      this.starts++
    }
    // A busy thread keeps the process alive (the CLI waits for its check); an idle one must not.
    worker.ref()
    this.busy.add(worker)
    return worker
  }

  private giveBack(worker: Worker): void {
    if (this.idle || this.closed) {
      void worker.terminate()
      return
    }
    worker.unref()
    const timer = setTimeout(() => {
      if (this.idle?.worker !== worker) return
      this.idle = null
      void worker.terminate()
    }, this.idleMs)
    timer.unref()
    this.idle = { worker, timer }
  }
}

/** The error every cancelled job, import or check rejects with. */
export function cancelled(): ApiError {
  return new ApiError('CANCELLED', CANCELLED_MESSAGE)
}
