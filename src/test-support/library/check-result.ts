// A check result with only the claims' ids, for store tests: a store keeps a result as it is
// given, so its contents beyond the claims' count do not matter there.
import type { CheckResult } from '../../shared/check'
import type { CheckSummary } from '../../shared/workbench'
import type { Library } from '../../main/library/store'
import { bytesOf, makeDoc } from './docs'

export function resultWithClaims(claimIds: string[]): CheckResult {
  return {
    version: 1,
    story: { id: 1, title: 'Story', publishedAt: null },
    sources: [],
    generatedAt: '2024-01-01T00:00:00.000Z',
    claims: claimIds.map((id) => ({
      id,
      kind: 'date',
      text: 'x',
      start: 0,
      end: 1,
      sentence: { start: 0, end: 1 },
      normalized: {},
      status: 'unsupported',
      flags: [],
      evidence: [],
      silent: []
    }))
  }
}

/** A story in the library and a check of it whose result has these claims: something to decide on. */
export async function checkOfStory(library: Library, claimIds: string[]): Promise<CheckSummary> {
  const doc = makeDoc(['A story. It has claims.'], { title: 'Story', publishedAt: null })
  const story = await library.importDocument({
    fileName: 'story.txt',
    bytes: bytesOf(doc.cleanedText),
    doc,
    role: 'story'
  })
  return library.checks.create({
    storyId: story.id,
    title: 'Story',
    sourceIds: null,
    result: resultWithClaims(claimIds)
  })
}
