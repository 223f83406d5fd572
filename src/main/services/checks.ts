// Checks as the workbench uses them: create one (running the claim engine), read it with its
// decisions, run the engine again when sources changed.
import type { ClaimKind } from '../../shared/check'
import { ApiError } from '../../shared/errors'
import { buildEditorClaim, editorClaimId, type EditorClaimSpec } from '../core/claims/editor-claims'
import type { CheckDetail, CheckSummary } from '../../shared/workbench'
import type { Library } from '../library'
import { runCheck } from './run-check'

function notFound(what: string, id: number): ApiError {
  return new ApiError('NOT_FOUND', `There is no ${what} with id ${id}.`)
}

export function createCheck(
  library: Library,
  storyId: number,
  sourceIds: number[] | null,
  options: { storyDate?: string | null; extraHouseNames?: readonly string[] } = {}
): CheckSummary {
  const story = library.get(storyId)
  if (!story) throw notFound('text', storyId)
  for (const id of sourceIds ?? []) if (!library.get(id)) throw notFound('source text', id)
  const result = runCheck(library, storyId, {
    sourceIds: sourceIds ?? undefined,
    storyDate: options.storyDate,
    extraHouseNames: options.extraHouseNames
  })
  return library.checks.create({ storyId, title: story.title ?? story.fileName, sourceIds, result })
}

export function checkDetail(library: Library, id: number): CheckDetail {
  const stored = library.checks.get(id)
  if (!stored) throw notFound('check', id)
  const story = library.get(stored.summary.storyId)
  if (!story) throw notFound('story', stored.summary.storyId)
  return {
    check: stored.summary,
    story: {
      id: story.id,
      title: story.title ?? story.fileName,
      outlet: story.outlet,
      publishedAt: stored.result.story.publishedAt,
      text: story.cleanedText
    },
    result: stored.result,
    decisions: library.checks.decisions(id)
  }
}

function storedEditorClaims(library: Library, checkId: number): EditorClaimSpec[] {
  return library.checks
    .editorClaims(checkId)
    .map((c) => ({ id: editorClaimId(c.rowId), kind: c.kind, start: c.start, end: c.end }))
}

/**
 * Adds the claim an editor selected in the story and checks it against the sources. A selection
 * the engine already lists (same kind and words) is not added twice: its id is returned instead.
 */
export function addEditorClaim(
  library: Library,
  checkId: number,
  selection: { kind: ClaimKind; start: number; end: number }
): { claimId: string; detail: CheckDetail } {
  const stored = library.checks.get(checkId)
  if (!stored) throw notFound('check', checkId)
  const story = library.get(stored.summary.storyId)
  if (!story) throw notFound('story', stored.summary.storyId)
  const text = story.cleanedText
  if (selection.end > text.length)
    throw new ApiError('BAD_REQUEST', 'The selection runs past the end of the story.')
  const publishedAt = stored.result.story.publishedAt
  const built = buildEditorClaim(text, { id: 'pending', ...selection }, { publishedAt })
  if (!built.ok) throw new ApiError('BAD_REQUEST', built.reason)
  const { start, end } = built.claim
  const existing = stored.result.claims.find((c) => c.kind === selection.kind && c.start === start && c.end === end)
  if (existing) return { claimId: existing.id, detail: checkDetail(library, checkId) }
  const row = library.checks.addEditorClaim(checkId, { kind: selection.kind, start, end })
  if (!row) throw new ApiError('CONFLICT', 'A claim was already added for exactly these words.')
  rerunCheck(library, checkId)
  return { claimId: editorClaimId(row.rowId), detail: checkDetail(library, checkId) }
}

/** Narrows or widens the sources of a check and checks the story again against them. */
export function setCheckSources(library: Library, id: number, sourceIds: number[] | null): CheckDetail {
  const stored = library.checks.get(id)
  if (!stored) throw notFound('check', id)
  for (const sourceId of sourceIds ?? []) if (!library.get(sourceId)) throw notFound('source text', sourceId)
  if (sourceIds?.includes(stored.summary.storyId))
    throw new ApiError('BAD_REQUEST', 'The story cannot be one of its own sources.')
  const result = runCheck(library, stored.summary.storyId, {
    sourceIds: sourceIds ?? undefined,
    storyDate: stored.result.story.publishedAt,
    editorClaims: storedEditorClaims(library, id)
  })
  library.checks.replaceSources(id, sourceIds, result)
  return checkDetail(library, id)
}

/** Claims keep their ids (kind and offset in the unchanged story), so decisions stay attached. */
export function rerunCheck(library: Library, id: number): CheckDetail {
  const stored = library.checks.get(id)
  if (!stored) throw notFound('check', id)
  const result = runCheck(library, stored.summary.storyId, {
    sourceIds: stored.summary.sourceIds ?? undefined,
    storyDate: stored.result.story.publishedAt,
    editorClaims: storedEditorClaims(library, id)
  })
  library.checks.replaceResult(id, result)
  return checkDetail(library, id)
}
