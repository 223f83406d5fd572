// Assignment and review of a check, as the API offers them: the shared rules decide who may take
// which step (review-rules.ts), the store records it, and every answer is the check's review as
// it now stands.
import { ApiError, type ApiErrorCode } from '../../shared/errors'
import type { CheckReview } from '../../shared/review'
import {
  assignmentRefusal,
  currentReviewState,
  lastReview,
  reviewStep,
  submitterOf,
  type ReviewAction,
  type ReviewRefusal,
  type ReviewState
} from '../../shared/review-rules'
import type { DeskMember } from '../api/dispatch'
import type { Library } from '../library'
import { reviewMovedOn } from '../library/review-rows'
import { actorOf } from './checks'

function noCheck(id: number): ApiError {
  return new ApiError('NOT_FOUND', `There is no check with id ${id}.`)
}

/** The check's review as it stands: state, assignees, steps and what changed since the last review. */
export async function checkReview(library: Library, checkId: number): Promise<CheckReview> {
  const [assignments, history] = await Promise.all([
    library.reviews.assignments(checkId),
    library.reviews.history(checkId)
  ])
  const since = lastReview(history)
  const assignment = assignments.find((a) => a.claimId === null) ?? null
  return {
    state: currentReviewState(history),
    assignee: assignment?.assignee ?? null,
    assignment,
    claimAssignments: assignments.filter((a) => a.claimId !== null),
    history,
    changedSinceReview: {
      since,
      claimIds: since ? await library.reviews.claimsChangedAfter(checkId, since.decisionEntry) : []
    }
  }
}

/**
 * Assigns the check (no claimId) or one of its claims to an active member, or clears it (null).
 * Work is assigned on a desk only: off one there is no one else to give it to.
 */
export async function assignWork(
  library: Library,
  input: { checkId: number; claimId?: string; assignee: string | null },
  member: DeskMember | undefined
): Promise<CheckReview> {
  if (!member) throw new ApiError('FORBIDDEN', 'Work is assigned on a desk, to its members.')
  const stored = await library.checks.get(input.checkId)
  if (!stored) throw noCheck(input.checkId)
  if (input.claimId !== undefined && !stored.result.claims.some((c) => c.id === input.claimId))
    throw new ApiError('NOT_FOUND', `Check ${input.checkId} has no claim “${input.claimId}”.`)
  let assignee: string | null = null
  if (input.assignee !== null) {
    const found = await library.members.byName(input.assignee)
    if (!found || found.disabledAt !== null)
      throw new ApiError('NOT_FOUND', `There is no active member called “${input.assignee}” on this desk.`)
    // As the member writes their name, whatever case it was typed in.
    assignee = found.name
  }
  const assignments = await library.reviews.assignments(input.checkId)
  const assigneeOf = (claimId: string | null) =>
    assignments.find((a) => a.claimId === claimId)?.assignee ?? null
  const checkAssignee = assigneeOf(null)
  const current = assigneeOf(input.claimId ?? null)
  const refused = assignmentRefusal(member, { checkAssignee, current, next: assignee })
  if (refused) throw new ApiError('FORBIDDEN', refused)
  const done = await library.reviews.assign(
    { checkId: input.checkId, claimId: input.claimId ?? null, assignee },
    member.name
  )
  if (!done) throw noCheck(input.checkId)
  return await checkReview(library, input.checkId)
}

const REFUSAL_CODES: Record<ReviewRefusal, ApiErrorCode> = {
  role: 'FORBIDDEN',
  state: 'CONFLICT',
  comment: 'BAD_REQUEST'
}

/**
 * Takes a review step. `from` is the state the caller saw: a step decided on a state that has
 * moved on (another reviewer acted) is refused, as the store refuses one that races another.
 */
export async function takeReviewStep(
  library: Library,
  input: { checkId: number; action: ReviewAction; comment: string | null; from?: ReviewState },
  member: DeskMember | undefined
): Promise<CheckReview> {
  if (!(await library.checks.get(input.checkId))) throw noCheck(input.checkId)
  const review = await checkReview(library, input.checkId)
  if (input.from !== undefined && input.from !== review.state) throw reviewMovedOn(input.from, review.state)
  const actor = await actorOf(library, member)
  const step = reviewStep(
    input.action,
    review.state,
    { role: member?.role ?? null, name: member?.name ?? actor },
    { assignee: review.assignee, submittedBy: submitterOf(review.history), comment: input.comment }
  )
  if (!step.ok) throw new ApiError(REFUSAL_CODES[step.why], step.reason, { state: review.state })
  const recorded = await library.reviews.record(
    { checkId: input.checkId, from: review.state, to: step.to, comment: input.comment },
    actor
  )
  if (!recorded) throw noCheck(input.checkId)
  return await checkReview(library, input.checkId)
}
