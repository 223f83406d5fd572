// Which pinned passage is which: a passage is its source, paragraph and start, whatever text
// was saved with it.
import type { PinnedEvidence } from '../../../shared/workbench'

type PassageKey = Pick<PinnedEvidence, 'sourceId' | 'paragraphIndex' | 'start'>

export function samePassage(a: PassageKey, b: PassageKey): boolean {
  return a.sourceId === b.sourceId && a.paragraphIndex === b.paragraphIndex && a.start === b.start
}
