// The document diff of two texts of any size, a page of aligned rows at a time. Both texts'
// paragraphs are aligned once per pair, in a worker (alignParagraphs over two 50 MB texts is
// seconds of work), and kept; each page then reads only the paragraphs its rows show. The
// renderer asks for what is on screen instead of both texts whole.
import { alignPacked, FIELDS, KINDS, SCALE } from '../core/diff/packed-rows'
import { ApiError } from '../../shared/errors'
import type { ComparePage, CompareSummary } from '../../shared/contract'
import type { AlignJob } from '../core/diff/packed-rows'
import type { Library } from '../library'
import { WorkerJobFailed, type WorkerPool } from './worker-pool'

/** Aligns two lists of paragraphs; rows packed as packRows writes them. */
export type DocumentAligner = (job: AlignJob) => Promise<Int32Array>

export type CompareWorkers = WorkerPool<AlignJob, Int32Array>

export const alignInThread: DocumentAligner = (job) => Promise.resolve(alignPacked(job))

export function workerDocumentAligner(pool: CompareWorkers): DocumentAligner {
  return (job) =>
    pool.run(job).catch((error: unknown) => {
      throw error instanceof WorkerJobFailed ? new Error(`The comparison failed: ${error.reason}.`) : error
    })
}

interface Alignment {
  packed: Int32Array
  summary: CompareSummary
}

/** Paragraphs read per step, with the loop let go between steps: other calls are answered meanwhile. */
const READ_STEP = 5_000
/** Alignments kept: the pair on screen, and a few the editor may switch back to. */
const KEPT = 4

async function allParagraphs(library: Library, id: number): Promise<string[]> {
  const texts: string[] = []
  for (;;) {
    const page = await library.read(id, texts.length, READ_STEP, 0)
    if (!page) throw new ApiError('NOT_FOUND', `There is no text with id ${id} in the library.`)
    for (const p of page.paragraphs) texts.push(p.text)
    if (page.paragraphs.length < READ_STEP) return texts
    await new Promise((resolve) => setImmediate(resolve))
  }
}

function summarize(packed: Int32Array): CompareSummary {
  const counts = { same: 0, changed: 0, moved: 0, removed: 0, added: 0 }
  for (let i = 0; i < packed.length; i += FIELDS) counts[KINDS[packed[i]!]!]++
  return counts
}

export class DocumentCompare {
  /** By "left:right", oldest first; texts never change once imported, so an alignment stays true. */
  private readonly alignments = new Map<string, Promise<Alignment>>()

  constructor(
    private readonly library: Library,
    private readonly align: DocumentAligner
  ) {}

  private alignment(leftId: number, rightId: number): Promise<Alignment> {
    const key = `${leftId}:${rightId}`
    const kept = this.alignments.get(key)
    if (kept) {
      this.alignments.delete(key)
      this.alignments.set(key, kept)
      return kept
    }
    const made = (async () => {
      const [left, right] = [
        await allParagraphs(this.library, leftId),
        await allParagraphs(this.library, rightId)
      ]
      const packed = await this.align({ left, right })
      return { packed, summary: summarize(packed) }
    })()
    // A failure is not kept: the next ask tries again (the text may have been imported since).
    made.catch(() => this.alignments.delete(key))
    this.alignments.set(key, made)
    if (this.alignments.size > KEPT) this.alignments.delete(this.alignments.keys().next().value!)
    return made
  }

  async page(leftId: number, rightId: number, offset: number, limit: number): Promise<ComparePage> {
    const [left, right] = await Promise.all([this.library.summary(leftId), this.library.summary(rightId)])
    if (!left) throw new ApiError('NOT_FOUND', `There is no text with id ${leftId} in the library.`)
    if (!right) throw new ApiError('NOT_FOUND', `There is no text with id ${rightId} in the library.`)
    const { packed, summary } = await this.alignment(leftId, rightId)
    const total = packed.length / FIELDS
    const end = Math.min(total, offset + limit)
    const wanted = { left: new Set<number>(), right: new Set<number>() }
    for (let i = offset; i < end; i++) {
      if (packed[i * FIELDS + 1]! >= 0) wanted.left.add(packed[i * FIELDS + 1]!)
      if (packed[i * FIELDS + 2]! >= 0) wanted.right.add(packed[i * FIELDS + 2]!)
    }
    const textsOf = async (id: number, indexes: Set<number>) =>
      new Map(((await this.library.paragraphsAt(id, [...indexes])) ?? []).map((p) => [p.index, p.text]))
    const [leftTexts, rightTexts] = await Promise.all([
      textsOf(leftId, wanted.left),
      textsOf(rightId, wanted.right)
    ])
    const rows: ComparePage['rows'] = []
    for (let i = offset; i < end; i++) {
      const [kind, l, r, similarity] = [0, 1, 2, 3].map((f) => packed[i * FIELDS + f]!) as [
        number,
        number,
        number,
        number
      ]
      rows.push({
        kind: KINDS[kind]!,
        left: l >= 0 ? { index: l, text: leftTexts.get(l) ?? '' } : null,
        right: r >= 0 ? { index: r, text: rightTexts.get(r) ?? '' } : null,
        similarity: similarity >= 0 ? similarity / SCALE : null
      })
    }
    return { left, right, total, summary, offset, rows }
  }
}
