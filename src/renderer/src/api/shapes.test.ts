// The live stream's events and a CONFLICT's details are checked by hand in the renderer: the same
// shapes the contract's schemas accept, and nothing without a decision's version.
import { describe, expect, it } from 'vitest'
import { reviewChangeSchema } from '../../../shared/review'
import { decisionChangeSchema } from '../../../shared/workbench'
import { isDecision, isDecisionChange, isReviewChange, isUndoState } from './shapes'

const decision = {
  claimId: 'date-0',
  status: 'verified',
  correctedText: null,
  note: 'seen',
  pinned: [],
  publish: false,
  publicExplanation: null,
  updatedAt: '2024-01-01T00:00:00.000Z',
  version: 2
}
const undo = { canUndo: true, canRedo: false, nextUndo: 7, nextRedo: null }
const change = {
  checkId: 3,
  decision,
  entry: { id: 7, claimId: 'date-0', at: decision.updatedAt, before: null, after: decision },
  undo
}

describe('shapes from outside a typed answer', () => {
  it('accepts what the contract accepts', () => {
    expect(decisionChangeSchema.safeParse(change).success).toBe(true)
    expect(isDecisionChange(change)).toBe(true)
    expect(isDecision(decision)).toBe(true)
    expect(isUndoState(undo)).toBe(true)
  })

  it('refuses a decision without its version, a status it does not know, or an undo state without its entries', () => {
    const { version: _version, ...unversioned } = decision
    expect(isDecision(unversioned)).toBe(false)
    expect(isDecision({ ...decision, status: 'maybe' })).toBe(false)
    expect(isDecisionChange({ ...change, decision: unversioned })).toBe(false)
    expect(isUndoState({ canUndo: true, canRedo: false })).toBe(false)
    expect(isDecisionChange({ ...change, checkId: '3' })).toBe(false)
    expect(isDecisionChange(null)).toBe(false)
  })
})

describe('a review change from the live stream', () => {
  const returned = {
    id: 4,
    state: 'returned',
    actor: 'Rui',
    at: '2024-01-01T00:00:00.000Z',
    comment: 'Source it.',
    decisionEntry: 7
  }
  const reviewChange = {
    checkId: 3,
    review: {
      state: 'returned',
      assignee: 'Ana',
      assignment: { claimId: null, assignee: 'Ana', assignedBy: 'Rui', assignedAt: returned.at },
      claimAssignments: [],
      history: [returned],
      changedSinceReview: { since: returned, claimIds: ['date-0'] }
    }
  }

  it('accepts what the contract accepts', () => {
    expect(reviewChangeSchema.safeParse(reviewChange).success).toBe(true)
    expect(isReviewChange(reviewChange)).toBe(true)
  })

  it('refuses a state it does not know, a step without one, or claim ids that are not text', () => {
    const review = reviewChange.review
    expect(isReviewChange({ ...reviewChange, review: { ...review, state: 'done' } })).toBe(false)
    expect(isReviewChange({ ...reviewChange, review: { ...review, history: [{ id: 1 }] } })).toBe(false)
    expect(
      isReviewChange({
        ...reviewChange,
        review: { ...review, changedSinceReview: { since: null, claimIds: [1] } }
      })
    ).toBe(false)
    expect(isReviewChange({ ...reviewChange, checkId: '3' })).toBe(false)
    expect(isReviewChange(null)).toBe(false)
  })
})
