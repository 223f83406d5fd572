// Importing through the API with the parse in a worker thread, as the app and serve mode do: other
// calls are answered while a big text is parsed, Cancel stops it mid-parse and leaves the library
// as it was, and a worker that dies gives the file the same kind of outcome as any unreadable file.
import { Worker } from 'node:worker_threads'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importOutcomeSchema, type ImportOutcome } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import { dispatch, type Handlers } from '../api/dispatch'
import { openLibrary, type SqliteLibrary as Library } from '../library/sqlite'
import type { AppWorkers } from './app-workers'
import { workerDocumentParser, type ImportWorkers } from './import-parser'
import { importFiles } from './importer'
import { WorkerPool } from './worker-pool'
import { generatedParagraphs } from '../../test-support/library/generate'
import { testWorkers } from '../../test-support/workers'
import { libraryHandlers } from '../../test-support/api-handlers'

/** Some 3 MB of distinct paragraphs: a parse that takes a while even on a fast machine. */
function bigText(): string {
  const paragraphs: string[] = ['A very long text']
  for (let n = 0; paragraphs.length < 15_000; n++) paragraphs.push(...generatedParagraphs(n))
  return paragraphs.join('\n\n')
}
const BIG_BASE64 = Buffer.from(bigText()).toString('base64')

let library: Library
let workers: AppWorkers
let handlers: Handlers
beforeEach(() => {
  library = openLibrary(':memory:')
  workers = testWorkers(60_000)
  handlers = libraryHandlers(library, {
    parseImport: workers.parseImport
  })
})
afterEach(async () => {
  await workers.close()
  await library.close()
})

const call = (method: string, input: unknown) => dispatch(handlers, method, input, { transport: 'http' })
const importBig = (importId?: string) =>
  call('library.importFile', { name: 'big.txt', source: { kind: 'bytes', base64: BIG_BASE64 }, importId })
const settled = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error })
  )

describe('library.importFile with the parse in a worker thread', () => {
  it('answers app.info sent after the import started before the import is done', async () => {
    const answered: string[] = []
    const importing = importBig().then((outcome) => {
      answered.push('library.importFile')
      return outcome as ImportOutcome
    })
    // A macrotask later: a parse holding this thread would have finished (and answered) first.
    await new Promise((resolve) => setTimeout(resolve, 0))
    await call('app.info', {})
    answered.push('app.info')
    const outcome = await importing
    expect(answered).toEqual(['app.info', 'library.importFile'])
    expect(outcome).toMatchObject({ status: 'imported', title: 'A very long text' })
    expect(await library.count()).toBe(1)
  })

  it('stores the same text as a parse in this thread', async () => {
    const outcome = (await importBig()) as ImportOutcome
    const inThread = openLibrary(':memory:')
    try {
      const [here] = await importFiles(inThread, [
        { name: 'big.txt', bytes: Buffer.from(BIG_BASE64, 'base64') }
      ])
      if (outcome.status === 'rejected' || here?.status !== 'imported') throw new Error('not imported')
      const { importedAt: _a, ...there } = (await library.get(outcome.id))!
      const { importedAt: _b, ...mine } = (await inThread.get(here.id))!
      expect(there).toEqual(mine)
    } finally {
      await inThread.close()
    }
  })

  it('stops mid-parse on library.cancelImport: the call fails CANCELLED and the library is as it was', async () => {
    await call('library.importFile', {
      name: 'small.txt',
      source: {
        kind: 'bytes',
        base64: Buffer.from('Small text\n\nThe council met on Tuesday.').toString('base64')
      }
    })
    const before = await library.list({ limit: 100, offset: 0 })
    expect(workers.pools.import.starts).toBe(1)
    const importing = settled(importBig('big-1'))
    // The job is with the worker once dispatch has handed it over; give the parse a moment to start.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const { cancelled } = (await call('library.cancelImport', { importId: 'big-1' })) as {
      cancelled: boolean
    }
    expect(cancelled).toBe(true)
    const { error } = (await importing) as { error?: unknown }
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('CANCELLED')
    expect(await library.list({ limit: 100, offset: 0 })).toEqual(before)
    expect(await library.integrityCheck()).toEqual({ ok: true, problems: [] })
    // The cancelled parse took its thread with it; the next import gets a new one, and works.
    expect(await importBig()).toMatchObject({ status: 'imported' })
    expect(workers.pools.import.starts).toBe(2)
  })

  it('refuses an import whose cancel overtook it (a big upload still on its way), storing nothing', async () => {
    expect(await call('library.cancelImport', { importId: 'big-2' })).toEqual({ cancelled: false })
    const { error } = (await settled(importBig('big-2'))) as { error?: unknown }
    expect((error as ApiError).code).toBe('CANCELLED')
    expect(await library.count()).toBe(0)
    expect(workers.pools.import.starts).toBe(0)
  })
})

describe('an import whose worker thread dies', () => {
  it('is rejected like any file that could not be read, and the next file is imported', async () => {
    const dying: ImportWorkers = new WorkerPool(() => new Worker('process.exit(3)', { eval: true }))
    const outcomes = await importFiles(
      library,
      [
        { name: 'a.txt', bytes: new TextEncoder().encode('A text\n\nThe mayor spoke.') },
        { name: 'b.txt', bytes: new TextEncoder().encode('B text\n\nThe council voted.') }
      ],
      { parse: workerDocumentParser(dying) }
    )
    expect(outcomes).toEqual([
      {
        status: 'rejected',
        name: 'a.txt',
        code: 'IMPORT_UNREADABLE',
        message:
          'a.txt could not be imported: something went wrong (the worker thread stopped (exit code 3) before it finished).'
      },
      expect.objectContaining({ name: 'b.txt', status: 'rejected', code: 'IMPORT_UNREADABLE' })
    ])
    for (const outcome of outcomes) expect(importOutcomeSchema.parse(outcome)).toEqual(outcome)
    expect(await library.count()).toBe(0)
    expect(dying.starts).toBe(2)
  })
})
