import { diffArrays } from 'diff'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anchoredRuns, MAX_EDITS, paragraphRuns, type Run } from './paragraph-runs'

/** Checks the runs are an alignment of the two lists: every paragraph once, kept ones equal. */
function expectAlignment(left: string[], right: string[], runs: Run[]): { same: number } {
  let i = 0
  let j = 0
  let same = 0
  for (const run of runs) {
    expect(run.count).toBeGreaterThan(0)
    if (run.kind === 'same') {
      for (let k = 0; k < run.count; k++) expect(left[i + k]).toBe(right[j + k])
      i += run.count
      j += run.count
      same += run.count
    } else if (run.kind === 'removed') i += run.count
    else j += run.count
  }
  expect([i, j]).toEqual([left.length, right.length])
  return { same }
}

const numbered = (n: number, label: string) => Array.from({ length: n }, (_, i) => `${label} ${i}.`)

describe('paragraph runs', () => {
  it('is the exact longest common subsequence for a lightly edited text', () => {
    const left = numbered(300, 'Paragraph')
    const right = [...left.slice(0, 100), 'A new paragraph.', ...left.slice(101, 250), ...left.slice(260)]
    const runs = paragraphRuns(left, right)
    const exact = diffArrays(left, right).filter((c) => !c.added && !c.removed)
    expect(expectAlignment(left, right, runs).same).toBe(exact.reduce((n, c) => n + (c.count ?? 0), 0))
  })

  it('past MAX_EDITS, still keeps every paragraph both texts share once, in order', () => {
    // Every other paragraph rewritten on the right: more edits than the exact search allows.
    const left = numbered(MAX_EDITS * 3, 'Paragraph')
    const right = left.map((p, i) => (i % 2 ? `${p} Rewritten.` : p))
    const { same } = expectAlignment(left, right, paragraphRuns(left, right))
    expect(same).toBe(left.length / 2)
  })

  it('past MAX_EDITS, aligns two unrelated texts as one removed and one added run, quickly', () => {
    const left = numbered(20_000, 'Left')
    const right = numbered(20_000, 'Right')
    expect(paragraphRuns(left, right)).toEqual([
      { kind: 'removed', count: 20_000 },
      { kind: 'added', count: 20_000 }
    ])
  })

  it('always gives an alignment, on any two lists', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 60 })
    fc.assert(
      fc.property(text, text, (left, right) => {
        expectAlignment(left, right, paragraphRuns(left, right))
        // The fallback too, which keeps at least every paragraph found once on each side, if in order.
        expectAlignment(left, right, anchoredRuns(left, right))
      })
    )
  })
})
