// Backing up a library to one file, and putting a backup back in its place. Both work on a copy
// beside the destination and only rename it into place once it is whole and checked, so a failure
// at any step leaves no half-written file and the library as it was.
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync
} from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import Database, { type Database as Connection } from 'better-sqlite3'
import { ApiError } from '../../../shared/errors'
import { libraryTooNew, openLibrary, type SqliteLibrary as Library, type OpenLibraryOptions } from './index'
import { migrate, schemaVersion, SCHEMA_VERSION } from './schema'

export interface BackupOptions extends OpenLibraryOptions {
  /** Replace a file already at the destination (a save dialog has asked the user). */
  overwrite?: boolean
}

export interface BackupResult {
  path: string
  bytes: number
}

export interface RestoreOptions extends OpenLibraryOptions {
  /** The clock that names the kept library (tests fix it). */
  now?: () => Date
}

export interface RestoreResult {
  libraryPath: string
  /** Where the library that was replaced now is; null when there was none. */
  keptAs: string | null
  /** The backup's schema version, before it was brought up to this build's. */
  backupVersion: number
  version: number
}

/** SQLite's companions of a database file: the WAL, its index, and the rollback journal. */
const SIDECARS = ['-wal', '-shm', '-journal'] as const

const nameOf = (path: string): string => basename(path)

function removeWithSidecars(path: string): void {
  for (const suffix of ['', ...SIDECARS]) rmSync(path + suffix, { force: true })
}

/** A name beside `target` for work in progress, hidden and unique to this call. */
function scratchPath(target: string, purpose: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${purpose}-${process.pid}-${randomBytes(4).toString('hex')}`
  )
}

/** Flushes a file (and, where the platform allows, its folder's entry) to the disk. */
function flushToDisk(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    const dirFd = openSync(dirname(path), 'r')
    try {
      fsyncSync(dirFd)
    } finally {
      closeSync(dirFd)
    }
  } catch {
    // Folders cannot be opened for syncing on Windows; the rename is still atomic there.
  }
}

function requireFolder(path: string): void {
  const folder = dirname(path)
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ApiError('NOT_FOUND', `The folder ${folder} does not exist.`)
  }
}

function asApiError(error: unknown, fallback: (message: string) => string): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError('INTERNAL', fallback(error instanceof Error ? error.message : String(error)))
}

/**
 * Writes a copy of the library to `destPath` with SQLite's online backup, so the copy is
 * consistent even while the library is in use (what is still in its WAL included). The copy is
 * one self-contained file (rollback journal mode, no -wal beside it), checked before it is
 * renamed into place. Refuses to replace an existing file unless `overwrite` is set.
 */
export async function backupLibrary(
  source: Library | Connection,
  destPath: string,
  options: BackupOptions = {}
): Promise<BackupResult> {
  const dest = resolve(destPath)
  requireFolder(dest)
  const refuseExisting = (): void => {
    if (!options.overwrite && existsSync(dest)) {
      throw new ApiError(
        'CONFLICT',
        `${nameOf(dest)} already exists. Choose another name for the backup; the existing file has not been touched.`
      )
    }
  }
  refuseExisting()
  // A WAL beside the destination means a library is open there, perhaps this very one: replacing
  // its file under it would lose what the WAL holds.
  if (SIDECARS.some((suffix) => existsSync(dest + suffix))) {
    throw new ApiError(
      'CONFLICT',
      `${nameOf(dest)} is a library in use (it has a journal beside it). Choose another name for the backup.`
    )
  }

  const partial = scratchPath(dest, 'backup')
  try {
    await ('copyTo' in source ? source.copyTo(partial) : source.backup(partial))
    const copy = new Database(partial, { fileMustExist: true, ...binding(options) })
    try {
      // One file: the copy keeps the source's WAL mode in its header, which would make the first
      // reader create a -wal beside it. A backup should travel as a single file.
      copy.pragma('journal_mode = DELETE')
      const problems = integrityProblems(copy)
      if (problems.length > 0) throw new Error(`the copy failed SQLite's check: ${problems[0]}`)
    } finally {
      copy.close()
    }
    flushToDisk(partial)
    refuseExisting() // again: a file may have appeared there while the copy was made
    renameSync(partial, dest)
    return { path: dest, bytes: statSync(dest).size }
  } catch (error) {
    removeWithSidecars(partial)
    throw asApiError(
      error,
      (message) => `The backup could not be written to ${dest}: ${message}. Nothing was written there.`
    )
  }
}

