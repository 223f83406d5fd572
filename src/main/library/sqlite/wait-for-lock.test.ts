// The request thread's connection (answersRequests) waits for another connection's write lock on
// timers, not asleep inside SQLite: the call stays pending while the thread goes on, and succeeds
// once the lock is let go.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from './index'
import { retryWhileBusy } from './wait-for-lock'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-wait-for-lock-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const nextTurns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}

describe('a library opened to answer requests', () => {
  it('keeps a write pending while another connection writes, answering others, and makes it after', async () => {
    const path = join(dir, 'library.sqlite')
    const library = openLibrary(path, { answersRequests: true })
    const other = new Database(path)
    try {
      other.exec('BEGIN IMMEDIATE')
      let settled = false
      const adding = library.addHouseName('Kakmikawa').finally(() => (settled = true))
      const prefs = library.preferences.set({ newsroom: 'Coast Daily' })
      // Reads go on meanwhile (WAL), and the thread turns: the write is neither done nor failed.
      expect(await library.count()).toBe(0)
      await nextTurns(5)
      expect(settled).toBe(false)
      other.exec('COMMIT')
      expect(await adding).toMatchObject({ name: 'Kakmikawa' })
      expect((await prefs).newsroom).toBe('Coast Daily')
      expect((await library.listHouseNames()).map((n) => n.name)).toEqual(['Kakmikawa'])
    } finally {
      other.close()
      await library.close()
    }
  })
})

describe('retryWhileBusy', () => {
  const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })

  it('gives up with the busy error once its patience is spent', async () => {
    let attempts = 0
    const attempt = () => {
      attempts++
      return Promise.reject(busy())
    }
    await expect(retryWhileBusy(attempt, 30)).rejects.toMatchObject({ code: 'SQLITE_BUSY' })
    expect(attempts).toBeGreaterThan(1)
  })

  it('never retries another error', async () => {
    let attempts = 0
    const attempt = () => {
      attempts++
      return Promise.reject(Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT' }))
    }
    await expect(retryWhileBusy(attempt, 1000)).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT' })
    expect(attempts).toBe(1)
  })
})
