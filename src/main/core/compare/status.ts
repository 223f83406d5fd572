// The suggested status: advice for the editor, who confirms or overrides it.
import type { Evidence, Flag, SuggestedStatus } from '../../../shared/check'

/**
 * `nameSeen`: sources write the claim's name the same way, though not for the same fact; the name
 * itself is then partly borne out, not unsupported.
 */
export function suggestStatus(
  evidence: readonly Evidence[],
  flags: readonly Flag[],
  nameSeen = false
): SuggestedStatus {
  if (flags.some((f) => f.kind === 'spelling-to-check')) return 'spelling-to-check'
  if (
    evidence.some((e) => e.relation === 'contradicts') ||
    flags.some((f) => f.kind === 'weekday-mismatch' || f.kind === 'inconsistent-figure')
  ) {
    return 'conflicting'
  }
  const supporting = new Set(evidence.filter((e) => e.relation === 'supports').map((e) => e.sourceId))
  const partial = new Set(evidence.filter((e) => e.relation === 'partial').map((e) => e.sourceId))
  // A less precise source ("February 2022") does not weaken two that agree to the day.
  if (supporting.size >= 2 && !flags.some((f) => f.kind === 'hedged-difference')) return 'corroborated'
  if (supporting.size === 1 && partial.size === 0) return 'single-source'
  if (supporting.size >= 1 || partial.size >= 1 || nameSeen) return 'partly-corroborated'
  return 'unsupported'
}
