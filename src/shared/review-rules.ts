// The review workflow of a check, free of zod so the renderer offers exactly the steps the server
// will accept (one definition: a button the server would refuse is never shown). A check is in
// progress until its checker marks it ready for review; a reviewer (or admin) then approves it or
// returns it with comments, and a returned check is marked ready again once the checker is done.
import type { MemberRole } from './member-rules'

export const REVIEW_STATES = ['in_progress', 'ready', 'approved', 'returned'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

export const REVIEW_ACTIONS = ['submit', 'approve', 'return', 'reopen'] as const
export type ReviewAction = (typeof REVIEW_ACTIONS)[number]

/** A reviewer's comment: a few paragraphs, not a document. */
export const REVIEW_COMMENT_MAX = 5_000

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  in_progress: 'In progress',
  ready: 'Ready for review',
  approved: 'Approved',
  returned: 'Returned with comments'
}

export const REVIEW_ACTION_LABELS: Record<ReviewAction, string> = {
  submit: 'Mark ready for review',
  approve: 'Approve',
  return: 'Return with comments',
  reopen: 'Reopen'
}

/** Who asks for a step. `role` is null off a desk: the one user of the app or single-user serve. */
export interface ReviewActor {
  role: MemberRole | null
  name: string | null
}

/**
 * Why a step is refused: the actor's role or assignment does not allow it (`role`), the check is
 * not in a state it starts from (`state`), or a return came without a comment (`comment`).
 */
export type ReviewRefusal = 'role' | 'state' | 'comment'

export type ReviewStep = { ok: true; to: ReviewState } | { ok: false; why: ReviewRefusal; reason: string }

const REVIEWS: readonly (MemberRole | null)[] = ['reviewer', 'admin', null]

/** Whether `actor` may act for the checker: the assignee, anyone while no one is, or a reviewer. */
function mayActAsChecker(actor: ReviewActor, assignee: string | null): boolean {
  if (REVIEWS.includes(actor.role) || assignee === null) return true
  return actor.name !== null && actor.name.toLowerCase() === assignee.toLowerCase()
}

/**
 * The state `action` takes a check from `from` to, or why it may not. Approving and returning are
 * a reviewer's (or admin's) alone: the checker of a story does not approve their own check.
 * Reopening an approved check withdraws the approval, so it is a reviewer's too; a check marked
 * ready may be taken back by whoever marked it.
 */
export function reviewStep(
  action: ReviewAction,
  from: ReviewState,
  actor: ReviewActor,
  context: { assignee: string | null; comment: string | null }
): ReviewStep {
  const refuse = (why: ReviewRefusal, reason: string): ReviewStep => ({ ok: false, why, reason })
  const reviewer = REVIEWS.includes(actor.role)
  switch (action) {
    case 'submit':
      if (from !== 'in_progress' && from !== 'returned')
        return refuse('state', `The check is ${REVIEW_STATE_LABELS[from].toLowerCase()}, not in progress.`)
      if (!mayActAsChecker(actor, context.assignee))
        return refuse('role', `The check is assigned to ${context.assignee}: they mark it ready for review.`)
      return { ok: true, to: 'ready' }
    case 'approve':
    case 'return':
      if (!reviewer) return refuse('role', 'Only a reviewer or an admin approves or returns a check.')
      if (from !== 'ready')
        return refuse('state', 'Only a check marked ready for review is approved or returned.')
      if (action === 'return' && !context.comment?.trim())
        return refuse('comment', 'Say what needs doing: a returned check needs a comment.')
      return { ok: true, to: action === 'approve' ? 'approved' : 'returned' }
    case 'reopen':
      if (from === 'approved' && !reviewer)
        return refuse('role', 'Only a reviewer or an admin reopens an approved check.')
      if (from === 'ready' && !mayActAsChecker(actor, context.assignee))
        return refuse('role', `The check is assigned to ${context.assignee}: they take it back.`)
      if (from !== 'approved' && from !== 'ready') return refuse('state', 'The check is not under review.')
      return { ok: true, to: 'in_progress' }
  }
}

/** The steps `actor` may take now, in the order the review view offers them. */
export function reviewStepsOpen(
  from: ReviewState,
  actor: ReviewActor,
  assignee: string | null
): ReviewAction[] {
  // A comment is asked for when returning, so the step is offered as if one will be given.
  return REVIEW_ACTIONS.filter((action) => reviewStep(action, from, actor, { assignee, comment: '…' }).ok)
}

/** A review step as recorded: enough to tell what changed since. */
export interface ReviewMark {
  state: ReviewState
  /** The check's last decision history entry when the step was taken; null when it had none. */
  decisionEntry: number | null
}

/**
 * The review a reviewer compares with: the last approval or return. Changes made after it are what
 * the reviewer has not seen; with none, the whole check is new to them.
 */
export function lastReview<T extends ReviewMark>(history: readonly T[]): T | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const step = history[i]!
    if (step.state === 'approved' || step.state === 'returned') return step
  }
  return null
}

/** The state a check's review history leaves it in: in progress until a step is taken. */
export function currentReviewState(history: readonly ReviewMark[]): ReviewState {
  return history.at(-1)?.state ?? 'in_progress'
}
