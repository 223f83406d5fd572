// Checks as the workbench uses them: create one (running the claim engine), read it with its
// decisions, run the engine again when sources changed.
import type { CheckResult, ClaimKind } from '../../shared/check'
import { ApiError } from '../../shared/errors'
import { buildEditorClaim, editorClaimId, type EditorClaimSpec } from '../core/claims/editor-claims'
import type { CheckDetail, CheckSummary, UndoOutcome } from '../../shared/workbench'
import type { TextMeta, TextSummary } from '../../shared/domain'
import { textName } from '../core/report/headline'
import type { Library } from '../library'
import type { CheckPlan } from './check-jobs'
import { computeCheck } from './compute-check'
import { librarySources, prepareCheck } from './run-check'

function notFound(what: string, id: number): ApiError {
  return new ApiError('NOT_FOUND', `There is no ${what} with id ${id}.`)
}

/** A new check of the story, to compute (in a worker, see CheckJobs) and then store. */
export function planCreateCheck(
  library: Library,
  storyId: number,
  sourceIds: number[] | null,
  options: { storyDate?: string | null; extraHouseNames?: readonly string[] } = {}
): CheckPlan<CheckSummary> {
  const story = library.get(storyId)
  if (!story) throw notFound('text', storyId)
  for (const id of sourceIds ?? []) if (!library.get(id)) throw notFound('source text', id)
  const job = prepareCheck(library, storyId, {
    sourceIds: sourceIds ?? undefined,
    storyDate: options.storyDate,
    extraHouseNames: options.extraHouseNames
  })
  return {
    storyId,
    checkId: null,
    job,
    save: (result) => library.checks.create({ storyId, title: textName(story), sourceIds, result })
  }
}

/** A plan computed in this thread: for callers that answer no one else meanwhile (CLI, import of a bundle, tests). */
export function inThisThread<T>(plan: CheckPlan<T>): T {
  return plan.save(computeCheck(plan.job))
}

export function createCheck(...args: Parameters<typeof planCreateCheck>): CheckSummary {
  return inThisThread(planCreateCheck(...args))
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
      title: textName(story),
      outlet: story.outlet,
      publishedAt: stored.result.story.publishedAt,
      text: story.cleanedText
    },
    result: stored.result,
    decisions: library.checks.decisions(id),
    staleSources: staleSources(library, stored.summary, stored.result),
    undo: library.checks.undoState(id)
  }
}

/** Undoes or redoes the check's last change, in the order its stored history gives. */
export function undoOrRedo(library: Library, checkId: number, side: 'undo' | 'redo'): UndoOutcome {
  if (!library.checks.get(checkId)) throw notFound('check', checkId)
  const change = side === 'undo' ? library.checks.undo(checkId) : library.checks.redo(checkId)
  return { change, ...library.checks.undoState(checkId) }
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
  const existing = stored.result.claims.find(
    (c) => c.kind === selection.kind && c.start === start && c.end === end
  )
  if (existing) return { claimId: existing.id, detail: checkDetail(library, checkId) }
  const row = library.checks.addEditorClaim(checkId, { kind: selection.kind, start, end })
  if (!row) throw new ApiError('CONFLICT', 'A claim was already added for exactly these words.')
  rerunCheck(library, checkId)
  return { claimId: editorClaimId(row.rowId), detail: checkDetail(library, checkId) }
}

/** A check run again with these options, replacing its result (and its sources, if given). */
function planRerun(
  library: Library,
  id: number,
  options: { sourceIds?: number[] | null; includeVersions?: number[] } = {}
): CheckPlan<CheckDetail> {
  const stored = library.checks.get(id)
  if (!stored) throw notFound('check', id)
  const sourceIds = options.sourceIds === undefined ? stored.summary.sourceIds : options.sourceIds
  const job = prepareCheck(library, stored.summary.storyId, {
    sourceIds: sourceIds ?? undefined,
    storyDate: stored.result.story.publishedAt,
    editorClaims: storedEditorClaims(library, id),
    includeVersions: options.includeVersions ?? includedVersions(stored.result)
  })
  return {
    storyId: stored.summary.storyId,
    checkId: id,
    job,
    save: (result) => {
      // The check may have been deleted while this one was computed.
      if (!library.checks.get(id)) throw notFound('check', id)
      if (options.sourceIds !== undefined) library.checks.replaceSources(id, options.sourceIds, result)
      else library.checks.replaceResult(id, result)
      return checkDetail(library, id)
    }
  }
}