function binding(options: OpenLibraryOptions): { nativeBinding?: string } {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
}

function integrityProblems(db: Connection): string[] {
  return (db.pragma('integrity_check') as Array<{ integrity_check: string }>)
    .map((row) => row.integrity_check)
    .filter((message) => message !== 'ok')
}

/** The tables a library of schema `version` has, by running the migrations into an empty database. */
function tablesOfVersion(version: number, options: OpenLibraryOptions): Set<string> {
  const reference = new Database(':memory:', binding(options))
  try {
    migrate(reference, version)
    return tableNames(reference)
  } finally {
    reference.close()
  }
}

function tableNames(db: Connection): Set<string> {
  const rows = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all()
  return new Set(rows.map((row) => row.name))
}

/** Copies the backup beside the library, checks the copy and brings it up to this build's schema. */
async function preparedCopy(backup: string, target: string, options: OpenLibraryOptions): Promise<number> {
  const name = nameOf(backup)
  const unchanged = 'Your library has not been changed.'
  const notALibrary = (why: string): ApiError =>
    new ApiError('BAD_REQUEST', `${name} is not a Factdesk library backup: ${why}. ${unchanged}`)
  const damaged = (why: string): ApiError =>
    new ApiError('BAD_REQUEST', `${name} is damaged and cannot be restored (${why}). ${unchanged}`)
  const explain = (error: unknown): unknown => {
    const code = (error as { code?: string }).code ?? ''
    if (code === 'SQLITE_NOTADB') return notALibrary('it is not an SQLite database')
    if (code.startsWith('SQLITE_CORRUPT')) return damaged((error as Error).message)
    return error
  }

  // The checks run on a private copy, so the backup file itself is never opened by SQLite and
  // stays exactly as it was (even a read-only connection leaves a -wal and -shm beside a file in
  // WAL mode). A backup that is itself a library file brings its WAL along.
  copyFileSync(backup, target)
  if (existsSync(`${backup}-wal`)) copyFileSync(`${backup}-wal`, `${target}-wal`)

  let version: number
  try {
    const copy = new Database(target, { fileMustExist: true, ...binding(options) })
    try {
      version = schemaVersion(copy)
      if (version > SCHEMA_VERSION) {
        throw libraryTooNew(name, version, `Restore it with the newer version. ${unchanged}`)
      }
      if (version < 1) throw notALibrary('it holds no Factdesk library')
      const problems = integrityProblems(copy)
      if (problems.length > 0) throw damaged(`SQLite's check found: ${problems[0]}`)
      const present = tableNames(copy)
      const missing = [...tablesOfVersion(version, options)].filter((table) => !present.has(table))
      if (missing.length > 0)
        throw notALibrary(`it lacks the table${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`)
    } finally {
      copy.close()
    }
  } catch (error) {
    throw explain(error)
  }

  // Upgraded (if older) by the same path every library takes when opened, then checked whole:
  // the full-text index against its paragraphs and every reference between tables.
  const library = openLibrary(target, options)
  try {
    const report = await library.integrityCheck()
    if (!report.ok) throw damaged(report.problems[0] ?? 'its check failed')
  } finally {
    await library.close()
  }
  flushToDisk(target)
  return version
}

