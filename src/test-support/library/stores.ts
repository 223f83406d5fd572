// The stores the contract suite (src/main/library/store-contract.test.ts) runs against: how to
// open a fresh, empty one, and how to make one that a newer build wrote. A store that cannot run
// here says why, and its half of the suite is reported skipped with that reason.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import type { Library } from '../../main/library'
import { openPostgresLibrary, SCHEMA_VERSION as POSTGRES_SCHEMA_VERSION } from '../../main/library/postgres'
import { openLibrary, SCHEMA_VERSION } from '../../main/library/sqlite'

export interface StoreHarness {
  name: string
  /** Why this store cannot be tested here; absent when it can. */
  unavailable?: string
  /** A new empty store; `dispose` removes whatever it left behind. */
  open(): Promise<Library>
  /**
   * Another handle on the store `open` made last, as a second server (or a second program) on the
   * same file or database would have: its own connections, its own watchers.
   */
  reopen(): Promise<Library>
  /** Opening a store whose schema a newer build wrote: must be refused. */
  openWrittenByNewerBuild(): Promise<unknown>
  dispose(): Promise<void>
}

export function sqliteHarness(): StoreHarness {
  let dir: string | null = null
  const folder = (): string => (dir ??= mkdtempSync(join(tmpdir(), 'factdesk-contract-')))
  let n = 0
  return {
    name: 'SQLite',
    open: async () => openLibrary(join(folder(), `library-${++n}.sqlite`)),
    reopen: async () => openLibrary(join(folder(), `library-${n}.sqlite`)),
    async openWrittenByNewerBuild() {
      const path = join(folder(), `newer-${++n}.sqlite`)
      await openLibrary(path).close()
      const db = new Database(path)
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
      db.close()
      return openLibrary(path)
    },
    async dispose() {
      if (dir) rmSync(dir, { recursive: true, force: true })
      dir = null
    }
  }
}

/** Where the PostgreSQL half of the suite runs: `npm test` and `npm run test:stores` set it. */
export const TEST_DATABASE_VARIABLE = 'FACTDESK_TEST_DATABASE_URL'

/**
 * Each store in a schema of its own in the database at FACTDESK_TEST_DATABASE_URL (dropped
 * afterwards), so tests never see each other's rows, nor a developer's own tables.
 */
export function postgresHarness(url = process.env[TEST_DATABASE_VARIABLE]): StoreHarness {
  const schemas: string[] = []
  const nextSchema = (): string => {
    const schema = `factdesk_contract_${process.pid}_${schemas.length + 1}`
    schemas.push(schema)
    return schema
  }
  const withClient = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return await work(client)
    } finally {
      await client.end()
    }
  }
  return {
    name: 'PostgreSQL',
    ...(url
      ? {}
      : { unavailable: `${TEST_DATABASE_VARIABLE} is not set; npm test and npm run test:stores set it` }),
    open: () => openPostgresLibrary(url!, { schema: nextSchema() }),
    reopen: () => openPostgresLibrary(url!, { schema: schemas.at(-1)! }),
    async openWrittenByNewerBuild() {
      const schema = nextSchema()
      await (await openPostgresLibrary(url!, { schema })).close()
      await withClient((client) =>
        client.query(`UPDATE ${schema}.schema_version SET version = $1`, [POSTGRES_SCHEMA_VERSION + 1])
      )
      return openPostgresLibrary(url!, { schema })
    },
    async dispose() {
      if (!url || schemas.length === 0) return
      await withClient(async (client) => {
        for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      })
    }
  }
}

/** Every store the contract suite runs against. */
export function storeHarnesses(): StoreHarness[] {
  return [sqliteHarness(), postgresHarness()]
}
