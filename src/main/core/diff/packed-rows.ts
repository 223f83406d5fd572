// The document diff's rows as one Int32Array, so two big texts' alignment leaves its worker
// thread handed over rather than copied row by row.
import { alignParagraphs, type AlignedRow } from './align-paragraphs'

export interface AlignJob {
  left: string[]
  right: string[]
}

export const KINDS = ['same', 'changed', 'moved', 'removed', 'added'] as const
export const FIELDS = 4
/** Similarity is kept to a millionth, as an integer, so rows travel as one transferable buffer. */
export const SCALE = 1_000_000

/** Rows as one Int32Array (kind, left, right, similarity × SCALE; -1 for a side a row lacks): handed over, not copied. */
export function packRows(rows: readonly AlignedRow[]): Int32Array {
  const packed = new Int32Array(rows.length * FIELDS)
  rows.forEach((row, i) => {
    packed[i * FIELDS] = KINDS.indexOf(row.kind)
    packed[i * FIELDS + 1] = 'left' in row ? row.left : -1
    packed[i * FIELDS + 2] = 'right' in row ? row.right : -1
    packed[i * FIELDS + 3] = 'similarity' in row ? Math.round(row.similarity * SCALE) : -1
  })
  return packed
}

export function alignPacked(job: AlignJob): Int32Array {
  return packRows(alignParagraphs(job.left, job.right))
}
