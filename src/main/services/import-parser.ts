// Where an import's file is read, parsed and stored: all in this thread (the CLI, which answers no
// one else), parsed in a worker thread and stored here (a store without a file of its own to open:
// PostgreSQL, an in-memory library), or all in a worker thread with a connection of its own to the
// library file (the app and serve mode). An abort stops a worker mid-parse or mid-write.
import type { ImportOutcome, TextRole } from '../../shared/domain'
import { claimCancel, newCommitGate } from './commit-gate'
import { WorkerJobFailed, type WorkerPool } from './worker-pool'
import { readAndParse, unreadable, type ImportInput, type ParsedImport } from './import-parse'
import type { StoreIn } from './import-store'
import { takeOverImport, type HandedOverImport } from './parsed-handover'

/** Never rejects but with CANCELLED: every other failure is a rejected outcome for the file. */
export type DocumentParser = (input: ImportInput, signal?: AbortSignal) => Promise<ParsedImport>

/** Reads, parses and stores a file; as DocumentParser, never rejects but with CANCELLED. */
export type FileImporter = (
  input: ImportInput,
  role: TextRole,
  signal?: AbortSignal
) => Promise<ImportOutcome>

export const parseInThread: DocumentParser = (input) => readAndParse(input)

/** An import worker's job: parse the file and hand it back, or with `store` also store it. */
export interface ImportJob {
  input: ImportInput
  store?: StoreIn
}
export type ImportAnswer = HandedOverImport | { stored: ImportOutcome }

export type ImportWorkers = WorkerPool<ImportJob, ImportAnswer>

const failedOutcome = (name: string) => (error: unknown) => {
  if (!(error instanceof WorkerJobFailed)) throw error
  return unreadable(name, new Error(error.reason))
}

/**
 * The input's bytes are handed to the worker, not copied (a copy of 45 MB holds the request loop
 * for half a second): the caller must not use them afterwards. They come back in the result.
 */
export function workerDocumentParser(pool: ImportWorkers): DocumentParser {
  return (input, signal) =>
    pool.run({ input }, { signal, transfer: ownBuffer(input.bytes) }).then(
      (answer) => {
        if ('stored' in answer) throw new Error('the import worker stored a file it was asked only to parse')
        return takeOverImport(answer)
      },
      (error: unknown) => ({ ok: false as const, outcome: failedOutcome(input.name)(error) })
    )
}

export interface LibraryFile {
  path: string
  nativeBinding?: string
}

/**
 * Imports into the SQLite library at `library.path` entirely in a worker; the request thread
 * gets only the outcome. A cancel stops the worker unless it already claimed its commit
 * (commit-gate.ts), in which case the import finishes and answers as if never cancelled.
 */
export function workerFileImporter(pool: ImportWorkers, library: LibraryFile): FileImporter {
  return async (input, role, signal) => {
    const gate = newCommitGate()
    const stop = new AbortController()
    const cancel = () => {
      if (claimCancel(gate)) stop.abort()
    }
    if (signal?.aborted) cancel()
    signal?.addEventListener('abort', cancel, { once: true })
    const store: StoreIn = { libraryFile: library.path, role, gate }
    if (library.nativeBinding) store.nativeBinding = library.nativeBinding
    try {
      const answer = await pool.run(
        { input, store },
        { signal: stop.signal, transfer: ownBuffer(input.bytes) }
      )
      if (!('stored' in answer)) throw new Error('the import worker did not store the file')
      return answer.stored
    } catch (error) {
      return failedOutcome(input.name)(error)
    } finally {
      signal?.removeEventListener('abort', cancel)
    }
  }
}

/** A view on a buffer of its own can hand it over; one on a shared pool (small Buffers) cannot. */
export function ownBuffer(bytes: Uint8Array | undefined): ArrayBuffer[] {
  return bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? [bytes.buffer as ArrayBuffer]
    : []
}
