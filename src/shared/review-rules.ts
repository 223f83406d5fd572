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

/** Whether `name` is `other`, as members' names are compared: whatever the case. */
function sameMember(name: string | null, other: string | null): boolean {
  return name !== null && other !== null && name.toLowerCase() === other.toLowerCase()
}

/** Whether `actor` may act for the checker: the assignee, anyone while no one is, or a reviewer. */
function mayActAsChecker(actor: ReviewActor, assignee: string | null): boolean {
  if (REVIEWS.includes(actor.role) || assignee === null) return true
  return sameMember(actor.name, assignee)
}

/** Who did the work a review signs off: the check's assignee and who marked it ready. */
export interface ReviewedWork {
  assignee: string | null
  submittedBy: string | null
}

/** Who marked the check ready for review last; null while no one has. */
export function submitterOf(history: readonly { state: ReviewState; actor: string | null }[]): string | null {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.state === 'ready') return history[i]!.actor
  return null
}

/**
 * The state `action` takes a check from `from` to, or why it may not. Approving and returning are
 * a reviewer's (or admin's) alone, and on a desk a second person approves: not the check's
 * assignee nor whoever marked it ready, reviewer or not (alone with the app, there is no one
 * else). Reopening an approved check withdraws the approval, so it is a reviewer's too; a check
 * marked ready may be taken back by whoever marked it.
 */
export function reviewStep(
  action: ReviewAction,
  from: ReviewState,
  actor: ReviewActor,
  context: ReviewedWork & { comment: string | null }
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
      if (
        action === 'approve' &&
        actor.role !== null &&
        (sameMember(actor.name, context.assignee) || sameMember(actor.name, context.submittedBy))
      )
        return refuse('role', 'A second person approves a check: you checked this one or marked it ready.')
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
export function reviewStepsOpen(from: ReviewState, actor: ReviewActor, work: ReviewedWork): ReviewAction[] {
  // A comment is asked for when returning, so the step is offered as if one will be given.
  return REVIEW_ACTIONS.filter((action) => reviewStep(action, from, actor, { ...work, comment: '…' }).ok)
}

/**
 * Why `actor` may not give the check (or one of its claims) now assigned to `current` to `next`
 * (null: no one), or null when they may. Reviewers and admins hand out work; the check's own
 * checker splits it (its claims) or hands it on; any other member takes work no one has, or gives
 * back their own.
 */
export function assignmentRefusal(
  actor: ReviewActor,
  change: { checkAssignee: string | null; current: string | null; next: string | null }
): string | null {
  if (REVIEWS.includes(actor.role) || sameMember(actor.name, change.checkAssignee)) return null
  if (change.current === null && sameMember(actor.name, change.next)) return null
  if (sameMember(actor.name, change.current) && change.next === null) return null
  return "A reviewer, an admin or the check's checker assigns work; you may take work no one has, or give back your own."
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
