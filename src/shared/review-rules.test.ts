// Who may take which review step from which state: the server enforces these and the check view
// offers exactly these, so each rule is pinned here.
import { describe, expect, it } from 'vitest'
import {
  assignmentRefusal,
  currentReviewState,
  lastReview,
  reviewStep,
  reviewStepsOpen,
  submitterOf,
  type ReviewActor,
  type ReviewState
} from './review-rules'

const checker: ReviewActor = { role: 'checker', name: 'Ana' }
const otherChecker: ReviewActor = { role: 'checker', name: 'Ben' }
const reviewer: ReviewActor = { role: 'reviewer', name: 'Rui' }
const admin: ReviewActor = { role: 'admin', name: 'Eva' }
const alone: ReviewActor = { role: null, name: null }
const free = { assignee: null, submittedBy: null, comment: null }

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
      expect(reviewStep('return', from, checker, { ...free, comment: 'x' }).ok).toBe(false)
    }
    expect(reviewStep('approve', 'ready', reviewer, free)).toEqual({ ok: true, to: 'approved' })
    expect(reviewStep('approve', 'ready', admin, free)).toEqual({ ok: true, to: 'approved' })
    expect(reviewStep('approve', 'in_progress', reviewer, free).ok).toBe(false)
  })

  it('needs a comment to return a check', () => {
    expect(reviewStep('return', 'ready', reviewer, { ...free, comment: '  ' })).toMatchObject({
      ok: false,
      why: 'comment',
      reason: expect.stringContaining('needs a comment')
    })
    expect(reviewStep('return', 'ready', reviewer, { ...free, comment: 'Source it.' })).toEqual({
      ok: true,
      to: 'returned'
    })
  })

  it('leaves marking ready to the assignee (whatever the case of the name), or to a reviewer', () => {
    const assigned = { ...free, assignee: 'ana' }
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
    expect(reviewStepsOpen('ready', alone, { assignee: null, submittedBy: null })).toEqual([
      'approve',
      'return',
      'reopen'
    ])
    expect(reviewStepsOpen('in_progress', alone, { assignee: null, submittedBy: null })).toEqual(['submit'])
  })

  it('offers each role the steps it may take', () => {
    const anas = { assignee: 'Ana', submittedBy: 'Ana' }
    expect(reviewStepsOpen('ready', checker, anas)).toEqual(['reopen'])
    expect(reviewStepsOpen('ready', reviewer, anas)).toEqual(['approve', 'return', 'reopen'])
    expect(reviewStepsOpen('approved', checker, anas)).toEqual([])
  })

  it('has a second person approve on a desk: not the assignee, nor whoever marked it ready', () => {
    const refused = { ok: false, why: 'role', reason: expect.stringContaining('A second person') }
    // A reviewer who checked the story (any case of the name) or marked it ready for the checker.
    expect(reviewStep('approve', 'ready', reviewer, { ...free, assignee: 'rui' })).toMatchObject(refused)
    expect(reviewStep('approve', 'ready', admin, { ...free, submittedBy: 'Eva' })).toMatchObject(refused)
    expect(reviewStepsOpen('ready', reviewer, { assignee: 'Rui', submittedBy: 'Rui' })).toEqual([
      'return',
      'reopen'
    ])
    // Another reviewer signs it off; off a desk the one user does.
    expect(reviewStep('approve', 'ready', admin, { ...free, assignee: 'Rui', submittedBy: 'Rui' }).ok).toBe(
      true
    )
    expect(reviewStep('approve', 'ready', alone, { ...free, submittedBy: null }).ok).toBe(true)
  })

  it('knows who marked the check ready last', () => {
    const at = (state: ReviewState, actor: string | null) => ({ state, actor })
    expect(submitterOf([])).toBeNull()
    expect(
      submitterOf([at('ready', 'Ana'), at('returned', 'Rui'), at('ready', 'Ben'), at('approved', 'Eva')])
    ).toBe('Ben')
  })
})

describe('assignment', () => {
  const change = (checkAssignee: string | null, current: string | null, next: string | null) => ({
    checkAssignee,
    current,
    next
  })

  it('lets reviewers and admins hand out any work, and the check’s checker split or hand on theirs', () => {
    expect(assignmentRefusal(reviewer, change('Ana', 'Ben', 'Ana'))).toBeNull()
    expect(assignmentRefusal(admin, change(null, null, 'Ben'))).toBeNull()
    expect(assignmentRefusal(checker, change('ana', null, 'Ben'))).toBeNull() // a claim of hers
    expect(assignmentRefusal(checker, change('Ana', 'Ana', 'Ben'))).toBeNull() // the check itself
  })

  it('lets any other member take work no one has, or give back their own, and nothing else', () => {
    expect(assignmentRefusal(otherChecker, change(null, null, 'Ben'))).toBeNull() // a free check
    expect(assignmentRefusal(otherChecker, change('Ana', null, 'ben'))).toBeNull() // a free claim of Ana's check
    expect(assignmentRefusal(otherChecker, change('Ana', 'Ben', null))).toBeNull() // his claim, given back
    for (const refused of [
      change('Ana', 'Ana', 'Ben'), // the check, from its checker
      change('Ana', 'Ana', null), // its checker taken off
      change(null, null, 'Ana'), // free work given to someone else
      change('Ana', 'Ben', 'Ana') // his claim, given on
    ])
      expect(assignmentRefusal(otherChecker, refused)).toMatch(/A reviewer, an admin or the check's checker/)
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
