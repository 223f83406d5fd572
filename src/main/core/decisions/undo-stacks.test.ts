import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { undoStacks, type HistoryLink } from './undo-stacks'

const byHand = (id: number): HistoryLink => ({ id, undoes: null, redoes: null })

describe('undo stacks rebuilt from the history', () => {
  it('undoes the newest change first and redoes in reverse, a decision by hand clearing redo', () => {
    const links: HistoryLink[] = [byHand(1), byHand(2), byHand(3)]
    expect(undoStacks(links)).toEqual({ done: [1, 2, 3], undone: [] })
    links.push({ id: 4, undoes: 3, redoes: null }, { id: 5, undoes: 2, redoes: null })
    expect(undoStacks(links)).toEqual({ done: [1], undone: [3, 2] })
    links.push({ id: 6, undoes: null, redoes: 2 })
    expect(undoStacks(links)).toEqual({ done: [1, 2], undone: [3] })
    links.push(byHand(7))
    expect(undoStacks(links)).toEqual({ done: [1, 2, 7], undone: [] })
  })

  it('ignores an undo or redo of an entry that is not on its stack', () => {
    expect(
      undoStacks([byHand(1), { id: 2, undoes: 9, redoes: null }, { id: 3, undoes: null, redoes: 1 }])
    ).toEqual({ done: [1], undone: [] })
  })

  it('agrees with an in-memory stack over any run of decisions, undos and redos', () => {
    const step = fc.constantFrom('decide', 'undo', 'redo')
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        // The editor's view: a stack of changes made, a stack of changes undone.
        const done: number[] = []
        let undone: number[] = []
        const links: HistoryLink[] = []
        for (const s of steps) {
          const id = links.length + 1
          if (s === 'decide') {
            links.push(byHand(id))
            done.push(id)
            undone = []
          } else {
            const from = s === 'undo' ? done : undone
            const target = from.pop()
            if (target === undefined) continue
            ;(s === 'undo' ? undone : done).push(target)
            links.push({ id, undoes: s === 'undo' ? target : null, redoes: s === 'redo' ? target : null })
          }
        }
        expect(undoStacks(links)).toEqual({ done, undone })
      })
    )
  })
})
