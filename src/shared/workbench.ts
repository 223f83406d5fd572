// Checks and the editor's decisions: what the workbench reads and writes. Zod only, so the
// renderer can import it.
import { z } from 'zod'
import { checkResultSchema } from './check'
import { PUBLIC_EXPLANATION_MAX } from './limits'
import { checkReviewSchema } from './review'

export const decisionStatusSchema = z.enum(['open', 'verified', 'disputed', 'corrected', 'dismissed'])
export type DecisionStatus = z.infer<typeof decisionStatusSchema>

/** A source passage the editor pinned as the evidence for a decision. */
export const pinnedEvidenceSchema = z
  .object({
    sourceId: z.number().int(),
    paragraphIndex: z.number().int().min(0),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    text: z.string().max(20_000),
    /** The source's title when pinned: the passage keeps it if the source is later deleted. */
    sourceTitle: z.string().max(1_000).nullable().optional()
  })
  .strict()
export type PinnedEvidence = z.infer<typeof pinnedEvidenceSchema>

export const decisionSchema = z.object({
  claimId: z.string(),
  status: decisionStatusSchema,
  correctedText: z.string().nullable(),
  note: z.string().nullable(),
  pinned: z.array(pinnedEvidenceSchema),
  /** Whether the claim goes into the public ClaimReview (only a verdict is published). */
  publish: z.boolean(),
  /** What a reader of the ClaimReview is told (its reviewBody); the note stays private. */
  publicExplanation: z.string().nullable(),
  updatedAt: z.string(),
  /**
   * How many times this claim's decision has changed (undo and redo included); 0 for a claim not
   * yet decided. A decide names the version it was made on and is refused if it is no longer current.
   */
  version: z.number().int().min(0),
  /** Who made it: a desk member, the checker named in the preferences, or null when unknown. */
  actor: z.string().nullable().optional()
})
export type Decision = z.infer<typeof decisionSchema>

/** A decision as a history entry recorded it: entries written before versions existed have none. */
export const recordedDecisionSchema = decisionSchema.extend({ version: z.number().int().min(0).optional() })
export type RecordedDecision = z.infer<typeof recordedDecisionSchema>

export const historyEntrySchema = z.object({
  id: z.number().int(),
  claimId: z.string(),
  at: z.string(),
  before: recordedDecisionSchema.nullable(),
  after: recordedDecisionSchema,
  /** Present on an entry written by Undo: the entry it reversed. */
  undoes: z.number().int().optional(),
  /** Present on an entry written by Redo: the entry it made again. */
  redoes: z.number().int().optional(),
  /** Who made the change (as Decision.actor); null for entries from before it was recorded. */
  actor: z.string().nullable().optional()
})
export type HistoryEntry = z.infer<typeof historyEntrySchema>

/**
 * Whether a check has a change to undo or to redo, read from its stored history, and which
 * entries those are: an undo or redo names the entry it means, so it never reverses a change
 * made meanwhile by someone else that the editor has not seen.
 */
export const undoStateSchema = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** The entry Undo would reverse; null when there is none. */
  nextUndo: z.number().int().nullable(),
  /** The entry Redo would make again; null when there is none. */
  nextRedo: z.number().int().nullable()
})
export type UndoState = z.infer<typeof undoStateSchema>

/** What Undo or Redo did: the decision written and its history entry, or nothing to do. */
export const undoOutcomeSchema = undoStateSchema.extend({
  change: z.object({ decision: decisionSchema, entry: historyEntrySchema }).nullable()
})
export type UndoOutcome = z.infer<typeof undoOutcomeSchema>

export const checkSummarySchema = z.object({
  id: z.number().int(),
  storyId: z.number().int(),
  title: z.string(),
  /** The sources chosen for this check; null means every source in the library. */
  sourceIds: z.array(z.number().int()).nullable(),
  total: z.number().int(),
  decided: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type CheckSummary = z.infer<typeof checkSummarySchema>

export const checkDetailSchema = z.object({
  check: checkSummarySchema,
  story: z.object({
    id: z.number().int(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    publishedAt: z.string().nullable(),
    /** The cleaned story text the claim offsets point into. */
    text: z.string()
  }),
  result: checkResultSchema,
  decisions: z.array(decisionSchema),
  /** Sources added to or gone from the check's scope since it last ran; null when none. */
  staleSources: z.object({ added: z.array(z.number().int()), removed: z.array(z.number().int()) }).nullable(),
  undo: undoStateSchema,
  /** Who checks it and where its review stands. */
  review: checkReviewSchema
})
export type CheckDetail = z.infer<typeof checkDetailSchema>

/**
 * The decision an editor sends; corrected wording is required for “corrected”. publish and
 * publicExplanation left out keep what the claim's decision has (unpublished, none for a new
 * one), so a caller that only changes the status cannot withdraw a claim from publication by
 * accident. A blank explanation is none.
 */
export const decisionInputSchema = z
  .object({
    checkId: z.number().int().positive(),
    claimId: z.string().min(1).max(200),
    status: decisionStatusSchema,
    correctedText: z.string().max(20_000).nullable().default(null),
    note: z.string().max(20_000).nullable().default(null),
    pinned: z.array(pinnedEvidenceSchema).max(50).default([]),
    publish: z.boolean().optional(),
    publicExplanation: z
      .string()
      .trim()
      .max(PUBLIC_EXPLANATION_MAX)
      .transform((text) => text || null)
      .nullable()
      .optional(),
    /**
     * The version of the claim's decision the editor saw (0: undecided). When it is no longer
     * current the decision is refused with CONFLICT and the current one. Left out, the decision
     * is written whatever is there (scripts; the app always sends it).
     */
    version: z.number().int().min(0).optional()
  })
  .strict()
  .refine((d) => d.status !== 'corrected' || (d.correctedText ?? '').trim().length > 0, {
    message: 'A correction needs the corrected wording.',
    path: ['correctedText']
  })
export type DecisionInput = z.infer<typeof decisionInputSchema>

/** A check being computed: of its story (a new check) or of a check run again. */
export const runningCheckSchema = z.object({
  id: z.string(),
  storyId: z.number().int(),
  checkId: z.number().int().nullable(),
  /** Claims related to the sources so far, of `total` (0 of 0 while the story is read). */
  related: z.number().int().min(0),
  total: z.number().int().min(0)
})
export type RunningCheck = z.infer<typeof runningCheckSchema>

/** A decision written to a check, as the live feed (serve mode's /events) delivers it. */
export const decisionChangeSchema = z.object({
  checkId: z.number().int(),
  decision: decisionSchema,
  entry: historyEntrySchema,
  undo: undoStateSchema
})
export type DecisionChange = z.infer<typeof decisionChangeSchema>
