// Running the claim engine over texts in the library: the story, its sources and the house name
// list come from SQLite (prepareCheck, in the thread that owns the database); the engine's work is
// computeCheck's, on plain data, so a worker thread can do it (check-runner.ts). Candidate
// passages come from an in-memory inverted index over the same paragraphs, built per check: FTS5
// ranks an OR of a claim's twenty-odd terms in ~16 ms, which for 230 claims is 3.7 s, while the
// paragraphs are in memory anyway (BENCHMARKS.md).
import type { CheckResult } from '../../shared/check'
import { ApiError } from '../../shared/errors'
import type { EditorClaimSpec } from '../core/claims/editor-claims'
import type { CheckSource } from '../core/compare/check-story'
import { textName } from '../core/report/headline'
import type { Library } from '../library'
import { computeCheck, type CheckJob } from './compute-check'

export interface RunCheckOptions {
  /** The sources to check against; all of the library's sources when absent. */
  sourceIds?: readonly number[]
  /** Names from outside the library (a --names file), added to the library's house list. */
  extraHouseNames?: readonly string[]
  /** The story's publication date when the text does not give one (YYYY-MM-DD). */
  storyDate?: string | null
  /** Claims the editor added to this check by selecting story text. */
  editorClaims?: readonly EditorClaimSpec[]
  /** Versions of the story the editor chose to compare with all the same. */
  includeVersions?: readonly number[]
}

/**
 * The longest story a check takes: a long feature is 10,000 words; 100,000 is a book, checked in
 * tens of seconds. Beyond it a check would hold the app for minutes: refused before it starts.
 */
export const MAX_CHECK_WORDS = 100_000

/** Every source in the library but the story: a check's scope when no sources were chosen. */
export async function librarySources(library: Library, storyId: number): Promise<number[]> {
  return (await library.list({ role: 'source', limit: 100_000, offset: 0 })).texts
    .map((t) => t.id)
    .filter((id) => id !== storyId)
}

/** Reads what a check of the story needs from the library; refuses a story too long to check. */
export async function prepareCheck(
  library: Library,
  storyId: number,
  options: RunCheckOptions = {}
): Promise<CheckJob> {
  const summary = await library.summary(storyId)
  if (summary && summary.wordCount > MAX_CHECK_WORDS)
    throw new ApiError(
      'TOO_LARGE',
      `${summary.title ?? summary.fileName} has ${summary.wordCount.toLocaleString('en')} words; a check reads at most ${MAX_CHECK_WORDS.toLocaleString('en')}. Check the part that is the story, saved as a text of its own.`
    )
  const story = await library.get(storyId)
  if (!story) throw new ApiError('NOT_FOUND', `There is no text with id ${storyId} in the library.`)
  const ids = options.sourceIds ?? (await librarySources(library, storyId))
  const sources: CheckSource[] = []
  for (const id of ids) {
    const text = await library.get(id)
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
  return {
    story: {
      id: story.id,
      title: textName(story),
      text: story.cleanedText,
      paragraphs: story.paragraphs.map((p) => p.text),
      publishedAt: story.publishedAt ?? options.storyDate ?? null
    },
    sources,
    houseNames: [...(await library.listHouseNames()).map((h) => h.name), ...(options.extraHouseNames ?? [])],
    editorClaims: [...(options.editorClaims ?? [])],
    includeVersions: [...(options.includeVersions ?? [])]
  }
}

/** The whole check in this thread: for the CLI, the evaluation and tests, which answer no one else. */
export async function runCheck(
  library: Library,
  storyId: number,
  options: RunCheckOptions = {}
): Promise<CheckResult> {
  return computeCheck(await prepareCheck(library, storyId, options))
}
