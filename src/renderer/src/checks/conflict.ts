// When someone else decided a claim meanwhile: what this editor had decided or typed and would
// otherwise lose, and the plain sentence saying what is on record now.
import type { Decision, DecisionStatus } from '../../../shared/workbench'
import { DECISION_LABELS } from './labels'

export interface UnsavedWords {
  /** The status the editor chose, when it differed from what they saw; null when they chose none. */
  status: DecisionStatus | null
  /** Their words (corrected wording, note, public explanation), labelled, to copy. */
  words: Array<{ label: string; text: string }>
}

type Choice = Pick<Decision, 'status' | 'correctedText' | 'note' | 'publicExplanation'>

/** What `next` holds that the decision the editor saw (`seen`) did not: the part not saved. */
export function unsavedWords(seen: Choice | null, next: Partial<Choice>): UnsavedWords {
  const words: UnsavedWords['words'] = []
  const add = (label: string, text: string | null | undefined, was: string | null | undefined) => {
    if (text && text.trim() && text !== (was ?? null)) words.push({ label, text })
  }
  add('Corrected wording', next.correctedText, seen?.correctedText)
  add('Note', next.note, seen?.note)
  add('Public explanation', next.publicExplanation, seen?.publicExplanation)
  const status = next.status && next.status !== (seen?.status ?? 'open') ? next.status : null
  return { status, words }
}

/** “X” was decided by someone else meanwhile: what it is now, in the interface's words. */
export function decidedMeanwhile(claimText: string, current: Decision | null): string {
  if (!current) return `“${claimText}” was changed by someone else meanwhile: it is undecided again.`
  const parts = [DECISION_LABELS[current.status].label]
  if (current.correctedText) parts.push(`corrected to “${current.correctedText}”`)
  if (current.note) parts.push(`note “${current.note}”`)
  return `“${claimText}” was decided by someone else meanwhile: ${parts.join(', ')}.`
}
