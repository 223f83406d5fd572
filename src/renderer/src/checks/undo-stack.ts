// Undo and redo of decisions. An undo is itself saved as a new decision (the history keeps
// every step), so the stack holds what to write, not database state.

export interface DecisionChange<D> {
  claimId: string
  /** The decision before the change; null when the claim had none. */
  before: D | null
  after: D
}

export class UndoStack<D> {
  private done: DecisionChange<D>[] = []
  private undone: DecisionChange<D>[] = []

  constructor(private readonly limit = 500) {}

  record(change: DecisionChange<D>): void {
    this.done.push(change)
    if (this.done.length > this.limit) this.done.shift()
    this.undone = []
  }

  /** The change to reverse, moved to the redo side. */
  undo(): DecisionChange<D> | null {
    const change = this.done.pop() ?? null
    if (change) this.undone.push(change)
    return change
  }

  redo(): DecisionChange<D> | null {
    const change = this.undone.pop() ?? null
    if (change) this.done.push(change)
    return change
  }

  /** Puts a change back where it was when writing it failed, so nothing is lost from the stack. */
  restore(change: DecisionChange<D>, side: 'undo' | 'redo'): void {
    if (side === 'undo') {
      this.undone.pop()
      this.done.push(change)
    } else {
      this.done.pop()
      this.undone.push(change)
    }
  }

  get canUndo(): boolean {
    return this.done.length > 0
  }

  get canRedo(): boolean {
    return this.undone.length > 0
  }

  clear(): void {
    this.done = []
    this.undone = []
  }
}