/** `library.sqlite` → `library.before-restore-20250102-150405.sqlite`, never an existing name. */
function keptName(libraryPath: string, now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  const stamp =
    `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-` +
    `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`
  const extension = extname(libraryPath)
  const stem = join(dirname(libraryPath), basename(libraryPath, extension))
  for (let n = 1; ; n++) {
    const candidate = `${stem}.before-restore-${stamp}${n > 1 ? `-${n}` : ''}.sqlite`
    if (![candidate, ...SIDECARS.map((suffix) => candidate + suffix)].some((p) => existsSync(p)))
      return candidate
  }
}

/**
 * Checkpoints the library into its main file and closes it, so the file stands alone. Refuses
 * when another connection keeps it open: moving a library from under a running program would
 * split what it writes between two files.
 */
function settle(libraryPath: string, options: OpenLibraryOptions): void {
  let db: Connection
  try {
    db = new Database(libraryPath, { fileMustExist: true, timeout: 2000, ...binding(options) })
  } catch {
    return // unreadable: it is kept exactly as it is, with whatever lies beside it
  }
  let busy = false
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
    busy = (result?.busy ?? 0) !== 0
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    busy = code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
  } finally {
    db.close()
  }
  // The last connection to close removes the WAL; one still there means another is open.
  if (busy || existsSync(`${libraryPath}-wal`)) {
    throw new ApiError(
      'CONFLICT',
      `${nameOf(libraryPath)} is open in another program (the Factdesk app or factdesk serve). ` +
        'Close it and restore again; nothing has been changed.'
    )
  }
}

/**
 * Puts a backup in the library's place. The backup is checked first (an SQLite file, whole, with a
 * Factdesk library's tables, not from a newer build) and upgraded if older, all on a copy; only
 * then is the current library renamed to `<name>.before-restore-<time>.sqlite` beside it and the
 * copy renamed into its place. Nothing is ever deleted: a restore can itself be undone.
 * The library must be closed in this process; another process holding it open is refused.
 */
export async function restoreLibrary(
  backupPath: string,
  libraryPath: string,
  options: RestoreOptions = {}
): Promise<RestoreResult> {
  const backup = resolve(backupPath)
  const target = resolve(libraryPath)
  if (!existsSync(backup) || !statSync(backup).isFile()) {
    throw new ApiError('NOT_FOUND', `There is no backup file ${backup}.`)
  }
  if (backup === target) {
    throw new ApiError('BAD_REQUEST', `${nameOf(backup)} is the library itself; choose a backup to restore.`)
  }
  requireFolder(target)

  const prepared = scratchPath(target, 'restore')
  let backupVersion: number
  try {
    backupVersion = await preparedCopy(backup, prepared, options)
  } catch (error) {
    removeWithSidecars(prepared)
    throw asApiError(
      error,
      (message) => `The backup could not be restored: ${message}. Your library has not been changed.`
    )
  }

  let keptAs: string | null = null
  try {
    if (existsSync(target)) {
      settle(target, options)
      keptAs = keptName(target, options.now?.() ?? new Date())
      renameSync(target, keptAs)
      // Only an unreadable library can still have a WAL or journal: it goes along, so the kept
      // file is exactly what was there. The -shm is an index of the WAL, rebuilt on demand.
      for (const suffix of ['-wal', '-journal'] as const) {
        if (existsSync(target + suffix)) renameSync(target + suffix, keptAs + suffix)
      }
      rmSync(`${target}-shm`, { force: true })
    }
    renameSync(prepared, target)
  } catch (error) {
    removeWithSidecars(prepared)
    if (keptAs && !existsSync(target)) {
      // Put the library back where it was, with whatever went along with it.
      for (const suffix of ['', '-wal', '-journal']) {
        if (existsSync(keptAs + suffix)) renameSync(keptAs + suffix, target + suffix)
      }
      keptAs = null
    }
    throw asApiError(
      error,
      (message) => `The backup could not be put in place: ${message}. Your library is where it was.`
    )
  }
  return { libraryPath: target, keptAs, backupVersion, version: SCHEMA_VERSION }
}
