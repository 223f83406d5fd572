// The stores the contract suite (src/main/library/store-contract.test.ts) runs against: how to
// open a fresh, empty one, and how to make one that a newer build wrote. A store that cannot run
// here says why, and its half of the suite is reported skipped with that reason.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Library } from '../../main/library'
import { openLibrary, SCHEMA_VERSION } from '../../main/library/sqlite'

export interface StoreHarness {
  name: string
  /** Why this store cannot be tested here; absent when it can. */
  unavailable?: string
  /** A new empty store; `dispose` removes whatever it left behind. */
  open(): Promise<Library>
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

/** Every store the contract suite runs against. */
export function storeHarnesses(): StoreHarness[] {
  return [sqliteHarness()]
}
