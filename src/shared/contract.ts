// The API contract: the single declaration of every method the renderer may call.
// Main registers one handler per method (typed from here), both transports (IPC and HTTP)
// validate inputs and outputs against these schemas, and the renderer's clients are typed from
// the same map, so a renamed field breaks the build rather than the user.
import { z } from 'zod'
import { claimKindSchema } from './check'
import {
  importOutcomeSchema,
  paragraphSchema,
  searchHitSchema,
  READER_PAGE_MAX,
  textDetailSchema,
  textPageSchema,
  textRoleSchema,
  textSummarySchema
} from './domain'
import {
  checkDetailSchema,
  checkSummarySchema,
  decisionInputSchema,
  decisionSchema,
  historyEntrySchema,
  runningCheckSchema,
  undoOutcomeSchema
} from './workbench'
import { webAddressProblem } from './preference-rules'
import { memberNameSchema, memberRoleSchema, memberSchema, PASSWORD_MAX, passwordSchema } from './members'
import { preferencesChangeSchema, preferencesSchema } from './preferences'
import {
  assignableMemberSchema,
  checkReviewSchema,
  reviewActionSchema,
  reviewCommentSchema,
  reviewOverviewSchema,
  reviewStateSchema
} from './review'

const id = z.number().int().positive()

/** Where the bytes of an imported file come from. */
export const importSourceSchema = z.discriminatedUnion('kind', [
  /** A path on this machine. Accepted over IPC only: the browser cannot name server paths. */
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
  /** The file's contents, as sent by a browser (serve mode). */
  // 50 MB as base64 is 67 MB; anything larger is refused before decoding, as is anything not base64.
  z
    .object({
      kind: z.literal('bytes'),
      base64: z
        .string()
        .max(70_000_000)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')
    })
    .strict(),
  /**
   * A file the browser sent first as the body of POST /upload (serve mode), streamed to disk
   * rather than parsed as JSON on the thread that answers requests; named by the id that answered.
   */
  z
    .object({
      kind: z.literal('upload'),
      uploadId: z.string().regex(/^[A-Za-z0-9_-]{32}$/, 'not an upload id')
    })
    .strict()
])
export type ImportSource = z.infer<typeof importSourceSchema>

export const houseNameSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  note: z.string().nullable(),
  addedAt: z.string()
})

const compareSummarySchema = z.object({
  same: z.number().int(),
  changed: z.number().int(),
  moved: z.number().int(),
  added: z.number().int(),
  removed: z.number().int()
})
export type CompareSummary = z.infer<typeof compareSummarySchema>

const comparedSide = z.object({ index: z.number().int(), text: z.string() }).nullable()

/** A page of the document diff: two texts' paragraphs aligned, the rows from `offset` on. */
const comparePageSchema = z.object({
  left: textSummarySchema,
  right: textSummarySchema,
  /** Rows in the whole alignment. */
  total: z.number().int(),
  summary: compareSummarySchema,
  offset: z.number().int(),
  rows: z.array(
    z.object({
      kind: z.enum(['same', 'changed', 'moved', 'removed', 'added']),
      left: comparedSide,
      right: comparedSide,
      /** For changed and moved rows: how alike the two paragraphs' words are (0–1). */
      similarity: z.number().nullable()
    })
  )
})
export type ComparePage = z.infer<typeof comparePageSchema>
export type ComparedRow = ComparePage['rows'][number]

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output }
}

/** An editable metadata field: trimmed text, null to clear it, absent to leave it. */
const metaText = (max: number) => z.string().trim().max(max).nullable().optional()

/** Whether a date (and time) of the publication-date pattern names a day and hour that exist:
 * the pattern alone lets 2024-02-30 and 25:61 through. Anything not of the pattern is left to it. */
export function isRealDateTime(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value)
  if (!match) return true
  const part = (i: number) => Number(match[i] ?? 0)
  const date = new Date(Date.UTC(part(1), part(2) - 1, part(3)))
  return (
    date.getUTCFullYear() === part(1) &&
    date.getUTCMonth() === part(2) - 1 &&
    date.getUTCDate() === part(3) &&
    part(4) < 24 &&
    part(5) < 60 &&
    part(6) < 60
  )
}

