// Assignment and review of a check, as the API carries them. Zod schemas on the zod-free rules
// of review-rules.ts, which the renderer uses without a validator.
import { z } from 'zod'
import { memberRoleSchema } from './members'
import { REVIEW_ACTIONS, REVIEW_COMMENT_MAX, REVIEW_STATES } from './review-rules'

export const reviewStateSchema = z.enum(REVIEW_STATES)
export const reviewActionSchema = z.enum(REVIEW_ACTIONS)

/** One step of a check's review, as its history keeps it. */
export const reviewEventSchema = z.object({
  id: z.number().int(),
  state: reviewStateSchema,
  /** Who took the step: a desk member, the checker named in the preferences, or null. */
  actor: z.string().nullable(),
  at: z.string(),
  comment: z.string().nullable(),
  /** The check's last decision history entry at that moment: later entries changed since. */
  decisionEntry: z.number().int().nullable()
})
export type ReviewEvent = z.infer<typeof reviewEventSchema>

/** Who a check (claimId null) or one of its claims is assigned to, and who said so. */
export const assignmentSchema = z.object({
  claimId: z.string().nullable(),
  assignee: z.string(),
  assignedBy: z.string().nullable(),
  assignedAt: z.string()
})
export type Assignment = z.infer<typeof assignmentSchema>

export const checkReviewSchema = z.object({
  state: reviewStateSchema,
  /** Who checks the story; null while no one is assigned. */
  assignee: z.string().nullable(),
  /** The check's assignment as recorded: who made it and when; null while no one is assigned. */
  assignment: assignmentSchema.nullable(),
  /** Claims assigned to a member, each apart from the check's own assignee. */
  claimAssignments: z.array(assignmentSchema),
  /** Every step, oldest first. */
  history: z.array(reviewEventSchema),
  /**
   * Claims whose decisions changed after the last approval or return (`since`); none while the
   * check was never reviewed.
   */
  changedSinceReview: z.object({
    since: reviewEventSchema.nullable(),
    claimIds: z.array(z.string())
  })
})
export type CheckReview = z.infer<typeof checkReviewSchema>

/** A comment as sent: trimmed, and a blank one is none. */
export const reviewCommentSchema = z
  .string()
  .trim()
  .max(REVIEW_COMMENT_MAX)
  .transform((text) => text || null)
  .nullable()
  .default(null)

/** The members work can be assigned to: active ones, by name. */
export const assignableMemberSchema = z.object({ name: z.string(), role: memberRoleSchema })
export type AssignableMember = z.infer<typeof assignableMemberSchema>

/** A check's review after a step or an assignment, as the live feed (serve mode's /events) delivers it. */
export const reviewChangeSchema = z.object({ checkId: z.number().int(), review: checkReviewSchema })
export type ReviewChange = z.infer<typeof reviewChangeSchema>

/** A check's review at a glance, for the checks list: its state and who checks it. */
export const reviewOverviewSchema = z.object({
  checkId: z.number().int(),
  state: reviewStateSchema,
  assignee: z.string().nullable()
})
export type ReviewOverview = z.infer<typeof reviewOverviewSchema>
