// A corrected claim marked anything but corrected loses its corrected wording (it stays on record
// only while the claim is corrected). The check view applies such a decision at once and offers
// Undo in a notice, rather than asking first, so the keyboard flow is never stopped by a question.
import type { Decision, DecisionStatus } from '../../../shared/workbench'

/** The corrected wording a decision to `next` would drop, or null when it drops none. */
export function replacedWording(
  current: Pick<Decision, 'status' | 'correctedText'> | undefined,
  next: DecisionStatus
): string | null {
  if (current?.status !== 'corrected' || next === 'corrected') return null
  return current.correctedText?.trim() ? current.correctedText : null
}
