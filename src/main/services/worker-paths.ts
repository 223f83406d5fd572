/// <reference types="electron-vite/node" />
// Where the built workers are: electron-vite bundles each `?modulePath` import as a file of its
// own and puts its path here, next to whichever bundle imports this (out/main in serve, the CLI
// and the app). Tests resolve them to the TypeScript sources instead (vitest.config.ts), which
// test-support/workers.ts starts with tsx.
import { Worker } from 'node:worker_threads'
import { appWorkers, type AppWorkers, type WorkerKind } from './app-workers'
import checkWorker from './check-worker?modulePath'
import importWorker from './import-worker?modulePath'
import reportWorker from './report-worker?modulePath'
import compareWorker from './compare-worker?modulePath'

const WORKER_PATHS: Record<WorkerKind, string> = {
  check: checkWorker,
  import: importWorker,
  report: reportWorker,
  compare: compareWorker
}

export function builtWorkers(): AppWorkers {
  return appWorkers((kind) => new Worker(WORKER_PATHS[kind]))
}
