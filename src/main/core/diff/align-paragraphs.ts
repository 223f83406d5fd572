// Aligns the paragraphs of two versions of a text, for the document diff: unchanged paragraphs
// first (a longest common subsequence over normalized paragraphs, paragraph-runs.ts), then edited
// paragraphs paired by word similarity inside each gap, then paragraphs that moved, and what is
// left is added or removed.
import { paragraphRuns } from './paragraph-runs'
import { normalizeParagraph, wordSimilarity, wordsOf } from './similarity'

export type AlignedRow =
  | { kind: 'same'; left: number; right: number }
  | { kind: 'changed'; left: number; right: number; similarity: number }
  | { kind: 'moved'; left: number; right: number; similarity: number }
  | { kind: 'removed'; left: number }
  | { kind: 'added'; right: number }

/** Below this, two paragraphs are different paragraphs, not one edited. */
export const CHANGED_THRESHOLD = 0.5
/** A paragraph found elsewhere must be nearly the same to count as moved rather than rewritten. */
export const MOVED_THRESHOLD = 0.8
/** Pairing inside one gap compares every removed with every added paragraph: bound the cost. */
const MAX_GAP_PAIRS = 250_000

interface Gap {
  removed: number[]
  added: number[]
}

export function alignParagraphs(left: readonly string[], right: readonly string[]): AlignedRow[] {
  const leftKeys = left.map(normalizeParagraph)
  const rightKeys = right.map(normalizeParagraph)
  const leftWords = new Map<number, Set<string>>()
  const rightWords = new Map<number, Set<string>>()
  const wordsLeft = (i: number) => leftWords.get(i) ?? leftWords.set(i, new Set(wordsOf(left[i]!))).get(i)!
  const wordsRight = (j: number) =>
    rightWords.get(j) ?? rightWords.set(j, new Set(wordsOf(right[j]!))).get(j)!

  // Rows keyed by where they sit: a right index places a row among the right-hand paragraphs;
  // removed paragraphs sit just after the row that preceded them.
  const rows: AlignedRow[] = []
  const gaps: { gap: Gap; at: number }[] = []
  let i = 0
  let j = 0
  let gap: Gap = { removed: [], added: [] }
  const flush = () => {
    if (gap.removed.length || gap.added.length) {
      gaps.push({ gap, at: rows.length })
      rows.push({ kind: 'removed', left: -1 }) // placeholder, replaced below
    }
    gap = { removed: [], added: [] }
  }
  for (const { kind, count } of paragraphRuns(leftKeys, rightKeys)) {
    if (kind === 'removed') for (let k = 0; k < count; k++) gap.removed.push(i++)
    else if (kind === 'added') for (let k = 0; k < count; k++) gap.added.push(j++)
    else {
      flush()
      for (let k = 0; k < count; k++) rows.push({ kind: 'same', left: i++, right: j++ })
    }
  }
  flush()

  // Pair edited paragraphs inside each gap, in order on both sides.
  const gapRows = new Map<number, AlignedRow[]>()
  const leftovers = {
    removed: [] as { left: number; at: number }[],
    added: [] as { right: number; at: number; slot: number }[]
  }
  for (const { gap: g, at } of gaps) {
    const out: AlignedRow[] = []
    const pairs = g.removed.length * g.added.length
    let nextAdded = 0
    for (const l of g.removed) {
      let best = -1
      let bestScore = CHANGED_THRESHOLD
      if (pairs <= MAX_GAP_PAIRS) {
        for (let k = nextAdded; k < g.added.length; k++) {
          const score = wordSimilarity(wordsLeft(l), wordsRight(g.added[k]!))
          if (score >= bestScore && (best === -1 || score > bestScore)) {
            best = k
            bestScore = score
          }
        }
      }
      if (best === -1) {
        out.push({ kind: 'removed', left: l })
        continue
      }
      for (let k = nextAdded; k < best; k++) out.push({ kind: 'added', right: g.added[k]! })
      out.push({ kind: 'changed', left: l, right: g.added[best]!, similarity: bestScore })
      nextAdded = best + 1
    }
    for (let k = nextAdded; k < g.added.length; k++) out.push({ kind: 'added', right: g.added[k]! })
    out.forEach((row, slot) => {
      if (row.kind === 'removed') leftovers.removed.push({ left: row.left, at })
      if (row.kind === 'added') leftovers.added.push({ right: row.right, at, slot })
    })
    gapRows.set(at, out)
  }

  // A removed paragraph that reappears elsewhere as an added one moved. Exact matches by key;
  // near matches only while the leftovers are few enough to compare pairwise.
  const movedLeft = new Map<number, { right: number; similarity: number }>()
  const addedByKey = new Map<string, number[]>()
  for (const a of leftovers.added) {
    const list = addedByKey.get(rightKeys[a.right]!) ?? []
    list.push(a.right)
    addedByKey.set(rightKeys[a.right]!, list)
  }
  const takenRight = new Set<number>()
  for (const r of leftovers.removed) {
    const candidate = addedByKey.get(leftKeys[r.left]!)?.find((right) => !takenRight.has(right))
    if (candidate !== undefined) {
      movedLeft.set(r.left, { right: candidate, similarity: 1 })
      takenRight.add(candidate)
    }
  }
  if (leftovers.removed.length * leftovers.added.length <= MAX_GAP_PAIRS) {
    for (const r of leftovers.removed) {
      if (movedLeft.has(r.left)) continue
      let best = -1
      let bestScore = MOVED_THRESHOLD
      for (const a of leftovers.added) {
        if (takenRight.has(a.right)) continue
        const score = wordSimilarity(wordsLeft(r.left), wordsRight(a.right))
        if (score >= bestScore) {
          best = a.right
          bestScore = score
        }
      }
      if (best !== -1) {
        movedLeft.set(r.left, { right: best, similarity: bestScore })
        takenRight.add(best)
      }
    }
  }
  const movedRight = new Map([...movedLeft].map(([l, m]) => [m.right, { left: l, similarity: m.similarity }]))

  const result: AlignedRow[] = []
  rows.forEach((row, at) => {
    const out = gapRows.get(at)
    if (!out) {
      result.push(row)
      return
    }
    for (const r of out) {
      // A moved paragraph is shown once, where it now stands (on the right).
      if (r.kind === 'removed' && movedLeft.has(r.left)) continue
      if (r.kind === 'added' && movedRight.has(r.right)) {
        const m = movedRight.get(r.right)!
        result.push({ kind: 'moved', left: m.left, right: r.right, similarity: m.similarity })
      } else result.push(r)
    }
  })
  return result
}