export const contract = {
  'app.info': method(
    z.object({}).strict(),
    z.object({
      name: z.string(),
      version: z.string(),
      transport: z.enum(['ipc', 'http']),
      libraryPath: z.string(),
      textCount: z.number().int()
    })
  ),
  'library.list': method(
    z
      .object({
        role: textRoleSchema.optional(),
        limit: z.number().int().min(1).max(10_000).default(500),
        offset: z.number().int().min(0).default(0)
      })
      .strict(),
    z.object({ texts: z.array(textSummarySchema), total: z.number().int() })
  ),
  'library.get': method(z.object({ id }).strict(), textDetailSchema),
  /** A page of a text's paragraphs for the reader, with the start of the text as imported. */
  'library.read': method(
    z
      .object({
        id,
        offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
        limit: z.number().int().min(1).max(READER_PAGE_MAX).default(200)
      })
      .strict(),
    textPageSchema
  ),
  /** A text's summary and paragraphs only, a third of library.get's size. */
  'library.paragraphs': method(
    z.object({ id }).strict(),
    textSummarySchema.extend({ paragraphs: z.array(paragraphSchema) })
  ),
  /** The document diff, a page at a time: the rows on screen, each with its paragraphs' text. */
  'compare.rows': method(
    z
      .object({
        leftId: id,
        rightId: id,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(READER_PAGE_MAX)
      })
      .strict(),
    comparePageSchema
  ),
  'library.search': method(
    z
      .object({
        query: z.string().max(500),
        limit: z.number().int().min(1).max(200).default(50),
        /** false: paragraphs only (a passage to pin), no headline hits. */
        headlines: z.boolean().default(true)
      })
      .strict(),
    z.object({
      hits: z.array(searchHitSchema),
      /** When nothing matches: the query with a word spelled as the library spells it, each finding something. */
      suggestions: z.array(z.string())
    })
  ),
  'library.expandPaths': method(
    z.object({ paths: z.array(z.string().min(1).max(4096)).max(10_000) }).strict(),
    z.object({ files: z.array(z.object({ name: z.string(), path: z.string() })) })
  ),
  'library.importFile': method(
    z
      .object({
        name: z.string().min(1).max(1024),
        source: importSourceSchema,
        role: textRoleSchema.default('source'),
        /** Named by the caller, so that library.cancelImport can stop this file mid-parse. */
        importId: z.string().min(1).max(100).optional()
      })
      .strict(),
    importOutcomeSchema
  ),
  /** Stops the import of that id: its call fails with CANCELLED and the library keeps what it had. */
  'library.cancelImport': method(
    z.object({ importId: z.string().min(1).max(100) }).strict(),
    z.object({ cancelled: z.boolean() })
  ),
  'library.delete': method(z.object({ id }).strict(), z.object({ deleted: z.boolean() })),
  /** The checks a text takes part in, as story or source: what deleting it would touch. */
  'library.usage': method(
    z.object({ id }).strict(),
    z.object({
      checks: z.array(z.object({ id, title: z.string(), as: z.enum(['story', 'source']) }))
    })
  ),
  'library.setRole': method(z.object({ id, role: textRoleSchema }).strict(), textSummarySchema),
  /** Edits a text's headline, outlet, byline, date or address (null clears one); checks using it run again. */
  'library.setMeta': method(
    z
      .object({
        id,
        title: metaText(500),
        outlet: metaText(200),
        byline: metaText(300),
        publishedAt: z
          .string()
          .trim()
          .regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, {
            message: 'Give the date as YYYY-MM-DD, with a time if known (YYYY-MM-DDTHH:MM).'
          })
          .refine(isRealDateTime, { message: 'There is no such day or time: check the date.' })
          .nullable()
          .optional(),
        url: z
          .string()
          .trim()
          .max(2000)
          .regex(/^https?:\/\/\S+$/i, { message: 'Give the address as http:// or https://…' })
          // The rule the preferences use: no control characters ("\u0000" passed the pattern).
          .refine((v) => webAddressProblem(v) === null, {
            message: 'Give the address as http:// or https://…'
          })
          .nullable()
          .optional()
      })
      .strict(),
    textSummarySchema
  ),
  'houseNames.list': method(z.object({}).strict(), z.object({ names: z.array(houseNameSchema) })),
  'houseNames.add': method(
    z
      .object({ name: z.string().trim().min(1).max(200), note: z.string().max(500).nullable().default(null) })
      .strict(),
    houseNameSchema
  ),
  'houseNames.remove': method(z.object({ id }).strict(), z.object({ removed: z.boolean() })),
  /** Adds the names of a plain-text list (one per line); names already listed are skipped. */
  'houseNames.import': method(
    z.object({ text: z.string().max(500_000) }).strict(),
    z.object({ added: z.number().int(), skipped: z.number().int() })
  ),
  'houseNames.export': method(z.object({}).strict(), z.object({ fileName: z.string(), text: z.string() })),
  'checks.list': method(
    z.object({}).strict(),
    z.object({
      checks: z.array(checkSummarySchema),
      /** The checks assigned or under review, with their state; a check not listed is in progress, unassigned. */
      reviews: z.array(reviewOverviewSchema)
    })
  ),
  'checks.create': method(
    z.object({ storyId: id, sourceIds: z.array(id).max(100_000).nullable().default(null) }).strict(),
    checkSummarySchema
  ),
  'checks.get': method(z.object({ id }).strict(), checkDetailSchema),
  /** Runs the claim engine again (after sources changed); decisions stay with their claims. */
  'checks.rerun': method(z.object({ id }).strict(), checkDetailSchema),
  /** Chooses the sources a check compares with (null: every source in the library) and runs it again. */
  'checks.setSources': method(
    z.object({ id, sourceIds: z.array(id).max(100_000).nullable() }).strict(),
    checkDetailSchema
  ),
  'checks.delete': method(z.object({ id }).strict(), z.object({ deleted: z.boolean() })),
  /** The checks being computed now (create, rerun, sources or versions changed), with how far each got. */
  'checks.progress': method(z.object({}).strict(), z.object({ running: z.array(runningCheckSchema) })),
  /** Stops a check being computed: its call fails with CANCELLED and the library keeps what it had. */
  'checks.cancel': method(
    z.object({ jobId: z.string().min(1).max(100) }).strict(),
    z.object({ cancelled: z.boolean() })
  ),
  /** Compares a version of the story after all (include) or leaves it out again, and runs the check. */
  'checks.includeVersion': method(
    z.object({ id, sourceId: id, include: z.boolean() }).strict(),
    checkDetailSchema
  ),
  'checks.decide': method(
    decisionInputSchema,
    z.object({ decision: decisionSchema, entry: historyEntrySchema })
  ),
  /**
   * Reverses the check's last decision not yet undone, as read from its stored history. With
   * `entryId` (the undo state's nextUndo the editor saw), refused with CONFLICT when the check's
   * last change is another one: someone changed the check meanwhile.
   */
  'checks.undo': method(z.object({ checkId: id, entryId: id.optional() }).strict(), undoOutcomeSchema),
  /** Makes the last undone decision again; a decision made since then leaves nothing to redo. */
  'checks.redo': method(z.object({ checkId: id, entryId: id.optional() }).strict(), undoOutcomeSchema),
  /** The verification report as a file: the renderer offers it as a download or saves it. */
  'checks.export': method(
    z
      .object({
        id,
        format: z.enum(['html', 'pdf', 'md', 'csv', 'json', 'claimreview']),
        newsroom: z.string().max(200).nullable().default(null),
        checkedBy: z.string().max(200).nullable().default(null),
        /** Names the export so checks.cancelExport can stop it. */
        exportId: z.string().min(1).max(100).optional()
      })
      .strict(),
    z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() })
  ),
  /** Stops the export of that id: it fails with CANCELLED. false when it is not running (it may not have arrived yet; it is then refused when it does). */
  'checks.cancelExport': method(
    z.object({ exportId: z.string().min(1).max(100) }).strict(),
    z.object({ cancelled: z.boolean() })
  ),
  /** Adds a claim the engine missed: the story text the editor selected, as the kind chosen. */
  'checks.addClaim': method(
    z
      .object({
        checkId: id,
        kind: claimKindSchema,
        start: z.number().int().min(0).max(100_000_000),
        end: z.number().int().min(1).max(100_000_000)
      })
      .strict()
      .refine((s) => s.end > s.start, { message: 'The selection is empty.', path: ['end'] }),
    z.object({ claimId: z.string(), detail: checkDetailSchema })
  ),
  'checks.history': method(
    z.object({ checkId: id, claimId: z.string().max(200).optional() }).strict(),
    z.object({ entries: z.array(historyEntrySchema) })
  ),
  /**
   * Assigns the check (claimId left out) or one of its claims to an active member of the desk, or
   * clears it (null). Recorded with who did it; on a desk only.
   */
  'checks.assign': method(
    z
      .object({
        checkId: id,
        claimId: z.string().min(1).max(200).optional(),
        assignee: memberNameSchema.nullable()
      })
      .strict(),
    checkReviewSchema
  ),
  /**
   * A step of the check's review: submit (ready for review), approve, return (with a comment), or
   * reopen. Approving and returning are a reviewer's or admin's. With `from` (the state the caller
   * saw), refused with CONFLICT when the review has moved on meanwhile.
   */
  'checks.review': method(
    z
      .object({
        checkId: id,
        action: reviewActionSchema,
        comment: reviewCommentSchema,
        from: reviewStateSchema.optional()
      })
      .strict(),
    checkReviewSchema
  ),
  /** The newsroom, its web address and the checker's name: what reports are signed with. */
  'preferences.get': method(z.object({}).strict(), preferencesSchema),
  /** Changes the preferences given (an empty value clears one); answers with all of them. */
  'preferences.set': method(preferencesChangeSchema, preferencesSchema),
  /** A desk's members, active and disabled (admins only). */
  'members.list': method(z.object({}).strict(), z.object({ members: z.array(memberSchema) })),
  /** Adds a member with a role and a first password (admins only). */
  'members.add': method(
    z.object({ name: memberNameSchema, role: memberRoleSchema, password: passwordSchema }).strict(),
    memberSchema
  ),
  /** The desk's active members, by name, whom work can be assigned to (any member; none off a desk). */
  'members.assignable': method(z.object({}).strict(), z.object({ members: z.array(assignableMemberSchema) })),
  /** Disables a member: they cannot sign in and their sessions end (admins only). */
  'members.disable': method(z.object({ id }).strict(), memberSchema),
  /** Lets a disabled member sign in again, with the password they had (admins only). */
  'members.enable': method(z.object({ id }).strict(), memberSchema),
  /** Gives a member a new password, ending their sessions (admins only; their own is changed with account.changePassword). */
  'members.setPassword': method(z.object({ id, password: passwordSchema }).strict(), memberSchema),
  /**
   * The signed-in member changes their own password, giving the current one; their other sessions
   * end, this one stays. On a desk only.
   */
  'account.changePassword': method(
    z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: passwordSchema }).strict(),
    z.object({ changed: z.literal(true) })
  )
} as const

/** Methods only a desk's admin may call; refused in dispatch for anyone else, and off a desk. */
export const ADMIN_METHODS: ReadonlySet<string> = new Set([
  'members.list',
  'members.add',
  'members.disable',
  'members.enable',
  'members.setPassword'
])

export type Contract = typeof contract
export type MethodName = keyof Contract
/** What a caller passes: defaults may be left out. */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
/** What a handler receives, after validation filled in defaults. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

export const methodNames = Object.keys(contract) as MethodName[]

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/** The one interface the renderer talks to; it does not know which transport is behind it. */
export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  /**
   * Sends a file ahead of its import and answers the source library.importFile takes. Only over
   * HTTP (serve mode): the desktop app sends a file's path, or its bytes over IPC.
   */
  upload?(file: Blob, signal?: AbortSignal): Promise<ImportSource>
}
