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
import { checkReview } from './review'
import { librarySources, prepareCheck } from './run-check'

function notFound(what: string, id: number): ApiError {
  return new ApiError('NOT_FOUND', `There is no ${what} with id ${id}.`)
}

/** A new check of the story, to compute (in a worker, see CheckJobs) and then store. */
export async function planCreateCheck(
  library: Library,
  storyId: number,
  sourceIds: number[] | null,
  options: { storyDate?: string | null; extraHouseNames?: readonly string[] } = {}
): Promise<CheckPlan<CheckSummary>> {
  const story = await library.get(storyId)
  if (!story) throw notFound('text', storyId)
  for (const id of sourceIds ?? []) if (!(await library.get(id))) throw notFound('source text', id)
  const job = await prepareCheck(library, storyId, {
    sourceIds: sourceIds ?? undefined,
    storyDate: options.storyDate,
    extraHouseNames: options.extraHouseNames
  })
  return {
    storyId,
    checkId: null,
    job,
    save: async (result) =>
      await library.checks.create({ storyId, title: textName(story), sourceIds, result })
  }
}

/** A plan computed in this thread: for callers that answer no one else meanwhile (CLI, import of a bundle, tests). */
export function inThisThread<T>(plan: CheckPlan<T>): Promise<T> {
  return plan.save(computeCheck(plan.job))
}

export async function createCheck(...args: Parameters<typeof planCreateCheck>): Promise<CheckSummary> {
  return await inThisThread(await planCreateCheck(...args))
}

export async function checkDetail(library: Library, id: number): Promise<CheckDetail> {
  const stored = await library.checks.get(id)
  if (!stored) throw notFound('check', id)
  const story = await library.get(stored.summary.storyId)
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
    decisions: await library.checks.decisions(id),
    staleSources: await staleSources(library, stored.summary, stored.result),
    undo: await library.checks.undoState(id),
    review: await checkReview(library, id)
  }
}

/** Undoes or redoes the check's last change, in the order its stored history gives. */
export async function undoOrRedo(
  library: Library,
  checkId: number,
  side: 'undo' | 'redo',
  entryId?: number,
  actor: string | null = null
): Promise<UndoOutcome> {
  if (!(await library.checks.get(checkId))) throw notFound('check', checkId)
  const change =
    side === 'undo'
      ? await library.checks.undo(checkId, entryId, actor)
      : await library.checks.redo(checkId, entryId, actor)
  return { change, ...(await library.checks.undoState(checkId)) }
}

async function storedEditorClaims(library: Library, checkId: number): Promise<EditorClaimSpec[]> {
  return (await library.checks.editorClaims(checkId)).map((c) => ({
    id: editorClaimId(c.rowId),
    kind: c.kind,
    start: c.start,
    end: c.end
  }))
}

/**
 * Adds the claim an editor selected in the story and checks it against the sources. A selection
 * the engine already lists (same kind and words) is not added twice: its id is returned instead.
 */
export async function addEditorClaim(
  library: Library,
  checkId: number,
  selection: { kind: ClaimKind; start: number; end: number }
): Promise<{ claimId: string; detail: CheckDetail }> {
  const stored = await library.checks.get(checkId)
  if (!stored) throw notFound('check', checkId)
  const story = await library.get(stored.summary.storyId)
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
  if (existing) return { claimId: existing.id, detail: await checkDetail(library, checkId) }
  const row = await library.checks.addEditorClaim(checkId, { kind: selection.kind, start, end })
  if (!row) throw new ApiError('CONFLICT', 'A claim was already added for exactly these words.')
  await rerunCheck(library, checkId)
  return { claimId: editorClaimId(row.rowId), detail: await checkDetail(library, checkId) }
}

/** A check run again with these options, replacing its result (and its sources, if given). */
async function planRerun(
  library: Library,
  id: number,
  options: { sourceIds?: number[] | null; includeVersions?: number[] } = {}
): Promise<CheckPlan<CheckDetail>> {
  const stored = await library.checks.get(id)
  if (!stored) throw notFound('check', id)
  const sourceIds = options.sourceIds === undefined ? stored.summary.sourceIds : options.sourceIds
  const job = await prepareCheck(library, stored.summary.storyId, {
    sourceIds: sourceIds ?? undefined,
    storyDate: stored.result.story.publishedAt,
    editorClaims: await storedEditorClaims(library, id),
    includeVersions: options.includeVersions ?? includedVersions(stored.result)
  })
  return {
    storyId: stored.summary.storyId,
    checkId: id,
    job,
    save: async (result) => {
      // The check may have been deleted while this one was computed.
      if (!(await library.checks.get(id))) throw notFound('check', id)
      if (options.sourceIds !== undefined) await library.checks.replaceSources(id, options.sourceIds, result)
      else await library.checks.replaceResult(id, result)
      return await checkDetail(library, id)
    }
  }
}

