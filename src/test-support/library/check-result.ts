// A check result with only the claims' ids, for store tests: a store keeps a result as it is
// given, so its contents beyond the claims' count do not matter there.
import type { CheckResult } from '../../shared/check'

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
