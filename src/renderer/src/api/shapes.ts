// Shape checks for what reaches the renderer outside a typed call's answer (an event of the live
// stream, a CONFLICT's details). Written by hand: the renderer loads no zod (its schemas compile
// with eval, which the page's CSP refuses).
import type { ReviewChange } from '../../../shared/review'
import { REVIEW_STATES } from '../../../shared/review-rules'
import type { Decision, DecisionChange, UndoState } from '../../../shared/workbench'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const isInt = (v: unknown): v is number => Number.isInteger(v)
const STATUSES = new Set(['open', 'verified', 'disputed', 'corrected', 'dismissed'])
const isText = (v: unknown) => v === null || typeof v === 'string'

export function isDecision(v: unknown): v is Decision {
  return (
    isObject(v) &&
    typeof v['claimId'] === 'string' &&
    STATUSES.has(v['status'] as string) &&
    isText(v['correctedText']) &&
    isText(v['note']) &&
    Array.isArray(v['pinned']) &&
    typeof v['publish'] === 'boolean' &&
    isText(v['publicExplanation']) &&
    typeof v['updatedAt'] === 'string' &&
    isInt(v['version'])
  )
}

const isEntryId = (v: unknown) => v === null || isInt(v)

export function isUndoState(v: unknown): v is UndoState {
  return (
    isObject(v) &&
    typeof v['canUndo'] === 'boolean' &&
    typeof v['canRedo'] === 'boolean' &&
    isEntryId(v['nextUndo']) &&
    isEntryId(v['nextRedo'])
  )
}

export function isDecisionChange(v: unknown): v is DecisionChange {
  return (
    isObject(v) &&
    isInt(v['checkId']) &&
    isDecision(v['decision']) &&
    isObject(v['entry']) &&
    isInt(v['entry']['id']) &&
    typeof v['entry']['claimId'] === 'string' &&
    isObject(v['entry']['after']) &&
    isUndoState(v['undo'])
  )
}

const REVIEW_STATE_SET = new Set<string>(REVIEW_STATES)

/** Enough of a review to show: its state, assignee, steps and the claims changed since a review. */
export function isReviewChange(v: unknown): v is ReviewChange {
  if (!isObject(v) || !isInt(v['checkId']) || !isObject(v['review'])) return false
  const review = v['review']
  const changed = review['changedSinceReview']
  return (
    REVIEW_STATE_SET.has(review['state'] as string) &&
    isText(review['assignee']) &&
    Array.isArray(review['claimAssignments']) &&
    Array.isArray(review['history']) &&
    review['history'].every((step) => isObject(step) && REVIEW_STATE_SET.has(step['state'] as string)) &&
    isObject(changed) &&
    Array.isArray(changed['claimIds']) &&
    changed['claimIds'].every((id) => typeof id === 'string')
  )
}
