// The SQLite store: one file holding the texts, their paragraphs and the full-text index, the
// checks and the preferences. The embedded default, for one person on one machine.
import { basename } from 'node:path'
import Database from 'better-sqlite3'
import type { ApiError } from '../../../shared/errors'
import { libraryTooNew as tooNew } from '../too-new'
import { createLibrary, type SqliteLibrary } from './library'
import { migrate, schemaVersion, SCHEMA_VERSION } from './schema'
import { LOCK_GLANCE_MS, waitingForLocksOffThread } from './wait-for-lock'

export type { IntegrityReport, SqliteLibrary } from './library'
export { SCHEMA_VERSION } from './schema'

export interface OpenLibraryOptions {
  /** Path of a better_sqlite3.node built for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string
  /**
   * This connection answers requests while import workers write to the same file with their own
   * (the app, serve mode): it never sleeps on the write lock for more than a glance, and a call
   * refused for it is tried again on a timer (wait-for-lock.ts).
   */
  answersRequests?: boolean
}

/** How long a statement waits for another connection's lock before giving up. */
const BUSY_TIMEOUT_MS = 5000
/** Page cache per connection, in KiB (a negative cache_size is KiB, a positive one pages). */
export const CACHE_KIB = 32_000
/**
 * WAL pages written before SQLite copies them into the database file (its default is 1,000).
 * A checkpoint writes every page changed since the last one and syncs twice; an import changes
 * the same index pages text after text, so checkpointing a tenth as often wrote much less
 * (measured: 10,000 plain texts ~1,030/s at 1,000 pages, ~1,200/s at 10,000). The WAL file grows
 * to about 40 MB during an import and is removed when the last connection closes.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000

/** The refusal of a file from a newer build (see too-new.ts). */
export function libraryTooNew(fileName: string, version: number, advice: string): ApiError {
  return tooNew(fileName, version, SCHEMA_VERSION, advice)
}

/**
 * Opens (creating if missing) and upgrades the library at `path`; ':memory:' gives a throwaway
 * one for tests. Refuses, untouched, a file written by a newer build.
 */
export function openLibrary(path: string, options: OpenLibraryOptions = {}): SqliteLibrary {
  const db = new Database(path, {
    timeout: BUSY_TIMEOUT_MS,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  })
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    // Read the version before any pragma that writes (journal_mode changes the file header):
    // a library from a newer build must be left exactly as it was.
    const version = schemaVersion(db)
    if (version > SCHEMA_VERSION) {
      throw libraryTooNew(basename(path), version, 'Open it with the newer version; it has not been changed.')
    }
    if (path !== ':memory:' && path !== '') {
      // WAL: readers never wait for the importer, and a crashed app loses at most the transaction
      // in flight. synchronous=NORMAL saves an fsync per commit; with WAL it stays corruption-safe,
      // a power cut can at worst roll back the last few commits (whole texts, never half of one).
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
      db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`)
    }
    db.pragma('foreign_keys = ON')
    // 32 MB of page cache instead of SQLite's 2 MB: the full-text index's pages stay in memory
    // between texts during an import (measured ~20% more texts/s) and between searches.
    db.pragma(`cache_size = ${-CACHE_KIB}`)
    // Temporary tables in memory: every search writes its hits' paragraphs to a small temp FTS5
    // table for their snippets (library.ts), measured ~2 ms faster at p95 than a temp file.
    db.pragma('temp_store = MEMORY')
    migrate(db)
    if (!options.answersRequests) return createLibrary(db)
    db.pragma(`busy_timeout = ${LOCK_GLANCE_MS}`)
    return waitingForLocksOffThread(createLibrary(db))
  } catch (error) {
    db.close()
    throw error
  }
}
