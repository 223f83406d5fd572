// Assignments and review steps as both stores' tables hold them (the same columns in SQLite and
// PostgreSQL), and the refusal both give when a check's review moved on meanwhile.
import { ApiError } from '../../shared/errors'
import type { Assignment, ReviewEvent } from '../../shared/review'
import { REVIEW_STATE_LABELS, type ReviewState } from '../../shared/review-rules'

/**
 * The claim_id an assignment of the check as a whole is stored under. Not NULL: the pair
 * (check_id, claim_id) is the key, and no claim id is empty.
 */
export const WHOLE_CHECK = ''

export interface AssignmentRow {
  claim_id: string
  assignee: string
  assigned_by: string | null
  assigned_at: string
}

export const ASSIGNMENT_COLUMNS = 'claim_id, assignee, assigned_by, assigned_at'

export function toAssignment(row: AssignmentRow): Assignment {
  return {
    claimId: row.claim_id === WHOLE_CHECK ? null : row.claim_id,
    assignee: row.assignee,
    assignedBy: row.assigned_by,
    assignedAt: row.assigned_at
  }
}

export interface ReviewRow {
  id: number
  state: ReviewState
  actor: string | null
  at: string
  comment: string | null
  decision_entry: number | null
}

export const REVIEW_COLUMNS = 'id, state, actor, at, comment, decision_entry'

export function toReviewEvent(row: ReviewRow): ReviewEvent {
  return {
    id: Number(row.id),
    state: row.state,
    actor: row.actor,
    at: row.at,
    comment: row.comment,
    decisionEntry: row.decision_entry === null ? null : Number(row.decision_entry)
  }
}

/** The refusal of a step taken on a review state that is no longer the check's. */
export function reviewMovedOn(expected: ReviewState, current: ReviewState): ApiError {
  return new ApiError(
    'CONFLICT',
    `The check is now ${REVIEW_STATE_LABELS[current].toLowerCase()}, not ${REVIEW_STATE_LABELS[
      expected
    ].toLowerCase()}: someone took a step meanwhile. Nothing was changed.`,
    { state: current }
  )
}

/**
 * Each check's last review step and its assignee, for checks that have either; the same SQL on
 * both stores.
 */
export const OVERVIEW_SQL = `
  SELECT check_id, state, assignee FROM (
    SELECT c.id AS check_id,
      (SELECT r.state FROM review_history r WHERE r.check_id = c.id ORDER BY r.id DESC LIMIT 1) AS state,
      (SELECT a.assignee FROM assignments a WHERE a.check_id = c.id AND a.claim_id = '') AS assignee
    FROM checks c
  ) AS o WHERE state IS NOT NULL OR assignee IS NOT NULL ORDER BY check_id`

export interface OverviewRow {
  check_id: number
  state: ReviewState | null
  assignee: string | null
}

export const toOverview = (row: OverviewRow) => ({
  checkId: Number(row.check_id),
  state: row.state ?? ('in_progress' as const),
  assignee: row.assignee
})
