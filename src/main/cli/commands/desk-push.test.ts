// factdesk desk push from the command line: the refusals need no database; the push itself runs
// in a database of its own in the cluster FACTDESK_TEST_DATABASE_URL names (npm test starts one).
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { clusterUrl, databaseUrl, onCluster } from '../../../test-support/library/cluster'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { bytesOf, makeDoc } from '../../../test-support/library/docs'
import { openLibrary } from '../../library/sqlite'
import { main } from '../index'
import { describePush } from './desk-push'

let dir: string
let lib: string
let out: string[]
let err: string[]
const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-cli-desk-'))
  lib = join(dir, 'mine.sqlite')
  const library = openLibrary(lib)
  for (const words of ['Iwaya arrived in Kyiv on Saturday.', 'Sybiha met him at the station.']) {
    const doc = makeDoc([words])
    await library.importDocument({ fileName: 'a.txt', bytes: bytesOf(words), doc, role: 'source' })
  }
  await library.addHouseName('Takeshi Iwaya')
  await library.close()
  out = []
  err = []
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('factdesk desk push, refused', () => {
  it('says plainly that the library is not there, creating none, exit 1', async () => {
    const missing = join(dir, 'missing.sqlite')
    expect(
      await main(['desk', 'push', '--library', missing, '--database', 'postgres://x@127.0.0.1:1/d'], io)
    ).toBe(1)
    expect(err).toEqual([`NOT_FOUND: There is no library ${missing}.`])
    expect(existsSync(missing)).toBe(false)
  })

  it('says plainly that the database cannot be reached, without its password, exit 1', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const url = 'postgres://editor:secret@127.0.0.1:1/desk'
    expect(await main(['desk', 'push', '--library', lib, '--database', url], io)).toBe(1)
    expect(err.join('\n')).toMatch(
      /^DATABASE_UNAVAILABLE: Cannot open postgres:\/\/editor@127\.0\.0\.1:1\/desk: /
    )
    expect(err.join('\n')).not.toContain('secret')
    expect(out).toEqual([])
  })

  it.each([
    [['push', '--database', 'postgres://x@h/d'], /needs --library FILE/],
    [
      ['--library', 'l.sqlite'],
      /Name the action first: add-member, list-members, disable-member, enable-member, set-password or push/
    ],
    [['pull', '--library', 'l.sqlite'], /Unknown desk action “pull”/],
    [['push', 'extra', '--library', 'l.sqlite'], /Unexpected argument “extra”/]
  ])('exits 2 with usage for %j', async (args, message) => {
    const saved = process.env['FACTDESK_DATABASE_URL']
    delete process.env['FACTDESK_DATABASE_URL']
    try {
      expect(await main(['desk', ...args], io)).toBe(2)
    } finally {
      if (saved !== undefined) process.env['FACTDESK_DATABASE_URL'] = saved
    }
    expect(err.join('\n')).toMatch(message)
    expect(err.join('\n')).toContain('Usage: factdesk desk push')
  })
})

const suite = clusterUrl ? describe : describe.skip
suite(
  `factdesk desk push${clusterUrl ? '' : ' (skipped: FACTDESK_TEST_DATABASE_URL is not set; npm test sets it)'}`,
  () => {
    const database = `factdesk_desk_cli_${process.pid}`
    const deskUrl = (): string => databaseUrl(database)
    beforeAll(() => onCluster(`CREATE DATABASE ${database}`))
    afterAll(() => onCluster(`DROP DATABASE IF EXISTS ${database}`))

    it('prints what it pushed, and the second time that everything was already there, exit 0', async () => {
      expect(await main(['desk', 'push', '--library', lib, '--database', deskUrl()], io)).toBe(0)
      expect(err).toEqual([])
      expect(out.join('\n')).toBe(
        [
          `Pushed mine.sqlite to ${deskUrl()}:`,
          '  texts: 2 new, 0 already there',
          '  checks: 0 new, 0 already there',
          '  decisions: 0',
          '  history entries: 0',
          '  editor claims: 0',
          '  review steps: 0',
          '  house names: 1 new, 0 already there'
        ].join('\n')
      )
      out = []
      expect(await main(['desk', 'push', '--library', lib, '--database', deskUrl()], io)).toBe(0)
      expect(out.join('\n')).toContain('texts: 0 new, 2 already there')
      expect(out.join('\n')).toContain('house names: 0 new, 1 already there')
    })

    it('says the push failed and nothing was written when the desk refuses a row, exit 1', async () => {
      const raw = new Database(lib)
      raw.prepare(`UPDATE house_names SET note = 'a' || char(0)`).run()
      raw.close()
      expect(await main(['desk', 'push', '--library', lib, '--database', deskUrl()], io)).toBe(1)
      expect(err.join('\n')).toMatch(
        /^PUSH_FAILED: .* refused the push: .*Nothing was pushed; the desk is as it was\.$/
      )
    })
  }
)

describe('the push summary', () => {
  it('says when checks already on the desk were decided here since: those decisions are not pushed', () => {
    const summary = {
      texts: { added: 0, existing: 4 },
      checks: { added: 0, existing: 2, changedHere: 1 },
      decisions: 0,
      historyEntries: 0,
      editorClaims: 0,
      reviewSteps: 0,
      houseNames: { added: 0, existing: 0 }
    }
    expect(describePush('mine.sqlite', 'the desk', summary).split('\n')[2]).toBe(
      '  checks: 0 new, 2 already there (1 decided here since: those decisions are not pushed; make them on the desk)'
    )
  })
})
