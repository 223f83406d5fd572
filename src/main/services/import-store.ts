// The import worker's write: the parsed text stored in the library file with a connection of the
// worker's own, so the request thread neither unpacks the text nor holds SQLite's write lock for
// the seconds a big text takes. Only the outcome goes back.
import type { ImportOutcome, TextRole } from '../../shared/domain'
import { openLibrary } from '../library/sqlite'
import { ImportNotCommitted } from '../library/sqlite/library'
import { claimCommit, type CommitGate } from './commit-gate'
import { readAndParse, unreadable, type ImportInput } from './import-parse'
import { cancelled } from './worker-pool'

export interface StoreIn {
  /** The library's file: the request thread's connection has it open (WAL), and this opens it too. */
  libraryFile: string
  /** better-sqlite3 built for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string
  role: TextRole
  gate: CommitGate
}

/** Never rejects but with CANCELLED: every other failure is a rejected outcome for the file. */
export async function readParseAndStore(input: ImportInput, store: StoreIn): Promise<ImportOutcome> {
  const parsed = await readAndParse(input)
  if (!parsed.ok) return parsed.outcome
  let library: ReturnType<typeof openLibrary> | null = null
  try {
    // Opened for this file and closed after it: a connection left open in an idle worker would
    // keep the library's WAL alive, and a restore refuses a library another connection holds.
    library = openLibrary(
      store.libraryFile,
      store.nativeBinding ? { nativeBinding: store.nativeBinding } : {}
    )
    const stored = library.importIndexed(
      { fileName: input.name, bytes: parsed.bytes, doc: parsed.doc, role: store.role },
      () => claimCommit(store.gate)
    )
    return { status: stored.status, name: input.name, id: stored.id, title: stored.title }
  } catch (error) {
    if (error instanceof ImportNotCommitted) throw cancelled()
    return unreadable(input.name, error)
  } finally {
    // What close() could still fail at (indexing another program's waiting texts) is not this
    // file's outcome: its text is committed, or rolled back, already.
    await library?.close().catch(() => {})
  }
}
