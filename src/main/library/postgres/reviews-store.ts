// Assignments and review steps on PostgreSQL. A step locks the check's row first (FOR UPDATE), so
// two reviewers acting on one state, through any server on the database, take their steps one
// after the other and the second finds the state moved on.
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
import type { Db } from './connection'
import type { NoticeChannel } from './notice-channel'

/** What a review notice says: which check's review or assignments changed (read afresh by watchers). */
interface ReviewNotice {
  reviewOf: number
}

export function createReviewsStore(
  db: Db,
  notices: NoticeChannel,
  now: () => string = () => new Date().toISOString()
): ReviewsStore {
  const feed = createCheckFeed<object>()
  const notify = (tx: Db, checkId: number) => {
    const notice: ReviewNotice = { reviewOf: checkId }
    return tx.query('SELECT pg_notify($1, $2)', [notices.name, JSON.stringify(notice)])
  }
  function onNotice(payload: string): void {
    let notice: Partial<ReviewNotice>
    try {
      notice = JSON.parse(payload) as Partial<ReviewNotice>
    } catch {
      return
    }
    // A decision's notice shares the channel and names no review.
    if (typeof notice.reviewOf === 'number') feed.publish(notice.reviewOf, {})
  }

  return {
    async assignments(checkId) {
      const rows = await db.query<AssignmentRow>(
        `SELECT ${ASSIGNMENT_COLUMNS} FROM assignments WHERE check_id = $1 AND assignee IS NOT NULL
         ORDER BY claim_id COLLATE "C"`,
        [checkId]
      )
      return rows.map(toAssignment)
    },
    async assign(input, by) {
      // Inserted only for a check that exists: the same statement, so a check deleted meanwhile
      // leaves no assignment behind (nor a foreign-key error).
      const rows = await db.query(
        `INSERT INTO assignments (check_id, claim_id, assignee, assigned_by, assigned_at)
         SELECT id, $2, $3, $4, $5 FROM checks WHERE id = $1
         ON CONFLICT (check_id, claim_id) DO UPDATE SET assignee = excluded.assignee,
           assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at
         RETURNING check_id`,
        [input.checkId, input.claimId ?? WHOLE_CHECK, input.assignee, by, now()]
      )
      if (rows.length > 0) await notify(db, input.checkId)
      return rows.length > 0
    },
    async history(checkId) {
      const rows = await db.query<ReviewRow>(
        `SELECT ${REVIEW_COLUMNS} FROM review_history WHERE check_id = $1 ORDER BY id`,
        [checkId]
      )
      return rows.map(toReviewEvent)
    },
    async overview() {
      return (await db.query<OverviewRow>(OVERVIEW_SQL)).map(toOverview)
    },
    record: (input, actor) =>
      db.transaction(async (tx) => {
        const [check] = await tx.query('SELECT id FROM checks WHERE id = $1 FOR UPDATE', [input.checkId])
        if (!check) return null
        const [last] = await tx.query<{ state: ReviewState }>(
          'SELECT state FROM review_history WHERE check_id = $1 ORDER BY id DESC LIMIT 1',
          [input.checkId]
        )
        const current: ReviewState = last?.state ?? 'in_progress'
        if (current !== input.from) throw reviewMovedOn(input.from, current)
        const [row] = await tx.query<ReviewRow>(
          `INSERT INTO review_history (check_id, state, actor, at, comment, decision_entry)
           VALUES ($1, $2, $3, $4, $5,
             (SELECT max(id) FROM decision_history WHERE check_id = $1))
           RETURNING ${REVIEW_COLUMNS}`,
          [input.checkId, input.to, actor, now(), input.comment]
        )
        // Delivered on commit: no server hears of a step rolled back.
        await notify(tx, input.checkId)
        return toReviewEvent(row!)
      }),
    async watch(checkId, listener) {
      await notices.listen(onNotice)
      return feed.watch(checkId, listener)
    },
    async claimsChangedAfter(checkId, entryId) {
      const rows = await db.query<{ claim_id: string }>(
        `SELECT claim_id FROM decision_history WHERE check_id = $1 AND id > $2
         GROUP BY claim_id ORDER BY claim_id COLLATE "C"`,
        [checkId, entryId ?? 0]
      )
      return rows.map((r) => r.claim_id)
    }
  }
}