/** Narrows or widens the sources of a check and checks the story again against them. */
export function planSetSources(
  library: Library,
  id: number,
  sourceIds: number[] | null
): CheckPlan<CheckDetail> {
  const stored = library.checks.get(id)
  if (!stored) throw notFound('check', id)
  for (const sourceId of sourceIds ?? []) if (!library.get(sourceId)) throw notFound('source text', sourceId)
  if (sourceIds?.includes(stored.summary.storyId))
    throw new ApiError('BAD_REQUEST', 'The story cannot be one of its own sources.')
  return planRerun(library, id, { sourceIds })
}

export function setCheckSources(library: Library, id: number, sourceIds: number[] | null): CheckDetail {
  return inThisThread(planSetSources(library, id, sourceIds))
}

/** Claims keep their ids (kind and offset in the unchanged story), so decisions stay attached. */
export function planRerunCheck(library: Library, id: number): CheckPlan<CheckDetail> {
  return planRerun(library, id)
}

export function rerunCheck(library: Library, id: number): CheckDetail {
  return inThisThread(planRerunCheck(library, id))
}

/** Includes a version of the story in the comparison, or leaves it out again, and runs the check. */
export function planIncludeVersion(
  library: Library,
  id: number,
  sourceId: number,
  include: boolean
): CheckPlan<CheckDetail> {
  const stored = library.checks.get(id)
  if (!stored) throw notFound('check', id)
  if (!stored.result.versions?.some((v) => v.id === sourceId))
    throw new ApiError('NOT_FOUND', `Text ${sourceId} is not a version of this check's story.`)
  const ids = new Set(includedVersions(stored.result))
  if (include) ids.add(sourceId)
  else ids.delete(sourceId)
  return planRerun(library, id, { includeVersions: [...ids] })
}

export function includeVersion(
  library: Library,
  id: number,
  sourceId: number,
  include: boolean
): CheckDetail {
  return inThisThread(planIncludeVersion(library, id, sourceId, include))
}

function includedVersions(result: CheckResult): number[] {
  return (result.versions ?? []).filter((v) => v.included).map((v) => v.id)
}

/**
 * Sources added to or removed from the library's scope since the check last ran: its result then
 * no longer answers for the sources the editor sees.
 */
export function staleSources(
  library: Library,
  check: { storyId: number; sourceIds: number[] | null },
  result: CheckResult
): { added: number[]; removed: number[] } | null {
  const ran = new Set([...result.sources.map((s) => s.id), ...(result.versions ?? []).map((v) => v.id)])
  const now = check.sourceIds ?? librarySources(library, check.storyId)
  const present = new Set(now.filter((id) => check.sourceIds === null || library.summary(id) !== null))
  const added = [...present].filter((id) => !ran.has(id))
  const removed = [...ran].filter((id) => !present.has(id))
  return added.length || removed.length ? { added, removed } : null
}

/**
 * Changes a text's metadata. A story's checks are listed under its new headline; every check the
 * text takes part in (as story or source) runs again, since dates resolve against publication
 * dates. Decisions stay with their claims. Answers with the text and the checks that ran again.
 */
export function setTextMeta(
  library: Library,
  id: number,
  meta: Partial<TextMeta>
): { text: TextSummary; rerun: CheckSummary[] } {
  const text = library.setMeta(id, meta)
  if (!text) throw notFound('text', id)
  if (meta.title !== undefined) library.checks.retitle(id, text.title ?? text.fileName)
  const rerun = library.checks.list().filter((check) => {
    const stored = library.checks.get(check.id)
    return (
      check.storyId === id ||
      (check.sourceIds === null ? text.role === 'source' : check.sourceIds.includes(id)) ||
      stored?.result.sources.some((s) => s.id === id)
    )
  })
  for (const check of rerun) rerunCheck(library, check.id)
  return { text, rerun }
}

/** The checks a text takes part in: as their story, or as a source their last run compared with. */
export interface TextUse {
  id: number
  title: string
  as: 'story' | 'source'
}

export function textUsage(library: Library, id: number): TextUse[] {
  return library.checks.list().flatMap((check): TextUse[] => {
    if (check.storyId === id) return [{ id: check.id, title: check.title, as: 'story' }]
    const stored = library.checks.get(check.id)
    const compared =
      check.sourceIds?.includes(id) ||
      stored?.result.sources.some((s) => s.id === id) ||
      stored?.result.versions?.some((v) => v.id === id)
    return compared ? [{ id: check.id, title: check.title, as: 'source' }] : []
  })
}
