// What the library holds for a claim of the first check, read through the API: what a spec
// compares the screen with.
import type { ServeProcess } from './serve'

export interface StoredDecision {
  status: string
  correctedText: string | null
}

/** The claim's decision in the first listed check; a claim never decided reads as open. */
export async function storedDecision(serve: ServeProcess, claimId: string): Promise<StoredDecision> {
  const { checks } = await serve.call<{ checks: { id: number }[] }>('checks.list', {})
  const detail = await serve.call<{ decisions: Array<StoredDecision & { claimId: string }> }>('checks.get', {
    id: checks[0]!.id
  })
  return detail.decisions.find((d) => d.claimId === claimId) ?? { status: 'open', correctedText: null }
}
