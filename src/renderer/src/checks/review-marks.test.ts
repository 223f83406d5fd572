import { describe, expect, it } from 'vitest'
import type { CheckReview, ReviewEvent } from '../../../shared/review'
import { noteDecision, returnComment } from './review-marks'

const step = (state: ReviewEvent['state'], decisionEntry: number | null, comment: string | null = null) => ({
  id: 1,
  state,
  actor: 'Rui',
  at: '2024-11-18T10:00:00.000Z',
  comment,
  decisionEntry
})

function review(history: ReviewEvent[], since: ReviewEvent | null, claimIds: string[] = []): CheckReview {
  return {
    state: history.at(-1)?.state ?? 'in_progress',
    assignee: null,
    assignment: null,
    claimAssignments: [],
    history,
    changedSinceReview: { since, claimIds }
  }
}

describe('marks of what changed since the last review', () => {
  it('adds a claim decided after the review’s last entry, once', () => {
    const returned = step('returned', 5, 'Source it.')
    const before = review([returned], returned, ['a'])
    expect(noteDecision(before, { id: 5, claimId: 'b' })).toBe(before)
    const after = noteDecision(before, { id: 6, claimId: 'b' })
    expect(after.changedSinceReview.claimIds).toEqual(['a', 'b'])
    expect(noteDecision(after, { id: 7, claimId: 'b' })).toBe(after)
  })

  it('marks nothing for a check never reviewed', () => {
    const ready = review([step('ready', 3)], null)
    expect(noteDecision(ready, { id: 9, claimId: 'a' }).changedSinceReview.claimIds).toEqual([])
  })

  it('shows the return comment while the check is returned, not once it is marked ready again', () => {
    const returned = step('returned', 5, 'Source it.')
    expect(returnComment(review([returned], returned))).toEqual({
      by: 'Rui',
      at: '2024-11-18T10:00:00.000Z',
      comment: 'Source it.'
    })
    expect(returnComment(review([returned, step('ready', 6)], returned))).toBeNull()
  })
})
