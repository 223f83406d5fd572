// The desk store: the library, checks and preferences in a PostgreSQL database that many editors
// share (node-postgres, one pool per process). SQLite stays the embedded default for one person.
import pg from 'pg'
import { libraryTooNew } from '../too-new'
import type { Library } from '../store'
import { createDb, type Db } from './connection'
import { createPostgresLibrary } from './library'
import { createNoticeChannel } from './notice-channel'
import { migrate, SCHEMA_VERSION } from './schema'

export { SCHEMA_VERSION } from './schema'

export interface OpenPostgresOptions {
  /**
   * The schema the store's tables live in (created if missing); PostgreSQL's default when
   * absent. Lets one database hold several stores, as the tests do.
   */
  schema?: string
  /** How many of the newest rows a search looks in first (library.ts, RECENT_ROWS); tests only. */
  recentRows?: { texts: number; paragraphs: number }
}

/** The database's address as it may be shown and logged: without its password. */
export function databaseLabel(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.password = ''
    return parsed.toString()
  } catch {
    return 'the database (its address is not a valid URL)'
  }
}

/** A desk's database, migrated and ready: the pool's queries and the way to close it. */
export interface OpenDesk {
  db: Db
  close(): Promise<void>
}

/**
 * Connects to the database at `url`, bringing its schema up to date. Refuses, untouched, a
 * database a newer build migrated. For work beside the store (factdesk desk push); everything
 * else goes through openPostgresLibrary.
 */
export async function openDesk(url: string, options: OpenPostgresOptions = {}): Promise<OpenDesk> {
  const schema = options.schema
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`Not a schema name Factdesk uses: ${schema}`)
  const pool = new pg.Pool({
    connectionString: url,
    // unaccent lives in public (see schema.ts), so public stays on the path after the store's own.
    ...(schema ? { options: `-c search_path=${schema},public` } : {})
  })
  try {
    const client = await pool.connect()
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
      await migrate(client, (version) =>
        libraryTooNew(
          databaseLabel(url),
          version,
          SCHEMA_VERSION,
          'Use the newer version with it; it has not been changed.'
        )
      )
    } finally {
      client.release()
    }
  } catch (error) {
    await pool.end()
    throw error
  }
  return { db: createDb(pool), close: () => pool.end() }
}

/**
 * Connects to the database at `url`, bringing its schema up to date. Refuses, untouched, a
 * database a newer build migrated.
 */
export async function openPostgresLibrary(url: string, options: OpenPostgresOptions = {}): Promise<Library> {
  const desk = await openDesk(url, options)
  const schema = options.schema
  // One channel per schema: stores sharing a database in schemas of their own never hear each other.
  const notices = createNoticeChannel(
    { connectionString: url },
    schema ? `factdesk_decisions_${schema}` : 'factdesk_decisions'
  )
  return createPostgresLibrary(
    desk.db,
    notices,
    async () => {
      await notices.close()
      await desk.close()
    },
    options.recentRows ? { recentRows: options.recentRows } : {}
  )
}
