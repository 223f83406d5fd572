// The open check's assignment and review steps, as this member takes them. The review itself is
// kept with the open check (stores/checks.ts), where the live stream updates it; this store calls
// the server and hands it each answer, and knows whom work can be assigned to.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AssignableMember } from '../../../shared/review'
import type { ReviewAction } from '../../../shared/review-rules'
import { api } from '../api'
import { errorCapture } from './capture-error'
import { useChecksStore } from './checks'

export const useReviewStore = defineStore('review', () => {
  const checks = useChecksStore()
  const assignable = ref<AssignableMember[]>([])
  const error = ref<string | null>(null)
  const busy = ref(false)
  const attempt = errorCapture(error)

  async function loadAssignable(): Promise<void> {
    const got = await attempt(() => api.call('members.assignable', {}))
    if (got) assignable.value = got.members
  }

  /** Runs a call answering with the check's review; a refusal leaves its sentence and the review read afresh. */
  async function changeReview(
    call: (checkId: number) => ReturnType<typeof api.call<'checks.review'>>
  ): Promise<boolean> {
    const checkId = checks.detail?.check.id
    if (checkId === undefined) return false
    busy.value = true
    try {
      const review = await attempt(() => call(checkId))
      if (review) {
        checks.takeReview({ checkId, review })
        return true
      }
      const got = await api.call('checks.get', { id: checkId }).catch(() => null)
      if (got) checks.takeReview({ checkId, review: got.review })
      return false
    } finally {
      busy.value = false
    }
  }

  const step = (action: ReviewAction, comment: string | null = null): Promise<boolean> =>
    changeReview((checkId) =>
      api.call('checks.review', { checkId, action, comment, from: checks.review?.state ?? 'in_progress' })
    )

  /** Assigns the check (no claim) or a claim to a member, or clears it (null). */
  const assign = (assignee: string | null, claimId?: string): Promise<boolean> =>
    changeReview((checkId) =>
      api.call('checks.assign', { checkId, assignee, ...(claimId === undefined ? {} : { claimId }) })
    )

  return { assignable, error, busy, loadAssignable, step, assign }
})
