import { mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImportOutcome } from '../../shared/domain'
import { MAX_IMPORT_BYTES } from '../core/import'
import type { Library } from '../library'
import { openLibrary } from '../library/sqlite'
import { importFiles, seedDemoLibrary } from './importer'

// Spy on readFile so a test can prove an oversized file is refused without being read.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsp>()
  return { ...actual, readFile: vi.fn(actual.readFile) }
})

const SAMPLES = resolve(__dirname, '../../../resources/samples')
const article = (n: number): string =>
  `Article number ${n} headline\n\nThe foreign minister visited the capital on day ${n} and met officials.\n\n` +
  `A second paragraph with more detail about visit ${n}, the talks and the agreements signed.\n`

let dir: string
let library: Library
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-import-'))
  library = openLibrary(':memory:')
})
afterEach(async () => {
  await library.close()
  rmSync(dir, { recursive: true, force: true })
  vi.mocked(fsp.readFile).mockClear()
})

function file(name: string, content: string | Uint8Array): { name: string; path: string } {
  const path = join(dir, name)
  writeFileSync(path, content)
  return { name, path }
}

describe('importFiles', () => {
  it('imports, reports duplicates, and rejects bad files without stopping the batch', async () => {
    const progress: Array<[number, number, string]> = []
    const outcomes = await importFiles(
      library,
      [
        file('one.txt', article(1)),
        file('empty.txt', ''),
        { name: 'missing.txt', path: join(dir, 'missing.txt') },
        file('again.txt', article(1)),
        { name: 'sent.txt', bytes: new TextEncoder().encode(article(2)) }
      ],
      { role: 'story', onProgress: (done, total, o) => progress.push([done, total, o.status]) }
    )
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['one.txt', 'imported'],
      ['empty.txt', 'rejected'],
      ['missing.txt', 'rejected'],
      ['again.txt', 'duplicate'],
      ['sent.txt', 'imported']
    ])
    const [one, empty, missing, again] = outcomes as [
      ImportOutcome,
      ImportOutcome,
      ImportOutcome,
      ImportOutcome
    ]
    expect(empty).toMatchObject({ code: 'IMPORT_EMPTY' })
    expect(missing).toMatchObject({
      code: 'IMPORT_UNREADABLE',
      message: expect.stringMatching(/^missing\.txt .*does not exist/)
    })
    expect(again.status === 'duplicate' && one.status === 'imported' && again.id === one.id).toBe(true)
    expect(progress).toEqual([
      [1, 5, 'imported'],
      [2, 5, 'rejected'],
      [3, 5, 'rejected'],
      [4, 5, 'duplicate'],
      [5, 5, 'imported']
    ])
    expect(await library.count()).toBe(2)
    expect((await library.list({ limit: 10, offset: 0 })).texts.every((t) => t.role === 'story')).toBe(true)
    // The spy the size test relies on does see the importer's reads.
    expect(vi.mocked(fsp.readFile)).toHaveBeenCalledWith(join(dir, 'one.txt'))
  })

  it('refuses a file over the size limit without reading it', async () => {
    const big = join(dir, 'huge.txt')
    writeFileSync(big, '')
    truncateSync(big, MAX_IMPORT_BYTES + 1) // sparse: large on paper, nothing on disk
    const [outcome] = await importFiles(library, [{ name: 'huge.txt', path: big }])
    expect(outcome).toMatchObject({
      status: 'rejected',
      code: 'IMPORT_TOO_LARGE',
      message: 'huge.txt is 50.1 MB; the limit is 50 MB.'
    })
    expect(vi.mocked(fsp.readFile)).not.toHaveBeenCalled()
  })

  it('turns an error thrown while storing into a rejection of that file only', async () => {
    const broken = {
      ...library,
      importDocument: () => {
        throw new Error('disk I/O error')
      }
    } as Library
    const outcomes = await importFiles(broken, [file('a.txt', article(3))])
    expect(outcomes).toEqual([
      {
        status: 'rejected',
        name: 'a.txt',
        code: 'IMPORT_UNREADABLE',
        message: 'a.txt could not be imported: something went wrong (disk I/O error).'
      }
    ])
  })

  it('rejects a folder given as a file', async () => {
    const [outcome] = await importFiles(library, [{ name: 'x', path: dir }])
    expect(outcome).toMatchObject({
      status: 'rejected',
      code: 'IMPORT_UNREADABLE',
      message: 'x could not be imported: it is a folder.'
    })
  })

  it('stops before the next file when cancelled, keeping what was done', async () => {
    const controller = new AbortController()
    const inputs = [1, 2, 3, 4].map((n) => file(`${n}.txt`, article(n)))
    const outcomes = await importFiles(library, inputs, {
      signal: controller.signal,
      onProgress: (done) => done === 2 && controller.abort()
    })
    expect(outcomes).toHaveLength(2)
    expect(await library.count()).toBe(2)
  })
})

describe('seedDemoLibrary', () => {
  it('fills an empty library with the samples, the story marked as the story', async () => {
    const outcomes = await seedDemoLibrary(library, SAMPLES)
    expect(outcomes.map((o) => o.status)).toEqual([
      'imported',
      'imported',
      'imported',
      'imported',
      'imported'
    ])
    expect(outcomes.map((o) => o.name).sort()).toEqual(readdirSync(join(SAMPLES, 'iwaya-kyiv-2024')).sort())
    const stories = (await library.list({ role: 'story', limit: 10, offset: 0 })).texts
    expect(stories.map((t) => t.fileName)).toEqual(['000_e88434a1b6eaaa2a.txt'])
    expect((await library.list({ role: 'source', limit: 10, offset: 0 })).total).toBe(4)
  })

  it('leaves a library that has texts alone, and does nothing without samples', async () => {
    await importFiles(library, [file('mine.txt', article(9))])
    expect(await seedDemoLibrary(library, SAMPLES)).toEqual([])
    expect(await library.count()).toBe(1)
    const empty = openLibrary(':memory:')
    expect(await seedDemoLibrary(empty, dir)).toEqual([])
    await empty.close()
  })
})
