// Assignments and review steps in SQLite. A step is written in an IMMEDIATE transaction that
// first reads the check's state, so two reviewers acting on one state (here or in another process
// on the same file) never both succeed.
import type { Database } from 'better-sqlite3'
import type { ReviewState } from '../../../shared/review-rules'
import {
  ASSIGNMENT_COLUMNS,
  OVERVIEW_SQL,
  REVIEW_COLUMNS,
  reviewMovedOn,
  toAssignment,
  toReviewEvent,
  WHOLE_CHECK,
  toOverview,
  type AssignmentRow,
  type OverviewRow,
  type ReviewRow
} from '../review-rows'
import { createCheckFeed } from '../decision-feed'
import type { ReviewsStore } from '../store'

export function createReviewsStore(
  db: Database,
  now: () => string = () => new Date().toISOString()
): ReviewsStore {
  const stmt = {
    checkExists: db.prepare<[number], { id: number }>('SELECT id FROM checks WHERE id = ?'),
    assignments: db.prepare<[number], AssignmentRow>(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM assignments WHERE check_id = ? AND assignee IS NOT NULL
       ORDER BY claim_id`
    ),
    assign: db.prepare(
      `INSERT INTO assignments (check_id, claim_id, assignee, assigned_by, assigned_at)
       VALUES (@checkId, @claimId, @assignee, @by, @at)
       ON CONFLICT (check_id, claim_id) DO UPDATE SET assignee = excluded.assignee,
         assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at`
    ),
    overview: db.prepare<[], OverviewRow>(OVERVIEW_SQL),
    history: db.prepare<[number], ReviewRow>(
      `SELECT ${REVIEW_COLUMNS} FROM review_history WHERE check_id = ? ORDER BY id`
    ),
    lastState: db.prepare<[number], { state: ReviewState }>(
      'SELECT state FROM review_history WHERE check_id = ? ORDER BY id DESC LIMIT 1'
    ),
    lastEntry: db.prepare<[number], { id: number | null }>(
      'SELECT max(id) AS id FROM decision_history WHERE check_id = ?'
    ),
    record: db.prepare(
      `INSERT INTO review_history (check_id, state, actor, at, comment, decision_entry)
       VALUES (@checkId, @state, @actor, @at, @comment, @decisionEntry)`
    ),
    changedAfter: db.prepare<[number, number], { claim_id: string }>(
      'SELECT DISTINCT claim_id FROM decision_history WHERE check_id = ? AND id > ? ORDER BY claim_id'
    )
  }

  const recordTx = db.transaction(
    (
      input: { checkId: number; from: ReviewState; to: ReviewState; comment: string | null },
      actor: string | null
    ) => {
      if (!stmt.checkExists.get(input.checkId)) return null
      const current: ReviewState = stmt.lastState.get(input.checkId)?.state ?? 'in_progress'
      if (current !== input.from) throw reviewMovedOn(input.from, current)
      const row = {
        checkId: input.checkId,
        state: input.to,
        actor,
        at: now(),
        comment: input.comment,
        decisionEntry: stmt.lastEntry.get(input.checkId)?.id ?? null
      }
      const info = stmt.record.run(row)
      return toReviewEvent({ ...row, id: Number(info.lastInsertRowid), decision_entry: row.decisionEntry })
    }
  )

  const feed = createCheckFeed<object>()

  return {
    assignments: async (checkId) => stmt.assignments.all(checkId).map(toAssignment),
    async assign(input, by) {
      if (!stmt.checkExists.get(input.checkId)) return false
      stmt.assign.run({
        checkId: input.checkId,
        claimId: input.claimId ?? WHOLE_CHECK,
        assignee: input.assignee,
        by,
        at: now()
      })
      feed.publish(input.checkId, {})
      return true
    },
    history: async (checkId) => stmt.history.all(checkId).map(toReviewEvent),
    overview: async () => stmt.overview.all().map(toOverview),
    async record(input, actor) {
      const step = recordTx.immediate(input, actor)
      // Watchers hear of a step once it is committed, never of one refused.
      if (step) feed.publish(input.checkId, {})
      return step
    },
    watch: async (checkId, listener) => feed.watch(checkId, listener),
    claimsChangedAfter: async (checkId, entryId) =>
      stmt.changedAfter.all(checkId, entryId ?? 0).map((r) => r.claim_id)
  }
}
