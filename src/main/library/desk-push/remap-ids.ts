// Ids a library's rows hold inside their JSON, rewritten for the desk the rows are pushed to:
// every text and history entry gets a new id there, so each reference must follow it.
import type { CheckResult } from '../../../shared/check'
import type { Decision, PinnedEvidence } from '../../../shared/workbench'

/** A library's text id → the desk's. */
export type TextIds = ReadonlyMap<number, number>

/**
 * The desk's id for a text of the library. A text deleted from the library can still be named
 * (a passage pinned from it keeps its text; a check's sources as they were when it ran): its id
 * becomes its negative, which no text has, so in the desk it stays gone rather than pointing at
 * whichever desk text happens to have that number.
 */
export function deskTextId(ids: TextIds, id: number): number {
  return ids.get(id) ?? -Math.abs(id)
}

/** The stored check result with its story and source ids rewritten; everything else as it was. */
export function remapResult(result: CheckResult, ids: TextIds): CheckResult {
  const to = (id: number) => deskTextId(ids, id)
  return {
    ...result,
    story: {
      ...result.story,
      id: to(result.story.id),
      ...(result.story.inferredFrom ? { inferredFrom: result.story.inferredFrom.map(to) } : {})
    },
    sources: result.sources.map((source) => ({ ...source, id: to(source.id) })),
    ...(result.versions ? { versions: result.versions.map((v) => ({ ...v, id: to(v.id) })) } : {}),
    claims: result.claims.map((claim) => ({
      ...claim,
      evidence: claim.evidence.map((e) => ({ ...e, sourceId: to(e.sourceId) })),
      silent: claim.silent.map(to)
    }))
  }
}

export function remapPinned(pinned: readonly PinnedEvidence[], ids: TextIds): PinnedEvidence[] {
  return pinned.map((p) => ({ ...p, sourceId: deskTextId(ids, p.sourceId) }))
}

/** A decision as a history entry keeps it (before / after), with its pinned passages' sources rewritten. */
export function remapDecision(decision: Decision, ids: TextIds): Decision {
  return { ...decision, pinned: remapPinned(decision.pinned, ids) }
}

/** A check's chosen sources (null: every source of the library, which stays null). */
export function remapSourceIds(sourceIds: readonly number[] | null, ids: TextIds): number[] | null {
  return sourceIds === null ? null : sourceIds.map((id) => deskTextId(ids, id))
}
