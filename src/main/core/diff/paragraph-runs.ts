// Which paragraphs two versions share, in order: the runs of paragraphs kept, removed and added.
// An exact longest common subsequence (Myers, jsdiff's diffArrays) costs time in proportion to the
// texts' length times the edits between them: two unrelated 10,000-paragraph texts took 20 s, two
// 50 MB ones would take hours. So the exact search stops at MAX_EDITS, and beyond it the runs are
// found as patience diff finds them: paragraphs that occur once in each text are matched, the
// longest sequence of them in the same order on both sides anchors the alignment, and matching
// neighbours are taken on either side of each anchor. Linear-logarithmic, and exact for the
// common case of a long text lightly edited.
import { diffArrays } from 'diff'

export interface Run {
  kind: 'same' | 'removed' | 'added'
  count: number
}

/** Edits the exact search allows: its cost is about (paragraphs on both sides) × this. */
export const MAX_EDITS = 1_000

export function paragraphRuns(left: readonly string[], right: readonly string[]): Run[] {
  const exact = diffArrays([...left], [...right], { maxEditLength: MAX_EDITS })
  if (exact)
    return exact.map((change) => ({
      kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
      count: change.count ?? change.value.length
    }))
  return anchoredRuns(left, right)
}

/** Pairs of indexes (left, right) of paragraphs found exactly once in each text, by left index. */
function uniquePairs(left: readonly string[], right: readonly string[]): Array<[number, number]> {
  const seen = (texts: readonly string[]) => {
    const at = new Map<string, number>()
    texts.forEach((text, i) => at.set(text, at.has(text) ? -1 : i))
    return at
  }
  const inLeft = seen(left)
  const inRight = seen(right)
  const pairs: Array<[number, number]> = []
  for (const [text, i] of inLeft) {
    const j = inRight.get(text)
    if (i >= 0 && j !== undefined && j >= 0) pairs.push([i, j])
  }
  return pairs.sort((a, b) => a[0] - b[0])
}

/** The longest run of pairs whose right indexes increase too (patience sorting, n log n). */
function longestInOrder(pairs: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const tails: number[] = [] // index into pairs of the smallest tail of each length
  const previous = new Int32Array(pairs.length).fill(-1)
  pairs.forEach(([, j], k) => {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (pairs[tails[mid]!]![1] < j) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) previous[k] = tails[lo - 1]!
    tails[lo] = k
  })
  const chain: Array<[number, number]> = []
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) chain.push(pairs[k]!)
  return chain.reverse()
}

/** The runs as patience diff finds them (what paragraphRuns falls back to). */
export function anchoredRuns(left: readonly string[], right: readonly string[]): Run[] {
  const runs: Run[] = []
  const push = (kind: Run['kind'], count: number) => {
    if (count <= 0) return
    const last = runs[runs.length - 1]
    if (last?.kind === kind) last.count += count
    else runs.push({ kind, count })
  }
  let i = 0
  let j = 0
  /** Up to (but not including) the anchor at (toI, toJ): equal neighbours kept, the rest a gap. */
  const gapUntil = (toI: number, toJ: number) => {
    let head = 0
    while (i + head < toI && j + head < toJ && left[i + head] === right[j + head]) head++
    let tail = 0
    while (
      toI - tail - 1 >= i + head &&
      toJ - tail - 1 >= j + head &&
      left[toI - tail - 1] === right[toJ - tail - 1]
    )
      tail++
    push('same', head)
    push('removed', toI - tail - (i + head))
    push('added', toJ - tail - (j + head))
    push('same', tail)
    i = toI
    j = toJ
  }
  for (const [anchorI, anchorJ] of longestInOrder(uniquePairs(left, right))) {
    gapUntil(anchorI, anchorJ)
    push('same', 1)
    i++
    j++
  }
  gapUntil(left.length, right.length)
  return runs
}
