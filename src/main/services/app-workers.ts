// The worker threads the app and serve mode hand their slow work to (checks, parsing imports,
// rendering reports), so the thread that answers API calls is never held by a big input.
import type { Worker } from 'node:worker_threads'
import { workerCheckEngine, type CheckEngine, type CheckWorkers } from './check-runner'
import {
  workerDocumentParser,
  workerFileImporter,
  type DocumentParser,
  type FileImporter,
  type ImportWorkers,
  type LibraryFile
} from './import-parser'
import { workerReportRenderer, type ReportRenderer, type ReportWorkers } from './report'
import { workerDocumentAligner, type CompareWorkers, type DocumentAligner } from './document-compare'
import { IDLE_MS, WorkerPool } from './worker-pool'

export type WorkerKind = 'check' | 'import' | 'report' | 'compare'

export interface AppWorkers {
  checkEngine: CheckEngine
  parseImport: DocumentParser
  /** Imports into the SQLite library file given, parse and write both in the worker. */
  importInto(library: LibraryFile): FileImporter
  renderReport: ReportRenderer
  alignDocuments: DocumentAligner
  pools: { check: CheckWorkers; import: ImportWorkers; report: ReportWorkers; compare: CompareWorkers }
  /** Terminates every thread: on quit, so none outlives the app. */
  close(): Promise<void>
}

export function appWorkers(start: (kind: WorkerKind) => Worker, idleMs = IDLE_MS): AppWorkers {
  const pools = {
    check: new WorkerPool(() => start('check'), idleMs) as CheckWorkers,
    import: new WorkerPool(() => start('import'), idleMs) as ImportWorkers,
    report: new WorkerPool(() => start('report'), idleMs) as ReportWorkers,
    compare: new WorkerPool(() => start('compare'), idleMs) as CompareWorkers
  }
  return {
    checkEngine: workerCheckEngine(pools.check),
    parseImport: workerDocumentParser(pools.import),
    importInto: (library) => workerFileImporter(pools.import, library),
    renderReport: workerReportRenderer(pools.report),
    alignDocuments: workerDocumentAligner(pools.compare),
    pools,
    close: async () => {
      await Promise.all(Object.values(pools).map((pool) => pool.close()))
    }
  }
}
