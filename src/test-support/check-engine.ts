// The app's check engine (a worker thread) started from the TypeScript source: tsx is registered
// in the worker first, since a worker does not inherit the loader vitest or `node --import tsx` use.
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { workerCheckEngine, type CheckEngine } from '../main/services/check-runner'

const CHECK_WORKER_SOURCE = new URL('../main/services/check-worker.ts', import.meta.url)

export function testCheckEngine(): CheckEngine {
  const source = JSON.stringify(pathToFileURL(CHECK_WORKER_SOURCE.pathname).href)
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}) })`
  return workerCheckEngine((job) => new Worker(bootstrap, { eval: true, workerData: job }))
}
