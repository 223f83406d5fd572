import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { alignParagraphs } from '../core/diff/align-paragraphs'
import { openLibrary } from '../library/sqlite'
import type { Library } from '../library'
import { bytesOf, makeDoc } from '../../test-support/library/docs'
import { testWorkers } from '../../test-support/workers'
import { alignInThread, DocumentCompare, type DocumentAligner } from './document-compare'

const before = [
  'The council met on Tuesday.',
  'It voted to build a flood barrier across the river mouth.',
  'The barrier will cost 40 million euros.',
  'Work starts next spring.',
  'Residents were not consulted.'
]
const after = [
  'The council met on Tuesday.',
  'It voted to build a movable flood barrier across the river mouth.',
  'Work starts next spring.',
  'The barrier will cost 40 million euros.',
  'The mayor called it a historic day.'
]

let library: Library
let leftId: number
let rightId: number

async function add(paragraphs: string[]): Promise<number> {
  const doc = makeDoc(paragraphs)
  return (
    await library.importDocument({ fileName: 'x.txt', bytes: bytesOf(doc.cleanedText), doc, role: 'source' })
  ).id
}

beforeEach(async () => {
  library = openLibrary(':memory:')
  leftId = await add(before)
  rightId = await add(after)
})
afterEach(() => library.close())

describe('the document diff, a page at a time', () => {
  it('pages the alignment of both texts, each row with its paragraphs, and counts every kind', async () => {
    const compare = new DocumentCompare(library, alignInThread)
    const expected = alignParagraphs(before, after)
    const first = await compare.page(leftId, rightId, 0, 2)
    const rest = await compare.page(leftId, rightId, 2, 100)
    expect(first.total).toBe(expected.length)
    expect([...first.rows, ...rest.rows]).toEqual(
      expected.map((row) => ({
        kind: row.kind,
        left: 'left' in row ? { index: row.left, text: before[row.left] } : null,
        right: 'right' in row ? { index: row.right, text: after[row.right] } : null,
        similarity: 'similarity' in row ? expect.closeTo(row.similarity, 6) : null
      }))
    )
    const count = (kind: string) => expected.filter((r) => r.kind === kind).length
    expect(first.summary).toEqual({
      same: count('same'),
      changed: count('changed'),
      moved: count('moved'),
      added: count('added'),
      removed: count('removed')
    })
    expect(first.summary.changed + first.summary.moved).toBeGreaterThan(0)
    expect([first.left.id, first.right.id, rest.offset]).toEqual([leftId, rightId, 2])
    expect((await compare.page(leftId, rightId, expected.length, 10)).rows).toEqual([])
  })

  it('aligns a pair once, whatever the pages asked', async () => {
    let aligned = 0
    const counting: DocumentAligner = (job) => {
      aligned++
      return alignInThread(job)
    }
    const compare = new DocumentCompare(library, counting)
    await Promise.all([compare.page(leftId, rightId, 0, 2), compare.page(leftId, rightId, 2, 2)])
    await compare.page(leftId, rightId, 4, 2)
    expect(aligned).toBe(1)
    await compare.page(rightId, leftId, 0, 2)
    expect(aligned).toBe(2)
  })

  it('answers NOT_FOUND for a text the library does not have', async () => {
    const compare = new DocumentCompare(library, alignInThread)
    await expect(compare.page(leftId, 9999, 0, 10)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('aligns in the worker thread as it does here', async () => {
    const workers = testWorkers()
    try {
      const inWorker = await new DocumentCompare(library, workers.alignDocuments).page(
        leftId,
        rightId,
        0,
        100
      )
      expect(inWorker).toEqual(
        await new DocumentCompare(library, alignInThread).page(leftId, rightId, 0, 100)
      )
    } finally {
      await workers.close()
    }
  })
})
