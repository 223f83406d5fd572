// Imports written by the import worker with a connection of its own to the library file, as the
// app and serve mode do: the request thread's connection writes nothing for them (structural, not
// timed: every statement it runs is watched), what the worker stores is indexed and whole, the
// duplicate check and cancel hold, and a worker stopped inside its transaction leaves nothing and
// holds no lock.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImportOutcome } from '../../shared/domain'
import type { ApiError } from '../../shared/errors'
import { dispatch, type Handlers } from '../api/dispatch'
import { createHandlers } from '../api/handlers'
import { openLibrary, type SqliteLibrary } from '../library/sqlite'
import type { AppWorkers } from './app-workers'
import { claimCancel, claimCommit, newCommitGate } from './commit-gate'
import { readParseAndStore } from './import-store'
import { generatedParagraphs } from '../../test-support/library/generate'
import { testCheckEngine, testWorkers } from '../../test-support/workers'

/** Some 3 MB of distinct paragraphs. */
function bigText(): string {
  const paragraphs: string[] = ['A very long text']
  for (let n = 0; paragraphs.length < 15_000; n++) paragraphs.push(...generatedParagraphs(n))
  return paragraphs.join('\n\n')
}
const BIG_BASE64 = Buffer.from(bigText()).toString('base64')
const smallBase64 = (title: string) =>
  Buffer.from(`${title}\n\nThe council met on Tuesday.`).toString('base64')

let dir: string
let path: string
let library: SqliteLibrary
let workers: AppWorkers
let handlers: Handlers
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-import-store-'))
  path = join(dir, 'library.sqlite')
  library = openLibrary(path, { answersRequests: true })
  workers = testWorkers(60_000)
  handlers = createHandlers({
    library,
    libraryPath: path,
    version: 'test',
    checkEngine: testCheckEngine(),
    parseImport: workers.parseImport,
    importFile: workers.importInto({ path })
  })
})
afterEach(async () => {
  vi.restoreAllMocks()
  await workers.close()
  await library.close()
  rmSync(dir, { recursive: true, force: true })
})

const call = (method: string, input: unknown) => dispatch(handlers, method, input, { transport: 'http' })
const importBytes = (name: string, base64: string, importId?: string) =>
  call('library.importFile', { name, source: { kind: 'bytes', base64 }, importId }) as Promise<ImportOutcome>
const settled = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error })
  )

/**
 * Every statement this thread's better-sqlite3 runs that may write (`run`, as opposed to the
 * readers' get/all/iterate), by its SQL. Worker threads load better-sqlite3 afresh, so what they
 * run is not seen here.
 */
function watchWritesInThisThread(): string[] {
  const probe = new Database(':memory:')
  const statementProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as {
    run: (...a: unknown[]) => unknown
  }
  probe.close()
  const written: string[] = []
  const run = statementProto.run
  vi.spyOn(statementProto, 'run').mockImplementation(function (this: { source: string }, ...args: unknown[]) {
    written.push(this.source)
    return run.apply(this, args)
  })
  return written
}

