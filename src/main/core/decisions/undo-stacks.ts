// Undo and redo read from a check's decision history, not from memory, so they work the same
// after a reload, in another tab, or from another program on the library. An undo or redo is
// itself a history entry that names the entry it reverses or re-applies; replaying the history
// in order rebuilds the two stacks an editor expects.

import type { UndoState } from '../../../shared/workbench'

/** What a history entry says about undo: none for a decision made by hand. */
export interface HistoryLink {
  id: number
  /** The entry this one reversed (it wrote that entry's "before"). */
  undoes: number | null
  /** The entry this one re-applied (it wrote that entry's "after" again). */
  redoes: number | null
}

export interface UndoStacks {
  /** Entries that Undo would reverse, the next one last. */
  done: number[]
  /** Entries that Redo would re-apply, the next one last. */
  undone: number[]
}

function remove(stack: number[], id: number): boolean {
  const at = stack.lastIndexOf(id)
  if (at < 0) return false
  stack.splice(at, 1)
  return true
}

/** The stacks after `links`, given oldest first. A new decision by hand clears what could be redone. */
export function undoStacks(links: readonly HistoryLink[]): UndoStacks {
  const done: number[] = []
  let undone: number[] = []
  for (const link of links) {
    if (link.undoes !== null) {
      // An entry that is not on its stack (a history edited by hand) moves nothing.
      if (remove(done, link.undoes)) undone.push(link.undoes)
    } else if (link.redoes !== null) {
      if (remove(undone, link.redoes)) done.push(link.redoes)
    } else {
      done.push(link.id)
      undone = []
    }
  }
  return { done, undone }
}

/** What the editor is told about undo: whether there is a next change each way, and which. */
export function undoStateOf({ done, undone }: UndoStacks): UndoState {
  const nextUndo = done.at(-1) ?? null
  const nextRedo = undone.at(-1) ?? null
  return { canUndo: nextUndo !== null, canRedo: nextRedo !== null, nextUndo, nextRedo }
}
