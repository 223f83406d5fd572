// Rows as every store's tables hold them (the same column names in SQLite and PostgreSQL), and
// the rules both stores apply when writing a decision: one definition, so the two cannot drift.
import type { CheckResult } from '../../shared/check'
import type {
  DocumentFormat,
  RemovedBlock,
  SearchHit,
  TextDetail,
  TextRole,
  TextSummary
} from '../../shared/domain'
import type {
  CheckSummary,
  Decision,
  DecisionInput,
  HistoryEntry,
  PinnedEvidence,
  UndoState
} from '../../shared/workbench'
import { ApiError } from '../../shared/errors'
import { splitHighlighted } from './fts-query'

export interface SummaryRow {
  id: number
  role: TextRole
  format: DocumentFormat
  file_name: string
  title: string | null
  outlet: string | null
  byline: string | null
  published_at: string | null
  url: string | null
  imported_at: string
  word_count: number
  paragraph_count: number
}

export function toSummary(row: SummaryRow): TextSummary {
  return {
    id: row.id,
    role: row.role,
    format: row.format,
    fileName: row.file_name,
    title: row.title,
    outlet: row.outlet,
    byline: row.byline,
    publishedAt: row.published_at,
    url: row.url,
    importedAt: row.imported_at,
    paragraphCount: row.paragraph_count,
    wordCount: row.word_count
  }
}

export interface CheckRow {
  id: number
  story_id: number
  title: string
  source_ids_json: string | null
  result_json: string
  created_at: string
  updated_at: string
  decided: number
}

export function toCheckSummary(row: CheckRow, result?: CheckResult): CheckSummary {
  const parsed = result ?? (JSON.parse(row.result_json) as CheckResult)
  return {
    id: row.id,
    storyId: row.story_id,
    title: row.title,
    sourceIds: row.source_ids_json ? (JSON.parse(row.source_ids_json) as number[]) : null,
    total: parsed.claims.length,
    decided: row.decided,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

export interface DecisionRow {
  claim_id: string
  status: Decision['status']
  corrected_text: string | null
  note: string | null
  pinned_json: string
  /** SQLite has no boolean type: 0 or 1 there, a boolean in PostgreSQL. */
  publish: 0 | 1 | boolean
  public_explanation: string | null
  updated_at: string
  version: number
  actor: string | null
}

export function toDecision(row: DecisionRow): Decision {
  return {
    claimId: row.claim_id,
    status: row.status,
    correctedText: row.corrected_text,
    note: row.note,
    pinned: JSON.parse(row.pinned_json) as PinnedEvidence[],
    publish: row.publish === 1 || row.publish === true,
    publicExplanation: row.public_explanation,
    updatedAt: row.updated_at,
    version: Number(row.version),
    actor: row.actor
  }
}

export const DECISION_COLUMNS =
  'claim_id, status, corrected_text, note, pinned_json, publish, public_explanation, updated_at, version, actor'

export interface HistoryRow {
  id: number
  claim_id: string
  at: string
  before_json: string | null
  after_json: string
  undoes: number | null
  redoes: number | null
  actor: string | null
}

export function toHistoryEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    claimId: row.claim_id,
    at: row.at,
    before: row.before_json ? (JSON.parse(row.before_json) as Decision) : null,
    after: JSON.parse(row.after_json) as Decision,
    ...(row.undoes !== null ? { undoes: row.undoes } : {}),
    ...(row.redoes !== null ? { redoes: row.redoes } : {}),
    actor: row.actor
  }
}

/** The decision `input` makes over `before`; publish and the explanation left out stay as decided before. */
export function nextDecision(input: DecisionInput, before: Decision | null, at: string): Decision {
  return {
    claimId: input.claimId,
    status: input.status,
    correctedText: input.correctedText,
    note: input.note,
    pinned: input.pinned,
    publish: input.publish ?? before?.publish ?? false,
    publicExplanation:
      input.publicExplanation === undefined ? (before?.publicExplanation ?? null) : input.publicExplanation,
    updatedAt: at,
    version: (before?.version ?? 0) + 1
  }
}

/**
 * The refusal of a decision made on a version of the claim's decision that is no longer current:
 * someone else decided it meanwhile. Carries the current decision (null: none) so the editor's
 * screen can show it instead of overwriting it.
 */
export function staleDecision(input: DecisionInput, current: Decision | null): ApiError {
  return new ApiError(
    'CONFLICT',
    `Claim ${input.claimId} was decided by someone else meanwhile (its decision is at version ` +
      `${current?.version ?? 0}, this one was made on version ${input.version ?? 0}); nothing was overwritten.`,
    { current }
  )
}

/** The refusal of an undo or redo that means another entry than the one that is next now. */
export function changedMeanwhile(side: 'undo' | 'redo', undo: UndoState): ApiError {
  return new ApiError(
    'CONFLICT',
    `The check changed meanwhile, so ${side === 'undo' ? 'Undo' : 'Redo'} would now ${
      side === 'undo' ? 'reverse' : 'make again'
    } another change than the one you saw; nothing was ${side === 'undo' ? 'undone' : 'redone'}.`,
    { undo }
  )
}

/** Undo writes the entry's "before" (a claim that had no decision goes back to open), Redo its "after". */
export function replayInput(checkId: number, target: HistoryEntry, side: 'undo' | 'redo'): DecisionInput {
  const to = side === 'undo' ? target.before : target.after
  return {
    checkId,
    claimId: target.claimId,
    status: to?.status ?? 'open',
    correctedText: to?.correctedText ?? null,
    note: to?.note ?? null,
    pinned: to?.pinned ?? [],
    publish: to?.publish ?? false,
    publicExplanation: to?.publicExplanation ?? null
  }
}

/** A matching headline or paragraph with its highlighted text, as both stores' searches read it. */
export interface HitRow {
  text_id: number
  title: string | null
  outlet: string | null
  published_at: string | null
  /** The headline or snippet with MATCH_OPEN / MATCH_CLOSE around the matched words. */
  marked: string
}

export function toHeadlineHit(row: HitRow, rank: number): SearchHit {
  return {
    field: 'headline',
    textId: row.text_id,
    title: row.title,
    outlet: row.outlet,
    publishedAt: row.published_at,
    snippet: splitHighlighted(row.marked),
    rank
  }
}

export function toParagraphHit(row: HitRow & { paragraph_id: number; idx: number }, rank: number): SearchHit {
  return {
    ...toHeadlineHit(row, rank),
    field: 'paragraph',
    paragraphId: row.paragraph_id,
    paragraphIndex: row.idx
  }
}

export interface ParagraphRow {
  id: number
  idx: number
  text: string
  start: number
}

export const toParagraph = (p: ParagraphRow) => ({ id: p.id, index: p.idx, text: p.text, start: p.start })

export interface DetailRow extends SummaryRow {
  encoding: string
  content_hash: string
  original_text: string
  cleaned_text: string
  removed_json: string
}

export function toDetail(row: DetailRow, paragraphs: readonly ParagraphRow[]): TextDetail {
  return {
    ...toSummary(row),
    encoding: row.encoding,
    contentHash: row.content_hash,
    originalText: row.original_text,
    cleanedText: row.cleaned_text,
    paragraphs: paragraphs.map(toParagraph),
    removed: JSON.parse(row.removed_json) as RemovedBlock[]
  }
}
