// Which claims an editor must look at first, which are worth a check, and which only name a
// place or an organization: the checklist opens on the first and hides the last by default.
//
// | priority   | claims                                                                    |
// |------------|---------------------------------------------------------------------------|
// | attention  | conflicting, a spelling to check, any finding (a spelling variant, hedged |
// |            | or inconsistent figures, a weekday that does not match), and figures      |
// |            | (numbers, money) that one source or none supports                         |
// | background | a place or an organization named with no finding; a person's name inside |
// |            | the titled name that is already a claim (one claim per fact); an event   |
// |            | no source reports either way (most verbs of a story are not in question) |
// | check      | everything else                                                           |
import type { CheckedClaim, ClaimPriority } from '../../../shared/check'

const FINDINGS = new Set([
  'spelling-to-check',
  'spelling-variant',
  'hedged-difference',
  'conflicting-value',
  'weekday-mismatch',
  'inconsistent-figure'
])

export function claimPriority(claim: CheckedClaim, all: readonly CheckedClaim[]): ClaimPriority {
  const finding = claim.flags.some((f) => FINDINGS.has(f.kind))
  if (claim.status === 'conflicting' || claim.status === 'spelling-to-check' || finding) return 'attention'
  const figure = claim.kind === 'quantity' || claim.kind === 'money'
  if (figure && (claim.status === 'single-source' || claim.status === 'unsupported')) return 'attention'
  if (claim.kind === 'place' || claim.kind === 'organization') return 'background'
  if (claim.kind === 'event' && claim.status === 'unsupported' && claim.origin !== 'editor') return 'background'
  if (
    claim.kind === 'person' &&
    all.some((o) => o.kind === 'role' && o.start <= claim.start && o.end >= claim.end && o.id !== claim.id)
  )
    return 'background'
  return 'check'
}
