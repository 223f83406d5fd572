// The claim engine's part of a check, on plain data only (no library), so it can run in a worker
// thread as well as in the process that read the inputs.
import type { CheckResult } from '../../shared/check'
import { buildEditorClaim, type EditorClaimSpec } from '../core/claims/editor-claims'
import { extractClaims } from '../core/claims/extract'
import type { ExtractedClaim } from '../core/claims/types'
import { checkStory, type CheckSource } from '../core/compare/check-story'
import { InMemoryPassageIndex, type PassageIndex } from '../core/compare/passage-index'
import { storyVersions } from '../core/compare/story-versions'
import { contentWords } from '../core/compare/text-words'
import { lexicon } from './lexicon'

/** Everything a check reads from the library, as data a worker can be sent. */
export interface CheckJob {
  story: { id: number; title: string | null; text: string; paragraphs: string[]; publishedAt: string | null }
  sources: CheckSource[]
  houseNames: string[]
  editorClaims: EditorClaimSpec[]
  includeVersions: number[]
}

/** Claims related to the sources so far, of all the story's claims. */
export interface CheckProgress {
  related: number
  total: number
}

export type ProgressListener = (progress: CheckProgress) => void

export function computeCheck(job: CheckJob, onProgress: ProgressListener = () => {}): CheckResult {
  const { story } = job
  const included = new Set(job.includeVersions)
  const versions: NonNullable<CheckResult['versions']> = storyVersions(
    story.paragraphs,
    job.sources.map((s) => ({ id: s.id, paragraphs: s.paragraphs.map((p) => p.text) }))
  ).map((v) => ({
    ...v,
    title: job.sources.find((s) => s.id === v.id)?.title ?? null,
    included: included.has(v.id)
  }))
  const leftOut = new Set(versions.filter((v) => !v.included).map((v) => v.id))
  const sources = job.sources.filter((s) => !leftOut.has(s.id))
  const extracted = extractClaims(story.text, { publishedAt: story.publishedAt })
  const editorClaims = editorClaimsOf(story.text, story.publishedAt, job.editorClaims, extracted)
  const index = countingSearches(
    new InMemoryPassageIndex(sources, new Set(contentWords(story.text))),
    extracted.length + editorClaims.length,
    onProgress
  )
  const result = checkStory({
    story: { id: story.id, title: story.title, text: story.text, publishedAt: story.publishedAt },
    sources,
    houseNames: job.houseNames,
    lexicon: lexicon(),
    editorClaims,
    index
  })
  onProgress({ related: result.claims.length, total: result.claims.length })
  return versions.length ? { ...result, versions } : result
}

/**
 * The engine looks up candidate passages once or twice a claim (a figure's own clause too), in
 * claim order; the first search of a claim asks for the most passages. Counting those searches is
 * how progress is seen without the engine knowing about it. The total is the claims extracted
 * here, which the engine extracts again itself; an undated story's inferred date can shift a few,
 * so the count never runs past the total.
 */
function countingSearches(index: PassageIndex, total: number, onProgress: ProgressListener): PassageIndex {
  let widest = 0
  let related = 0
  let lastSent = -1
  // A message per claim would be thousands for a book; a hundred steps are enough to show.
  const step = Math.max(1, Math.floor(total / 100))
  return {
    search(terms, limit) {
      if (limit >= widest) {
        widest = limit
        related = Math.min(related + 1, total)
        if (related - lastSent >= step) {
          lastSent = related
          onProgress({ related: Math.max(0, related - 1), total })
        }
      }
      return index.search(terms, limit)
    }
  }
}

/** The stored editor claims as claims; the story never changes, so each still reads as it did when added. */
function editorClaimsOf(
  text: string,
  publishedAt: string | null,
  specs: readonly EditorClaimSpec[],
  extracted: ExtractedClaim[]
): ExtractedClaim[] {
  return specs.flatMap((spec) => {
    const built = buildEditorClaim(text, spec, { publishedAt, extracted })
    return built.ok ? [built.claim] : []
  })
}
