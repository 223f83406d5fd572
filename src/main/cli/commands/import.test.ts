import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importOutcomeSchema } from '../../../shared/domain'
import { openLibrary } from '../../library/sqlite'
import { runImport } from './import'

const SAMPLES = resolve(__dirname, '../../../../resources/samples/iwaya-kyiv-2024')

let dir: string
let out: string[]
let err: string[]
const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-cli-import-'))
  out = []
  err = []
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('factdesk import', () => {
  it('imports a folder, one line per file and a summary, exit 0', async () => {
    const lib = join(dir, 'lib.sqlite')
    expect(await runImport([SAMPLES, '--library', lib], io)).toBe(0)
    expect(out).toHaveLength(6)
    expect(out.slice(0, 5).every((line) => line.startsWith('imported   '))).toBe(true)
    expect(out[0]).toContain('000_e88434a1b6eaaa2a.txt')
    expect(out[5]).toBe('5 imported, 0 duplicate, 0 rejected')
    const library = openLibrary(lib)
    expect((await library.list({ role: 'source', limit: 10, offset: 0 })).total).toBe(5)
    await library.close()
  })

  it('reports duplicates and rejections, and exits 1 when a file was rejected', async () => {
    const lib = join(dir, 'lib.sqlite')
    const story = join(SAMPLES, '000_e88434a1b6eaaa2a.txt')
    const copy = join(dir, 'copy.txt')
    copyFileSync(story, copy)
    const empty = join(dir, 'empty.txt')
    writeFileSync(empty, '')
    expect(await runImport(['--role', 'story', story, copy, empty, '--library', lib], io)).toBe(1)
    expect(out[0]).toMatch(/^imported {3}000_e88434a1b6eaaa2a\.txt → #1/)
    expect(out[1]).toMatch(/^duplicate {2}copy\.txt → same text as #1/)
    expect(out[2]).toMatch(/^rejected {3}empty\.txt: \S/)
    expect(out[3]).toBe('1 imported, 1 duplicate, 1 rejected')
    const db = new Database(lib, { readonly: true })
    expect(db.prepare("SELECT count(*) AS n FROM texts WHERE role = 'story'").get()).toEqual({ n: 1 })
    db.close()
  })

  it('prints the outcomes as JSON with --json', async () => {
    const lib = join(dir, 'lib.sqlite')
    expect(await runImport([SAMPLES, '--library', lib, '--json'], io)).toBe(0)
    expect(out).toHaveLength(1)
    const outcomes = JSON.parse(out[0]!) as unknown[]
    expect(outcomes).toHaveLength(5)
    for (const outcome of outcomes) expect(importOutcomeSchema.parse(outcome).status).toBe('imported')
  })

  it.each([
    [['x.txt'], /needs --library/],
    [['--library', 'l.sqlite'], /at least one file/],
    [['x.txt', '--library', 'l.sqlite', '--role', 'editor'], /--role must be story or source/],
    [['x.txt', '--library', 'l.sqlite', '--bogus'], /Unknown option '--bogus'/]
  ])('exits 2 with usage for %j', async (args, message) => {
    expect(await runImport(args, io)).toBe(2)
    expect(err.join('\n')).toMatch(message)
    expect(err.join('\n')).toContain('Usage: factdesk import')
  })

  it('exits 1 when a folder holds nothing to import', async () => {
    expect(await runImport([dir, '--library', join(dir, 'lib.sqlite')], io)).toBe(1)
    expect(err[0]).toMatch(/No files to import/)
  })
})
