// A desk backed up with pg_dump and restored into a fresh database reads the same through the
// store; databases of their own in the cluster FACTDESK_TEST_DATABASE_URL names (npm test starts one).
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { clusterUrl, databaseUrl, onCluster } from '../../../test-support/library/cluster'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addText, fillLibrary } from '../../../test-support/library/desk-content'
import { portable } from '../../../test-support/library/portable'
import { backupDesk, findPostgresTool, restoreDesk } from './backup'
import { openPostgresLibrary, SCHEMA_VERSION } from './index'

describe('a desk backup that fails', () => {
  it('leaves no file behind, and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factdesk-desk-backup-fail-'))
    try {
      // Port 1 on loopback: nothing listens there. Without pg_dump installed it fails earlier,
      // saying so, and leaves nothing either.
      const error = await backupDesk('postgres://x:secret@127.0.0.1:1/desk', join(dir, 'desk.dump')).catch(
        (e: unknown) => e as Error
      )
      expect(error).toBeInstanceOf(Error)
      const { message } = error as Error
      expect(message).toMatch(
        /^(pg_dump could not back up postgres:\/\/x@127\.0\.0\.1:1\/desk: .*Nothing was written\.|pg_dump is not installed)/s
      )
      expect(message).not.toContain('secret')
      expect(readdirSync(dir)).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('finding pg_dump', () => {
  it('names where it looked when the program is missing', () => {
    expect(() => findPostgresTool('pg_no_such_tool', { PATH: '' })).toThrow(
      /^pg_no_such_tool is not installed: it was looked for on PATH and in \/usr\/lib\/postgresql\/\*\/bin\./
    )
  })
})

const suite = clusterUrl ? describe : describe.skip
suite(
  `desk backup and restore${clusterUrl ? '' : ' (skipped: FACTDESK_TEST_DATABASE_URL is not set; npm test sets it)'}`,
  () => {
    const name = (which: string) => `factdesk_backup_${process.pid}_${which}`
    const databases = ['source', 'fresh', 'newer', 'newer_target'].map(name)
    const read = async (url: string) => {
      const library = await openPostgresLibrary(url)
      try {
        return {
          content: await portable(library),
          ids: (await library.list({ limit: 100, offset: 0 })).texts.map((t) => t.id)
        }
      } finally {
        await library.close()
      }
    }
    let dir: string

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'factdesk-desk-backup-'))
      for (const database of databases) await onCluster(`CREATE DATABASE ${database}`)
    })
    afterAll(async () => {
      for (const database of databases) await onCluster(`DROP DATABASE IF EXISTS ${database}`)
      rmSync(dir, { recursive: true, force: true })
    })

    it('restores into a fresh database the same texts, checks, decisions and history', async () => {
      const source = databaseUrl(name('source'))
      const library = await openPostgresLibrary(source)
      await fillLibrary(library)
      await library.close()
      const file = join(dir, 'desk.dump')
      const backup = await backupDesk(source, file)
      expect(backup.path).toBe(file)
      expect(backup.bytes).toBeGreaterThan(0)
      expect(readdirSync(dir)).toEqual(['desk.dump'])

      const fresh = databaseUrl(name('fresh'))
      expect(await restoreDesk(file, fresh)).toEqual({
        backupVersion: SCHEMA_VERSION,
        version: SCHEMA_VERSION
      })
      const restored = await read(fresh)
      expect(restored).toEqual(await read(source))
      expect((restored.content.checks[0] as { history: unknown[] }).history).toHaveLength(5)

      // Still a working desk: new rows get ids after the restored ones, and search finds them.
      const again = await openPostgresLibrary(fresh)
      try {
        const added = await addText(again, ['A text written after the restore, about the harbour.'])
        expect(added.status).toBe('imported')
        expect(Math.max(...restored.ids)).toBeLessThan(added.id)
        expect((await again.search('harbour', 5)).length).toBeGreaterThan(0)
      } finally {
        await again.close()
      }
    })

    it('does not restore into a database that holds a desk, nor replace a backup file without overwrite', async () => {
      const file = join(dir, 'desk.dump')
      const fresh = databaseUrl(name('fresh'))
      const before = await read(fresh)
      await expect(restoreDesk(file, fresh)).rejects.toThrow(/already holds a desk.*Nothing was changed\./)
      expect(await read(fresh)).toEqual(before)
      writeFileSync(join(dir, 'keep.dump'), 'keep me')
      await expect(backupDesk(fresh, join(dir, 'keep.dump'))).rejects.toThrow(/keep\.dump already exists/)
    })

    it('refuses a backup from a newer build before touching the database', async () => {
      const newer = databaseUrl(name('newer'))
      await (await openPostgresLibrary(newer)).close()
      const client = new pg.Client({ connectionString: newer })
      await client.connect()
      await client.query('UPDATE schema_version SET version = $1', [SCHEMA_VERSION + 1])
      await client.end()
      const file = join(dir, 'newer.dump')
      await backupDesk(newer, file)
      const target = databaseUrl(name('newer_target'))
      await expect(restoreDesk(file, target)).rejects.toMatchObject({ code: 'LIBRARY_TOO_NEW' })
      const check = new pg.Client({ connectionString: target })
      await check.connect()
      const { rows } = await check.query(`SELECT to_regclass('texts') AS texts`)
      await check.end()
      expect(rows[0].texts).toBeNull()
      expect(existsSync(file)).toBe(true)
    })
  }
)
