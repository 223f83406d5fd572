// Word-level differences between two passages, for side-by-side display.
import { diffWordsWithSpace } from 'diff'

export type DiffOp = 'equal' | 'insert' | 'delete'

export interface DiffSegment {
  op: DiffOp
  text: string
}

/** Past this many characters on either side a word diff costs more than it tells. */
export const WORD_DIFF_MAX_CHARS = 200_000

/**
 * Segments such that the 'equal' + 'delete' texts, in order, rebuild `before` exactly and the
 * 'equal' + 'insert' texts rebuild `after`. Whitespace is kept as tokens (diffWordsWithSpace),
 * which is what makes the rebuild exact.
 */
export function wordDiff(before: string, after: string, options: { timeoutMs?: number } = {}): DiffSegment[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }]
  const wholeReplace: DiffSegment[] = [
    ...(before ? [{ op: 'delete' as const, text: before }] : []),
    ...(after ? [{ op: 'insert' as const, text: after }] : [])
  ]
  if (before.length > WORD_DIFF_MAX_CHARS || after.length > WORD_DIFF_MAX_CHARS) return wholeReplace
  const changes = diffWordsWithSpace(before, after, { timeout: options.timeoutMs ?? 500 })
  // jsdiff gives up (undefined) past the timeout: show the pair as replaced rather than hang.
  if (!changes) return wholeReplace
  const segments: DiffSegment[] = []
  for (const change of changes) {
    const op: DiffOp = change.added ? 'insert' : change.removed ? 'delete' : 'equal'
    const last = segments[segments.length - 1]
    if (last && last.op === op) last.text += change.value
    else if (change.value !== '') segments.push({ op, text: change.value })
  }
  return segments
}

export function rebuild(segments: readonly DiffSegment[], side: 'before' | 'after'): string {
  const skip: DiffOp = side === 'before' ? 'insert' : 'delete'
  return segments
    .filter((s) => s.op !== skip)
    .map((s) => s.text)
    .join('')
}
