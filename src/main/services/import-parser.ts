// Where an import's file is read and parsed: in this thread (the CLI, which answers no one else)
// or in a worker thread (the app and serve mode), which an abort stops mid-parse.
import { WorkerJobFailed, type WorkerPool } from './worker-pool'
import { readAndParse, unreadable, type ImportInput, type ParsedImport } from './import-parse'

/** Never rejects but with CANCELLED: every other failure is a rejected outcome for the file. */
export type DocumentParser = (input: ImportInput, signal?: AbortSignal) => Promise<ParsedImport>

export const parseInThread: DocumentParser = (input) => readAndParse(input)

export type ImportWorkers = WorkerPool<ImportInput, ParsedImport>

export function workerDocumentParser(pool: ImportWorkers): DocumentParser {
  return (input, signal) =>
    pool.run(input, { signal }).catch((error: unknown) => {
      if (!(error instanceof WorkerJobFailed)) throw error
      return { ok: false, outcome: unreadable(input.name, new Error(error.reason)) }
    })
}