describe('library.importFile with the write in the import worker', () => {
  it('stores a big text without the request thread writing anything, indexed and whole', async () => {
    await importBytes('small.txt', smallBase64('Small text')) // the worker started
    const written = watchWritesInThisThread()
    const outcome = await importBytes('big.txt', BIG_BASE64)
    expect(written).toEqual([])
    expect(outcome).toMatchObject({ status: 'imported', title: 'A very long text' })
    if (outcome.status === 'rejected') throw new Error('not imported')
    // Searchable at once, and this thread found nothing left for it to index (a search writes
    // only its own scratch table for snippets, in memory).
    const hits = (await call('library.search', { query: '"Report 1000 part 0"' })) as { hits: unknown[] }
    expect(hits.hits).toHaveLength(1)
    expect(written.filter((sql) => /paragraphs_fts|titles_fts|fts_indexed/.test(sql))).toEqual([])
    expect((await library.get(outcome.id))?.paragraphs.length).toBeGreaterThan(14_000)
    expect(await library.integrityCheck()).toEqual({ ok: true, problems: [] })
  })

  it('stores the same text as an import written in this thread', async () => {
    const outcome = await importBytes('big.txt', BIG_BASE64)
    const here = openLibrary(':memory:')
    try {
      const stored = await here.importDocument({
        fileName: 'big.txt',
        ...(await (async () => {
          const parsed = await workers.parseImport({ name: 'big.txt', base64: BIG_BASE64 })
          if (!parsed.ok) throw new Error('not parsed')
          return { bytes: parsed.bytes, doc: parsed.doc }
        })()),
        role: 'source'
      })
      if (outcome.status === 'rejected') throw new Error('not imported')
      const { importedAt: _a, ...there } = (await library.get(outcome.id))!
      const { importedAt: _b, ...mine } = (await here.get(stored.id))!
      expect(there).toEqual(mine)
    } finally {
      await here.close()
    }
  })

  it('finds a duplicate in the library file, and a bad file does not stop the next', async () => {
    const first = await importBytes('a.txt', smallBase64('A text'))
    const again = await importBytes('a-copy.txt', smallBase64('A text'))
    const bad = await importBytes('bad.pdf', Buffer.from('not a pdf at all').toString('base64'))
    const next = await importBytes('b.txt', smallBase64('B text'))
    expect(first).toMatchObject({ status: 'imported' })
    expect(again).toEqual({ ...first, status: 'duplicate', name: 'a-copy.txt' })
    expect(bad).toMatchObject({ status: 'rejected', name: 'bad.pdf' })
    expect(next).toMatchObject({ status: 'imported', name: 'b.txt' })
    expect(await library.count()).toBe(2)
  })

  it('stops on library.cancelImport: the call fails CANCELLED and the library is as it was', async () => {
    await importBytes('small.txt', smallBase64('Small text'))
    const before = await library.list({ limit: 100, offset: 0 })
    const importing = settled(importBytes('big.txt', BIG_BASE64, 'big-1'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await call('library.cancelImport', { importId: 'big-1' })).toEqual({ cancelled: true })
    const { error } = (await importing) as { error?: unknown }
    expect((error as ApiError).code).toBe('CANCELLED')
    expect(await library.list({ limit: 100, offset: 0 })).toEqual(before)
    // The stopped worker holds no lock: this connection writes, and the next import is stored.
    expect(await library.addHouseName('Kakmikawa')).toMatchObject({ name: 'Kakmikawa' })
    expect(await importBytes('big.txt', BIG_BASE64)).toMatchObject({ status: 'imported' })
    expect(await library.integrityCheck()).toEqual({ ok: true, problems: [] })
  })
})

describe('the commit gate between a cancel and the worker’s commit', () => {
  it('lets whichever claims first decide, once', () => {
    const cancelledFirst = newCommitGate()
    expect(claimCancel(cancelledFirst)).toBe(true)
    expect(claimCommit(cancelledFirst)).toBe(false)
    const committedFirst = newCommitGate()
    expect(claimCommit(committedFirst)).toBe(true)
    expect(claimCancel(committedFirst)).toBe(false)
  })

  it('rolls back a text whose cancel came first, its index entries with it', async () => {
    const gate = newCommitGate()
    claimCancel(gate)
    const input = { name: 'a.txt', bytes: Buffer.from(`A text\n\n${generatedParagraphs(1).join('\n\n')}`) }
    const { error } = (await settled(
      readParseAndStore(input, { libraryFile: path, role: 'source', gate })
    )) as { error?: unknown }
    expect((error as ApiError).code).toBe('CANCELLED')
    expect(await library.count()).toBe(0)
    expect(await library.search('Report', 10)).toEqual([])
    const stored = await readParseAndStore(input, {
      libraryFile: path,
      role: 'source',
      gate: newCommitGate()
    })
    expect(stored).toMatchObject({ status: 'imported', name: 'a.txt' })
    expect(await library.search('"Report 1 part 0"', 10)).toHaveLength(1)
  })
})

describe('a worker stopped inside its write transaction', () => {
  it('leaves nothing of it and no lock behind', async () => {
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads')
       const Database = require('better-sqlite3')
       const db = new Database(workerData)
       db.exec('BEGIN IMMEDIATE')
       db.prepare("INSERT INTO house_names (name, note, added_at) VALUES ('Half', NULL, 'now')").run()
       parentPort.postMessage('holding the lock')
       for (;;) {}`,
      { eval: true, workerData: path }
    )
    await new Promise((resolve) => worker.once('message', resolve))
    const raw = new Database(path, { timeout: 0 })
    try {
      expect(() => raw.exec('BEGIN IMMEDIATE')).toThrow(/locked|busy/i)
      await worker.terminate()
      raw.exec('BEGIN IMMEDIATE')
      raw.exec('ROLLBACK')
    } finally {
      raw.close()
    }
    expect(await library.listHouseNames()).toEqual([])
  })
})
