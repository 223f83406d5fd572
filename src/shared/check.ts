// The check result: the claims of a story, each with its evidence from the sources.
// This is a stable public format (the CLI's JSON, schemas/check-result.schema.json): add fields,
// never rename them.
import { z } from 'zod'

export const claimKindSchema = z.enum([
  'date',
  'quantity',
  'money',
  'person',
  'organization',
  'place',
  'role',
  'event',
  'quote'
])
export type ClaimKind = z.infer<typeof claimKindSchema>

export const relationSchema = z.enum(['supports', 'contradicts', 'partial', 'mentions'])
export type Relation = z.infer<typeof relationSchema>

export const suggestedStatusSchema = z.enum([
  'corroborated',
  'partly-corroborated',
  'conflicting',
  'single-source',
  'unsupported',
  'spelling-to-check'
])
export type SuggestedStatus = z.infer<typeof suggestedStatusSchema>

/** How much a claim needs the editor: attention first; background (bare names of places and
 * organizations, a name inside its titled form) hidden from the checklist by default. */
export const claimPrioritySchema = z.enum(['attention', 'check', 'background'])
export type ClaimPriority = z.infer<typeof claimPrioritySchema>

export const flagKindSchema = z.enum([
  'spelling-to-check',
  'spelling-variant',
  'hedged-difference',
  'conflicting-value',
  'weekday-mismatch',
  'relative-date',
  'inconsistent-figure'
])
export type FlagKind = z.infer<typeof flagKindSchema>

export const spanSchema = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) })

export const flagSchema = z.object({ kind: flagKindSchema, message: z.string() })
export type Flag = z.infer<typeof flagSchema>

export const evidenceSchema = z.object({
  sourceId: z.number().int(),
  sourceTitle: z.string().nullable(),
  outlet: z.string().nullable(),
  paragraphIndex: z.number().int(),
  /** The exact source span: text === paragraph.slice(start, end). */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  relation: relationSchema,
  reason: z.string()
})
export type Evidence = z.infer<typeof evidenceSchema>

export const claimSchema = z.object({
  id: z.string(),
  kind: claimKindSchema,
  /** The exact span of the story: text === story.slice(start, end). */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  sentence: spanSchema,
  normalized: z.record(z.string(), z.unknown()),
  status: suggestedStatusSchema,
  priority: claimPrioritySchema.optional(),
  flags: z.array(flagSchema),
  evidence: z.array(evidenceSchema),
  /** Sources that say nothing about this claim. */
  silent: z.array(z.number().int()),
  /** Present when the editor added the claim by selecting story text; engine claims omit it. */
  origin: z.literal('editor').optional()
})
export type CheckedClaim = z.infer<typeof claimSchema>

export const checkSourceSchema = z.object({
  id: z.number().int(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable()
})

// Loose at the top level: exports add fields (decisions, history) and older readers must accept them.
export const checkResultSchema = z.looseObject({
  version: z.literal(1),
  story: z.object({
    id: z.number().int(),
    title: z.string().nullable(),
    publishedAt: z.string().nullable(),
    /** An undated story's date, proposed from the date most of its sources carry: for the editor to confirm. */
    inferredDate: z.string().optional(),
    inferredFrom: z.array(z.number().int()).optional()
  }),
  sources: z.array(checkSourceSchema),
  /**
   * Other versions of the story among the sources (a draft, a corrected copy, the same wire
   * story): left out of the comparison unless the editor included them.
   */
  versions: z
    .array(
      z.object({
        id: z.number().int(),
        title: z.string().nullable(),
        /** Share of the story's paragraphs the text repeats word for word, 0–1. */
        share: z.number(),
        included: z.boolean()
      })
    )
    .optional(),
  claims: z.array(claimSchema),
  generatedAt: z.string()
})
export type CheckResult = z.infer<typeof checkResultSchema>
