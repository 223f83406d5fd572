// factdesk backup / restore --database: a desk through pg_dump and pg_restore, from the command
// line, in databases of their own in the cluster FACTDESK_TEST_DATABASE_URL names.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { clusterUrl, databaseUrl, onCluster } from '../../../test-support/library/cluster'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fillLibrary } from '../../../test-support/library/desk-content'
import { openPostgresLibrary } from '../../library/postgres'
import { main } from '../index'

let out: string[]
let err: string[]
const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }
beforeEach(() => {
  out = []
  err = []
})

describe('factdesk backup / restore, usage', () => {
  it.each([
    [['backup', '--library', 'l.sqlite', '--database', 'postgres://x@h/d', '--out', 'b'], /not both/],
    [['restore', 'b.dump', '--library', 'l.sqlite', '--database', 'postgres://x@h/d'], /not both/]
  ])('exits 2 for %j', async (args, message) => {
    expect(await main(args, io)).toBe(2)
    expect(err.join('\n')).toMatch(message)
  })

  it('says plainly that the backup is not there, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factdesk-cli-desk-restore-'))
    try {
      const dump = join(dir, 'x.dump')
      const result = await main(['restore', dump, '--database', 'postgres://x@127.0.0.1:1/d'], io)
      expect(result).toBe(1)
      expect(err.join('\n')).toBe(`NOT_FOUND: There is no backup ${dump}.`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

const suite = clusterUrl ? describe : describe.skip
suite(
  `factdesk backup / restore --database${clusterUrl ? '' : ' (skipped: FACTDESK_TEST_DATABASE_URL is not set; npm test sets it)'}`,
  () => {
    const names = ['source', 'target'].map((w) => `factdesk_cli_backup_${process.pid}_${w}`)
    let dir: string
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'factdesk-cli-desk-backup-'))
      for (const name of names) await onCluster(`CREATE DATABASE ${name}`)
    })
    afterAll(async () => {
      for (const name of names) await onCluster(`DROP DATABASE IF EXISTS ${name}`)
      rmSync(dir, { recursive: true, force: true })
    })

    it('backs a desk up and restores it into an empty database, but not over a desk', async () => {
      const [source, target] = names.map(databaseUrl) as [string, string]
      const library = await openPostgresLibrary(source)
      await fillLibrary(library)
      await library.close()
      const dump = join(dir, 'desk.dump')
      expect(await main(['backup', '--database', source, '--out', dump], io)).toBe(0)
      expect(out).toEqual([
        expect.stringMatching(
          /^Backed up postgres:\/\/.+_source to .*desk\.dump \([\d,]+ bytes, .*pg_dump\)$/
        )
      ])
      expect(await main(['restore', dump, '--database', target], io)).toBe(0)
      expect(out[1]).toMatch(/^Restored desk\.dump into postgres:\/\/.+_target\.$/)
      const restored = await openPostgresLibrary(target)
      expect(await restored.count()).toBe(3)
      expect((await restored.checks.list())[0]!.decided).toBe(1)
      await restored.close()

      expect(await main(['restore', dump, '--database', target], io)).toBe(1)
      expect(err.join('\n')).toMatch(/^CONFLICT: .*already holds a desk/)

      err = []
      expect(await main(['restore', dump, '--database', 'postgres://x:secret@127.0.0.1:1/d'], io)).toBe(1)
      expect(err.join('\n')).toMatch(/^DATABASE_UNAVAILABLE: Cannot open postgres:\/\/x@127\.0\.0\.1:1\/d: /)
    })
  }
)
