// Running the claim engine over texts in the library: the story, its sources and the house name
// list come from SQLite, and the library's FTS5 index finds candidate passages.
import type { CheckResult } from '../../shared/check'
import { ApiError } from '../../shared/errors'
import { checkStory, type CheckSource } from '../core/compare/check-story'
import type { PassageIndex, PassageRef } from '../core/compare/passage-index'
import type { Library } from '../library'

export interface RunCheckOptions {
  /** The sources to check against; all of the library's sources when absent. */
  sourceIds?: readonly number[]
  /** Names from outside the library (a --names file), added to the library's house list. */
  extraHouseNames?: readonly string[]
  /** The story's publication date when the text does not give one (YYYY-MM-DD). */
  storyDate?: string | null
}

/** The library's full-text index, narrowed to the sources of this check. */
export function libraryPassageIndex(
  library: Library,
  storyId: number,
  sourceIds: ReadonlySet<number>
): PassageIndex {
  return {
    search(terms: readonly string[], limit: number): PassageRef[] {
      const passages = library.searchPassages(terms, { limit: limit * 3, excludeTextIds: [storyId] })
      return passages
        .filter((p) => sourceIds.has(p.textId))
        .slice(0, limit)
        .map((p) => ({ sourceId: p.textId, paragraphIndex: p.index }))
    }
  }
}

export function runCheck(library: Library, storyId: number, options: RunCheckOptions = {}): CheckResult {
  const story = library.get(storyId)
  if (!story) throw new ApiError('NOT_FOUND', `There is no text with id ${storyId} in the library.`)
  const ids =
    options.sourceIds ??
    library
      .list({ role: 'source', limit: 100_000, offset: 0 })
      .texts.map((t) => t.id)
      .filter((id) => id !== storyId)
  const sources: CheckSource[] = []
  for (const id of ids) {
    const text = library.get(id)
    if (!text) continue
    sources.push({
      id: text.id,
      title: text.title ?? text.fileName,
      outlet: text.outlet,
      publishedAt: text.publishedAt,
      url: text.url,
      paragraphs: text.paragraphs.map((p) => ({ index: p.index, text: p.text }))
    })
  }
  const houseNames = [...library.listHouseNames().map((h) => h.name), ...(options.extraHouseNames ?? [])]
  return checkStory({
    story: {
      id: story.id,
      title: story.title ?? story.fileName,
      text: story.cleanedText,
      publishedAt: story.publishedAt ?? options.storyDate ?? null
    },
    sources,
    houseNames,
    index: libraryPassageIndex(library, story.id, new Set(sources.map((s) => s.id)))
  })
}
