// Where an import's file is read and parsed: in this thread (the CLI, which answers no one else)
// or in a worker thread (the app and serve mode), which an abort stops mid-parse.
import { WorkerJobFailed, type WorkerPool } from './worker-pool'
import { readAndParse, unreadable, type ImportInput, type ParsedImport } from './import-parse'
import { takeOverImport, type HandedOverImport } from './parsed-handover'

/** Never rejects but with CANCELLED: every other failure is a rejected outcome for the file. */
export type DocumentParser = (input: ImportInput, signal?: AbortSignal) => Promise<ParsedImport>

export const parseInThread: DocumentParser = (input) => readAndParse(input)

export type ImportWorkers = WorkerPool<ImportInput, HandedOverImport>

/**
 * The input's bytes are handed to the worker, not copied (a copy of 45 MB holds the request loop
 * for half a second): the caller must not use them afterwards. They come back in the result.
 */
export function workerDocumentParser(pool: ImportWorkers): DocumentParser {
  return (input, signal) =>
    pool.run(input, { signal, transfer: ownBuffer(input.bytes) }).then(takeOverImport, (error: unknown) => {
      if (!(error instanceof WorkerJobFailed)) throw error
      return { ok: false, outcome: unreadable(input.name, new Error(error.reason)) }
    })
}

/** A view on a buffer of its own can hand it over; one on a shared pool (small Buffers) cannot. */
export function ownBuffer(bytes: Uint8Array | undefined): ArrayBuffer[] {
  return bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? [bytes.buffer as ArrayBuffer]
    : []
}
