import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../library/sqlite'
import { main } from '../index'
import { runBackup } from './backup'
import { runRestore } from './restore'

let dir: string
let lib: string
let out: string[]
let err: string[]
const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-cli-backup-'))
  lib = join(dir, 'lib.sqlite')
  const library = openLibrary(lib)
  await library.addHouseName('Yoko Kamikawa')
  await library.close()
  out = []
  err = []
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const houseNames = async (path: string): Promise<string[]> => {
  const library = openLibrary(path)
  const names = (await library.listHouseNames()).map((n) => n.name)
  await library.close()
  return names
}

describe('factdesk backup', () => {
  it('writes the backup and says where, exit 0', async () => {
    const backup = join(dir, 'backup.sqlite')
    expect(await main(['backup', '--library', lib, '--out', backup], io)).toBe(0)
    expect(out).toEqual([
      expect.stringMatching(/^Backed up lib\.sqlite to .*backup\.sqlite \([\d,]+ bytes\)$/)
    ])
    expect(await houseNames(backup)).toEqual(['Yoko Kamikawa'])
  })

  it('refuses to replace an existing file without --force, exit 1', async () => {
    const backup = join(dir, 'backup.sqlite')
    writeFileSync(backup, 'keep me')
    expect(await runBackup(['--library', lib, '--out', backup], io)).toBe(1)
    expect(err[0]).toMatch(/^CONFLICT: backup\.sqlite already exists\./)
    expect(readFileSync(backup, 'utf8')).toBe('keep me')
    expect(await runBackup(['--library', lib, '--out', backup, '--force'], io)).toBe(0)
    expect(readFileSync(backup).subarray(0, 15).toString()).toBe('SQLite format 3')
  })

  it('does not create a library that is not there, exit 1', async () => {
    const missing = join(dir, 'missing.sqlite')
    expect(await runBackup(['--library', missing, '--out', join(dir, 'b.sqlite')], io)).toBe(1)
    expect(err[0]).toBe(`NOT_FOUND: There is no library ${missing}.`)
    expect(existsSync(missing)).toBe(false)
  })

  it.each([
    [['--out', 'b.sqlite'], /needs --library FILE/],
    [['--library', 'l.sqlite'], /needs --out FILE/],
    [['--library', 'l.sqlite', '--out', 'b.sqlite', 'extra'], /Unexpected argument “extra”/],
    [['--library', 'l.sqlite', '--out', 'b.sqlite', '--bogus'], /Unknown option '--bogus'/]
  ])('exits 2 with usage for %j', async (args, message) => {
    expect(await runBackup(args, io)).toBe(2)
    expect(err.join('\n')).toMatch(message)
    expect(err.join('\n')).toContain('Usage: factdesk backup')
  })
})

describe('factdesk restore', () => {
  beforeEach(async () => {
    expect(await runBackup(['--library', lib, '--out', join(dir, 'backup.sqlite')], io)).toBe(0)
    out = []
    const later = openLibrary(lib)
    await later.addHouseName('Andrii Sybiha')
    await later.close()
  })

  it('restores the backup and names where the replaced library is kept, exit 0', async () => {
    expect(await main(['restore', join(dir, 'backup.sqlite'), '--library', lib], io)).toBe(0)
    expect(out[0]).toBe(`Restored backup.sqlite as ${lib}.`)
    expect(out[1]).toMatch(/^The library it replaced is kept as .*lib\.before-restore-\d{8}-\d{6}\.sqlite\.$/)
    expect(await houseNames(lib)).toEqual(['Yoko Kamikawa'])
    const kept = readdirSync(dir).find((name) => name.includes('.before-restore-'))!
    expect((await houseNames(join(dir, kept))).sort()).toEqual(['Andrii Sybiha', 'Yoko Kamikawa'])
  })

  it('refuses a file that is not a library and leaves the library as it was, exit 1', async () => {
    const notes = join(dir, 'notes.txt')
    writeFileSync(notes, 'Minutes of the editorial meeting.\n'.repeat(100))
    const before = readFileSync(lib)
    expect(await runRestore([notes, '--library', lib], io)).toBe(1)
    expect(err[0]).toBe(
      'BAD_REQUEST: notes.txt is not a Factdesk library backup: it is not an SQLite database. Your library has not been changed.'
    )
    expect(readFileSync(lib).equals(before)).toBe(true)
  })

  it('prints its usage with --help, exit 0', async () => {
    expect(await main(['restore', '--help'], io)).toBe(0)
    expect(out[0]).toMatch(/^Usage: factdesk restore BACKUP --library FILE/)
  })

  it.each([
    [['backup.sqlite'], /needs --library FILE/],
    [['--library', 'l.sqlite'], /Name one backup file/],
    [['a.sqlite', 'b.sqlite', '--library', 'l.sqlite'], /Name one backup file/],
    [['a.sqlite', '--library', 'l.sqlite', '--bogus'], /Unknown option '--bogus'/]
  ])('exits 2 with usage for %j', async (args, message) => {
    expect(await runRestore(args, io)).toBe(2)
    expect(err.join('\n')).toMatch(message)
    expect(err.join('\n')).toContain('Usage: factdesk restore')
  })
})
