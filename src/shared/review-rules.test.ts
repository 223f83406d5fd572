// Who may take which review step from which state: the server enforces these and the check view
// offers exactly these, so each rule is pinned here.
import { describe, expect, it } from 'vitest'
import {
  currentReviewState,
  lastReview,
  reviewStep,
  reviewStepsOpen,
  type ReviewActor,
  type ReviewState
} from './review-rules'

const checker: ReviewActor = { role: 'checker', name: 'Ana' }
const otherChecker: ReviewActor = { role: 'checker', name: 'Ben' }
const reviewer: ReviewActor = { role: 'reviewer', name: 'Rui' }
const admin: ReviewActor = { role: 'admin', name: 'Eva' }
const alone: ReviewActor = { role: null, name: null }
const free = { assignee: null, comment: null }

describe('review steps', () => {
  it('lets the checker mark a check in progress or returned ready for review, and nothing else', () => {
    expect(reviewStep('submit', 'in_progress', checker, free)).toEqual({ ok: true, to: 'ready' })
    expect(reviewStep('submit', 'returned', checker, free)).toEqual({ ok: true, to: 'ready' })
    for (const from of ['ready', 'approved'] as const)
      expect(reviewStep('submit', from, checker, free)).toMatchObject({ ok: false, why: 'state' })
  })

  it('refuses a checker approving or returning, whatever the state; a reviewer or admin may', () => {
    for (const from of ['in_progress', 'ready', 'approved', 'returned'] as const) {
      expect(reviewStep('approve', from, checker, free)).toEqual({
        ok: false,
        why: 'role',
        reason: 'Only a reviewer or an admin approves or returns a check.'
      })
      expect(reviewStep('return', from, checker, { assignee: null, comment: 'x' }).ok).toBe(false)
    }
    expect(reviewStep('approve', 'ready', reviewer, free)).toEqual({ ok: true, to: 'approved' })
    expect(reviewStep('approve', 'ready', admin, free)).toEqual({ ok: true, to: 'approved' })
    expect(reviewStep('approve', 'in_progress', reviewer, free).ok).toBe(false)
  })

  it('needs a comment to return a check', () => {
    expect(reviewStep('return', 'ready', reviewer, { assignee: null, comment: '  ' })).toMatchObject({
      ok: false,
      why: 'comment',
      reason: expect.stringContaining('needs a comment')
    })
    expect(reviewStep('return', 'ready', reviewer, { assignee: null, comment: 'Source it.' })).toEqual({
      ok: true,
      to: 'returned'
    })
  })

  it('leaves marking ready to the assignee (whatever the case of the name), or to a reviewer', () => {
    const assigned = { assignee: 'ana', comment: null }
    expect(reviewStep('submit', 'in_progress', checker, assigned).ok).toBe(true)
    expect(reviewStep('submit', 'in_progress', otherChecker, assigned)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('assigned to ana')
    })
    expect(reviewStep('submit', 'in_progress', reviewer, assigned).ok).toBe(true)
  })

  it('reopens an approved check for a reviewer only, and a check marked ready for its checker', () => {
    expect(reviewStep('reopen', 'approved', checker, free).ok).toBe(false)
    expect(reviewStep('reopen', 'approved', reviewer, free)).toEqual({ ok: true, to: 'in_progress' })
    expect(reviewStep('reopen', 'ready', checker, free)).toEqual({ ok: true, to: 'in_progress' })
    expect(reviewStep('reopen', 'in_progress', reviewer, free).ok).toBe(false)
  })

  it('gives the one user off a desk every step', () => {
    expect(reviewStepsOpen('ready', alone, null)).toEqual(['approve', 'return', 'reopen'])
    expect(reviewStepsOpen('in_progress', alone, null)).toEqual(['submit'])
  })

  it('offers each role the steps it may take', () => {
    expect(reviewStepsOpen('ready', checker, 'Ana')).toEqual(['reopen'])
    expect(reviewStepsOpen('ready', reviewer, 'Ana')).toEqual(['approve', 'return', 'reopen'])
    expect(reviewStepsOpen('approved', checker, 'Ana')).toEqual([])
  })
})

describe('the review history', () => {
  const step = (state: ReviewState, decisionEntry: number | null = null) => ({ state, decisionEntry })

  it('is in progress until a step is taken, then in the last step’s state', () => {
    expect(currentReviewState([])).toBe('in_progress')
    expect(currentReviewState([step('ready'), step('returned')])).toBe('returned')
  })

  it('compares with the last approval or return, not with the last time it was marked ready', () => {
    expect(lastReview([])).toBeNull()
    expect(lastReview([step('ready', 3)])).toBeNull()
    const returned = step('returned', 4)
    expect(lastReview([step('ready', 3), returned, step('ready', 9)])).toBe(returned)
    const approved = step('approved', 12)
    expect(lastReview([step('ready', 3), returned, step('ready', 9), approved])).toBe(approved)
  })
})
