// What a reviewer has not seen yet, kept current as decisions arrive: the server says which claims
// changed since the last review when the check opens, and every decision after that review's last
// entry (this tab's own or another editor's, live) joins them.
import type { CheckReview } from '../../../shared/review'

export function noteDecision(review: CheckReview, entry: { id: number; claimId: string }): CheckReview {
  const since = review.changedSinceReview.since
  if (!since || entry.id <= (since.decisionEntry ?? 0)) return review
  if (review.changedSinceReview.claimIds.includes(entry.claimId)) return review
  return {
    ...review,
    changedSinceReview: { since, claimIds: [...review.changedSinceReview.claimIds, entry.claimId] }
  }
}

/** The last step's comment when the check was returned: what its checker must see first. */
export function returnComment(
  review: CheckReview
): { by: string | null; at: string; comment: string } | null {
  const last = review.history.at(-1)
  if (review.state !== 'returned' || !last?.comment) return null
  return { by: last.actor, at: last.at, comment: last.comment }
}