/** Narrows or widens the sources of a check and checks the story again against them. */
export async function planSetSources(
  library: Library,
  id: number,
  sourceIds: number[] | null
): Promise<CheckPlan<CheckDetail>> {
  const stored = await library.checks.get(id)
  if (!stored) throw notFound('check', id)
  for (const sourceId of sourceIds ?? [])
    if (!(await library.get(sourceId))) throw notFound('source text', sourceId)
  if (sourceIds?.includes(stored.summary.storyId))
    throw new ApiError('BAD_REQUEST', 'The story cannot be one of its own sources.')
  return await planRerun(library, id, { sourceIds })
}

export async function setCheckSources(
  library: Library,
  id: number,
  sourceIds: number[] | null
): Promise<CheckDetail> {
  return await inThisThread(await planSetSources(library, id, sourceIds))
}

/** Claims keep their ids (kind and offset in the unchanged story), so decisions stay attached. */
export async function planRerunCheck(library: Library, id: number): Promise<CheckPlan<CheckDetail>> {
  return await planRerun(library, id)
}

export async function rerunCheck(library: Library, id: number): Promise<CheckDetail> {
  return await inThisThread(await planRerunCheck(library, id))
}

/** Includes a version of the story in the comparison, or leaves it out again, and runs the check. */
export async function planIncludeVersion(
  library: Library,
  id: number,
  sourceId: number,
  include: boolean
): Promise<CheckPlan<CheckDetail>> {
  const stored = await library.checks.get(id)
  if (!stored) throw notFound('check', id)
  if (!stored.result.versions?.some((v) => v.id === sourceId))
    throw new ApiError('NOT_FOUND', `Text ${sourceId} is not a version of this check's story.`)
  const ids = new Set(includedVersions(stored.result))
  if (include) ids.add(sourceId)
  else ids.delete(sourceId)
  return await planRerun(library, id, { includeVersions: [...ids] })
}

export async function includeVersion(
  library: Library,
  id: number,
  sourceId: number,
  include: boolean
): Promise<CheckDetail> {
  return await inThisThread(await planIncludeVersion(library, id, sourceId, include))
}

function includedVersions(result: CheckResult): number[] {
  return (result.versions ?? []).filter((v) => v.included).map((v) => v.id)
}

/**
 * Sources added to or removed from the library's scope since the check last ran: its result then
 * no longer answers for the sources the editor sees.
 */
export async function staleSources(
  library: Library,
  check: { storyId: number; sourceIds: number[] | null },
  result: CheckResult
): Promise<{ added: number[]; removed: number[] } | null> {
  const ran = new Set([...result.sources.map((s) => s.id), ...(result.versions ?? []).map((v) => v.id)])
  const now = check.sourceIds ?? (await librarySources(library, check.storyId))
  const present = new Set<number>()
  for (const id of now) if (check.sourceIds === null || (await library.summary(id)) !== null) present.add(id)
  const added = [...present].filter((id) => !ran.has(id))
  const removed = [...ran].filter((id) => !present.has(id))
  return added.length || removed.length ? { added, removed } : null
}

/**
 * Changes a text's metadata. A story's checks are listed under its new headline; every check the
 * text takes part in (as story or source) runs again, since dates resolve against publication
 * dates. Decisions stay with their claims. Answers with the text and the checks that ran again.
 */
export async function setTextMeta(
  library: Library,
  id: number,
  meta: Partial<TextMeta>
): Promise<{ text: TextSummary; rerun: CheckSummary[] }> {
  const text = await library.setMeta(id, meta)
  if (!text) throw notFound('text', id)
  if (meta.title !== undefined) await library.checks.retitle(id, text.title ?? text.fileName)
  const rerun: CheckSummary[] = []
  for (const check of await library.checks.list()) {
    const stored = await library.checks.get(check.id)
    if (
      check.storyId === id ||
      (check.sourceIds === null ? text.role === 'source' : check.sourceIds.includes(id)) ||
      stored?.result.sources.some((s) => s.id === id)
    )
      rerun.push(check)
  }
  for (const check of rerun) await rerunCheck(library, check.id)
  return { text, rerun }
}

/** The checks a text takes part in: as their story, or as a source their last run compared with. */
export interface TextUse {
  id: number
  title: string
  as: 'story' | 'source'
}

export async function textUsage(library: Library, id: number): Promise<TextUse[]> {
  const uses: TextUse[] = []
  for (const check of await library.checks.list()) {
    if (check.storyId === id) {
      uses.push({ id: check.id, title: check.title, as: 'story' })
      continue
    }
    const stored = await library.checks.get(check.id)
    const compared =
      check.sourceIds?.includes(id) ||
      stored?.result.sources.some((s) => s.id === id) ||
      stored?.result.versions?.some((v) => v.id === id)
    if (compared) uses.push({ id: check.id, title: check.title, as: 'source' })
  }
  return uses
}

/**
 * Who a change is recorded as made by: the signed-in member on a desk; otherwise the checker
 * named in the preferences (single-user serve and the app have no sign-in), or null.
 */
export async function actorOf(
  library: Library,
  member: { name: string } | null | undefined
): Promise<string | null> {
  if (member) return member.name
  return (await library.preferences.get()).checkedBy
}
