// Checks as the workbench uses them: create one (running the claim engine), read it with its
// decisions, run the engine again when sources changed.
import { ApiError } from '../../shared/errors'
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

/** Claims keep their ids (kind and offset in the unchanged story), so decisions stay attached. */
export function rerunCheck(library: Library, id: number): CheckDetail {
  const stored = library.checks.get(id)
  if (!stored) throw notFound('check', id)
  const result = runCheck(library, stored.summary.storyId, {
    sourceIds: stored.summary.sourceIds ?? undefined,
    storyDate: stored.result.story.publishedAt
  })
  library.checks.replaceResult(id, result)
  return checkDetail(library, id)
}
