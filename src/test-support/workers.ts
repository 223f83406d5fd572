// The app's worker threads started from the TypeScript sources: tsx is registered in each worker
// first, since a worker does not inherit the loader vitest or `node --import tsx` use.
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { appWorkers, type AppWorkers, type WorkerKind } from '../main/services/app-workers'
import type { CheckEngine } from '../main/services/check-runner'

const SOURCES: Record<WorkerKind, URL> = {
  check: new URL('../main/services/check-worker.ts', import.meta.url),
  import: new URL('../main/services/import-worker.ts', import.meta.url),
  report: new URL('../main/services/report-worker.ts', import.meta.url),
  compare: new URL('../main/services/compare-worker.ts', import.meta.url)
}

export function startTestWorker(kind: WorkerKind): Worker {
  const source = JSON.stringify(pathToFileURL(SOURCES[kind].pathname).href)
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}) })`
  return new Worker(bootstrap, { eval: true })
}

/** idleMs 0 by default: a test's threads go when their job is done, not a minute later. */
export function testWorkers(idleMs = 0): AppWorkers {
  return appWorkers(startTestWorker, idleMs)
}

export function testCheckEngine(): CheckEngine {
  return testWorkers().checkEngine
}
