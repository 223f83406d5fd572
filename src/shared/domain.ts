// Domain types shared by main, preload and renderer. Pure types and zod schemas only:
// this file must stay importable from the browser, so no Node or Electron imports.
import { z } from 'zod'

export const textRoleSchema = z.enum(['story', 'source'])
export type TextRole = z.infer<typeof textRoleSchema>

export const documentFormatSchema = z.enum(['txt', 'md', 'html', 'docx', 'pdf'])
export type DocumentFormat = z.infer<typeof documentFormatSchema>

/** Bibliographic facts about a text, each null where the text does not say. */
export const textMetaSchema = z.object({
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  byline: z.string().nullable(),
  /** ISO 8601: a full date-time when the text gives a time, otherwise YYYY-MM-DD. */
  publishedAt: z.string().nullable(),
  url: z.string().nullable()
})
export type TextMeta = z.infer<typeof textMetaSchema>

/** A piece of page furniture the cleaner removed, kept so the editor can see what went. */
export const removedBlockSchema = z.object({
  text: z.string(),
  reason: z.string()
})
export type RemovedBlock = z.infer<typeof removedBlockSchema>

/** What the import core makes of one file: everything the library stores about it. */
export interface ParsedDocument extends TextMeta {
  format: DocumentFormat
  /** Name of the text encoding the bytes were decoded with (for .docx/.pdf: the container's). */
  encoding: string
  /** The decoded text as imported, before cleaning (for HTML: the markup as text). */
  originalText: string
  /** Story paragraphs after cleaning, in order; cleanedText is these joined by a blank line. */
  paragraphs: string[]
  cleanedText: string
  removed: RemovedBlock[]
}

export const importRejectionCodeSchema = z.enum([
  'IMPORT_EMPTY',
  'IMPORT_BINARY',
  'IMPORT_TOO_LARGE',
  'IMPORT_UNREADABLE',
  'IMPORT_UNSUPPORTED'
])
export type ImportRejectionCode = z.infer<typeof importRejectionCodeSchema>

export const importOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('imported'),
    name: z.string(),
    id: z.number().int(),
    title: z.string().nullable()
  }),
  z.object({
    status: z.literal('duplicate'),
    name: z.string(),
    id: z.number().int(),
    title: z.string().nullable()
  }),
  z.object({
    status: z.literal('rejected'),
    name: z.string(),
    code: importRejectionCodeSchema,
    message: z.string()
  })
])
export type ImportOutcome = z.infer<typeof importOutcomeSchema>

export const textSummarySchema = textMetaSchema.extend({
  id: z.number().int(),
  role: textRoleSchema,
  format: documentFormatSchema,
  fileName: z.string(),
  importedAt: z.string(),
  paragraphCount: z.number().int(),
  wordCount: z.number().int()
})
export type TextSummary = z.infer<typeof textSummarySchema>

export const paragraphSchema = z.object({
  id: z.number().int(),
  /** Position within the text, from 0. */
  index: z.number().int(),
  text: z.string(),
  /** Character offset of this paragraph inside the text's cleanedText. */
  start: z.number().int()
})
export type Paragraph = z.infer<typeof paragraphSchema>

export const textDetailSchema = textSummarySchema.extend({
  encoding: z.string(),
  contentHash: z.string(),
  originalText: z.string(),
  cleanedText: z.string(),
  paragraphs: z.array(paragraphSchema),
  removed: z.array(removedBlockSchema)
})
export type TextDetail = z.infer<typeof textDetailSchema>

/** One screenful of a text for the reader: a page of paragraphs, and the start of the text as
 * imported. A 50 MB text is read a page at a time, never sent whole. */
export const textPageSchema = textSummarySchema.extend({
  encoding: z.string(),
  removed: z.array(removedBlockSchema),
  offset: z.number().int(),
  paragraphs: z.array(paragraphSchema),
  /** The text as imported, its first READER_ORIGINAL_CHARS characters. */
  originalText: z.string(),
  originalLength: z.number().int()
})
export type TextPage = z.infer<typeof textPageSchema>

export const READER_PAGE_MAX = 500
export const READER_ORIGINAL_CHARS = 200_000

const hitFields = {
  textId: z.number().int(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /**
   * The matching paragraph cut to a window around the match (or the whole headline), as
   * plain-text segments; `match: true` segments are the hit terms. Segments, not markup, so no
   * source text is ever rendered as HTML.
   */
  snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
  /** bm25 within its own index (headlines or paragraphs): lower is better. */
  rank: z.number()
}

/** A search hit: a paragraph of a text, or a text's headline. */
export const searchHitSchema = z.discriminatedUnion('field', [
  z.object({
    field: z.literal('paragraph'),
    paragraphId: z.number().int(),
    paragraphIndex: z.number().int(),
    ...hitFields
  }),
  z.object({ field: z.literal('headline'), ...hitFields })
])
export type SearchHit = z.infer<typeof searchHitSchema>
export type ParagraphHit = Extract<SearchHit, { field: 'paragraph' }>
