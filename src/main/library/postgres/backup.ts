// Backing up a desk and restoring it, with PostgreSQL's own pg_dump and pg_restore rather than SQL
// written here: they know every object a database holds (the text search configuration, the
// unaccent extension, identity sequences, indexes, and tables other parts of Factdesk add later),
// their custom format is what a database administrator already restores, and a dump is consistent
// while editors keep working (one snapshot). The backup is written under a scratch name and renamed
// only when pg_restore can read it back; a restore runs in one transaction into a database that
// holds no desk yet, so either all of it arrives or nothing changes.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { accessSync, constants, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, delimiter, dirname, join, resolve } from 'node:path'
import pg from 'pg'
import { ApiError } from '../../../shared/errors'
import { libraryTooNew } from '../too-new'
import { databaseLabel, openDesk } from './index'
import { SCHEMA_VERSION } from './schema'

const TOOLS_ROOT = '/usr/lib/postgresql'

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/**
 * Where PostgreSQL's `tool` (pg_dump, pg_restore) is: FACTDESK_PG_BIN, then PATH, then the newest
 * /usr/lib/postgresql/N/bin (Debian installs the server's programs there, off PATH).
 */
export function findPostgresTool(tool: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromPath = (env['PATH'] ?? '').split(delimiter).filter(Boolean)
  const versions = existsSync(TOOLS_ROOT)
    ? readdirSync(TOOLS_ROOT)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join(TOOLS_ROOT, v, 'bin'))
    : []
  const folders = [...(env['FACTDESK_PG_BIN'] ? [env['FACTDESK_PG_BIN']] : []), ...fromPath, ...versions]
  const found = folders.map((folder) => join(folder, tool)).find(executable)
  if (found) return found
  throw new ApiError(
    'NOT_FOUND',
    `${tool} is not installed: it was looked for on PATH and in ${TOOLS_ROOT}/*/bin. Install PostgreSQL's client programs (on Debian: apt-get install postgresql-client), or set FACTDESK_PG_BIN to the folder holding ${tool}.`
  )
}

/**
 * The address without its password, and the password for PGPASSWORD: a password on a command
 * line can be read by anyone listing this machine's processes.
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } }
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const program = findPostgresTool(tool)
  return new Promise((resolvePromise, reject) => {
    execFile(
      program,
      args,
      { env, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) reject(new Error((stderr || error.message).trim()))
        else resolvePromise(stdout)
      }
    )
  })
}

export interface DeskBackupResult {
  path: string
  bytes: number
  /** The pg_dump that wrote it. */
  tool: string
}

/**
 * Writes the desk at `url` to `destPath` in pg_dump's custom format (restore it with
 * restoreDesk, factdesk restore --database, or pg_restore). Refuses an existing file unless
 * `overwrite`.
 */
export async function backupDesk(
  url: string,
  destPath: string,
  options: { overwrite?: boolean } = {}
): Promise<DeskBackupResult> {
  const dest = resolve(destPath)
  if (!existsSync(dirname(dest)) || !statSync(dirname(dest)).isDirectory())
    throw new ApiError('NOT_FOUND', `The folder ${dirname(dest)} does not exist.`)
  const refuseExisting = (): void => {
    if (!options.overwrite && existsSync(dest))
      throw new ApiError(
        'CONFLICT',
        `${basename(dest)} already exists. Choose another name for the backup; the existing file has not been touched.`
      )
  }
  refuseExisting()
  const tool = findPostgresTool('pg_dump')
  const partial = join(
    dirname(dest),
    `.${basename(dest)}.backup-${process.pid}-${randomBytes(4).toString('hex')}`
  )
  const { dbname, env } = connection(url)
  try {
    try {
      await run('pg_dump', ['--format=custom', `--file=${partial}`, `--dbname=${dbname}`], env)
    } catch (error) {
      throw new ApiError(
        'INTERNAL',
        `pg_dump could not back up ${databaseLabel(url)}: ${(error as Error).message}. Nothing was written.`
      )
    }
    // Read back: a file pg_restore cannot list is no backup, and one without the desk's
    // schema_version is a backup of some other database.
    const listing = await run('pg_restore', ['--list', partial])
    if (!/ TABLE \S+ schema_version /.test(listing))
      throw new ApiError(
        'NOT_FOUND',
        `${databaseLabel(url)} holds no Factdesk desk (no schema_version table). Nothing was written.`
      )
    refuseExisting()
    renameSync(partial, dest)
    return { path: dest, bytes: statSync(dest).size, tool }
  } finally {
    rmSync(partial, { force: true })
  }
}

export interface DeskRestoreResult {
  /** The backup's schema version, before it was brought up to this build's. */
  backupVersion: number
  version: number
}

/** The schema version a desk backup records, read from the backup without restoring it. */
async function backupVersion(backupPath: string): Promise<number> {
  let data: string
  try {
    data = await run('pg_restore', ['--data-only', '--table=schema_version', '--file=-', backupPath])
  } catch (error) {
    throw new ApiError(
      'BAD_REQUEST',
      `${basename(backupPath)} is not a backup pg_restore can read: ${(error as Error).message}`
    )
  }
  const rows = /^COPY \S*schema_version \(version\) FROM stdin;\n(\d+)\n/m.exec(data)
  if (!rows)
    throw new ApiError(
      'BAD_REQUEST',
      `${basename(backupPath)} is not a backup of a Factdesk desk (no schema_version).`
    )
  return Number(rows[1])
}

/**
 * Restores a desk backup into the database at `url`, which must exist and hold no desk yet (a
 * restore never merges into one, nor replaces one). One transaction: a failure leaves the
 * database as it was. An older backup is then brought up to this build's schema; a newer one is
 * refused before anything is done.
 */
export async function restoreDesk(backupPath: string, url: string): Promise<DeskRestoreResult> {
  const path = resolve(backupPath)
  if (!existsSync(path)) throw new ApiError('NOT_FOUND', `There is no backup ${path}.`)
  const version = await backupVersion(path)
  const label = databaseLabel(url)
  if (version > SCHEMA_VERSION)
    throw libraryTooNew(
      basename(path),
      version,
      SCHEMA_VERSION,
      `Restore it with the newer version; ${label} has not been changed.`
    )
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ desk: boolean }>(
      `SELECT to_regclass('schema_version') IS NOT NULL OR to_regclass('texts') IS NOT NULL AS desk`
    )
    if (rows[0]?.desk)
      throw new ApiError(
        'CONFLICT',
        `${label} already holds a desk; a backup is restored only into an empty database (create one, e.g. createdb NAME). Nothing was changed.`
      )
  } finally {
    await client.end()
  }
  const { dbname, env } = connection(url)
  try {
    await run(
      'pg_restore',
      [
        '--single-transaction',
        '--exit-on-error',
        '--no-owner',
        '--no-privileges',
        `--dbname=${dbname}`,
        path
      ],
      env
    )
  } catch (error) {
    throw new ApiError(
      'INTERNAL',
      `pg_restore could not restore ${basename(path)} into ${label}: ${(error as Error).message}. Nothing was changed.`
    )
  }
  await (await openDesk(url)).close()
  return { backupVersion: version, version: SCHEMA_VERSION }
}
