import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { alignParagraphs, type AlignedRow } from './align-paragraphs'

const kinds = (rows: AlignedRow[]) => rows.map((r) => r.kind)

describe('alignParagraphs', () => {
  it('pairs identical paragraphs, ignoring case and spacing', () => {
    const rows = alignParagraphs(['One para.', 'Two  para.'], ['one para.', 'Two para.'])
    expect(rows).toEqual([
      { kind: 'same', left: 0, right: 0 },
      { kind: 'same', left: 1, right: 1 }
    ])
  })

  it('pairs an edited paragraph as changed and keeps insertions and deletions apart', () => {
    const left = [
      'The council met on Tuesday to discuss the budget.',
      'Residents complained about potholes on Main Street and the slow repairs.',
      'The mayor will decide next week.'
    ]
    const right = [
      'The council met on Tuesday to discuss the budget.',
      'A new paragraph about the weather, unrelated to anything else here.',
      'Residents complained loudly about potholes on Main Street and the slow repairs.',
      'The mayor will decide next week.'
    ]
    const rows = alignParagraphs(left, right)
    expect(kinds(rows)).toEqual(['same', 'added', 'changed', 'same'])
    expect(rows[2]).toMatchObject({ left: 1, right: 2 })
  })

  it('recognises a paragraph that moved', () => {
    const left = ['Alpha paragraph about the election results.', 'Beta paragraph about turnout.', 'Gamma paragraph about the count.']
    const right = ['Gamma paragraph about the count.', 'Alpha paragraph about the election results.', 'Beta paragraph about turnout.']
    const rows = alignParagraphs(left, right)
    expect(rows.find((r) => r.kind === 'moved')).toMatchObject({ left: 2, right: 0 })
    expect(rows.filter((r) => r.kind === 'removed' || r.kind === 'added')).toEqual([])
  })

  it('reports unrelated paragraphs as removed and added', () => {
    const rows = alignParagraphs(['Completely different words here.'], ['Nothing alike at all, no overlap.'])
    expect(kinds(rows).sort()).toEqual(['added', 'removed'])
  })

  it('accounts for every paragraph of both sides exactly once, in right-hand order (property)', () => {
    const para = fc.constantFrom(
      'The minister visited Kyiv.',
      'Troops were deployed.',
      'Aid totals $12 billion.',
      'the minister visited kyiv.',
      'A quote was given by the president.',
      'Troops were deployed in large numbers.',
      ''
    )
    fc.assert(
      fc.property(fc.array(para, { maxLength: 12 }), fc.array(para, { maxLength: 12 }), (left, right) => {
        const rows = alignParagraphs(left, right)
        const lefts = rows.flatMap((r) => ('left' in r ? [r.left] : [])).sort((a, b) => a - b)
        const rights = rows.flatMap((r) => ('right' in r ? [r.right] : []))
        expect(lefts).toEqual(left.map((_, i) => i))
        expect([...rights].sort((a, b) => a - b)).toEqual(right.map((_, i) => i))
        expect(rights).toEqual([...rights].sort((a, b) => a - b))
      }),
      { numRuns: 500 }
    )
  })
})
