// Who decides an import worker's text, the cancel or the commit: whichever comes first. The two
// threads share four bytes and each claims them with one atomic compare-and-swap, so a cancel
// answered CANCELLED always means nothing was stored, and an import past its point of commit is
// never reported cancelled (its cancel comes too late and the import answers as usual).
const OPEN = 0
const CANCELLED = 1
const COMMITTING = 2

export type CommitGate = SharedArrayBuffer

export function newCommitGate(): CommitGate {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
}

/** The worker, last thing inside its transaction: true if it may commit (no cancel came first). */
export function claimCommit(gate: CommitGate): boolean {
  return Atomics.compareExchange(new Int32Array(gate), 0, OPEN, COMMITTING) === OPEN
}

/** The request thread, on Cancel: true if the import is stopped before it stored anything. */
export function claimCancel(gate: CommitGate): boolean {
  return Atomics.compareExchange(new Int32Array(gate), 0, OPEN, CANCELLED) !== COMMITTING
}
