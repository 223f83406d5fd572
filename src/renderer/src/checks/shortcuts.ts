// The check view's keyboard: one table drives both the key handling and the shortcuts overlay,
// so what the overlay says is what the keys do.

export type CheckAction =
  | 'next'
  | 'previous'
  | 'verified'
  | 'disputed'
  | 'corrected'
  | 'dismissed'
  | 'reopen'
  | 'note'
  | 'pin'
  | 'nextEvidence'
  | 'addClaim'
  | 'search'
  | 'undo'
  | 'redo'
  | 'help'

export interface Shortcut {
  action: CheckAction
  keys: string[]
  label: string
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'next', keys: ['j', 'ArrowDown'], label: 'Next claim' },
  { action: 'previous', keys: ['k', 'ArrowUp'], label: 'Previous claim' },
  { action: 'verified', keys: ['v'], label: 'Mark verified' },
  { action: 'disputed', keys: ['x'], label: 'Mark disputed' },
  { action: 'corrected', keys: ['c'], label: 'Correct: type the corrected wording' },
  { action: 'dismissed', keys: ['d'], label: 'Not checkable (dismiss)' },
  { action: 'reopen', keys: ['o'], label: 'Reopen (back to open)' },
  { action: 'note', keys: ['n'], label: 'Write a note' },
  { action: 'nextEvidence', keys: ['e'], label: 'Next evidence passage' },
  { action: 'pin', keys: ['p'], label: 'Pin or unpin the evidence passage' },
  { action: 'addClaim', keys: ['a'], label: 'Add the selected story text as a claim' },
  { action: 'search', keys: ['/'], label: 'Search the claims' },
  { action: 'undo', keys: ['z', 'Ctrl+z'], label: 'Undo the last decision' },
  { action: 'redo', keys: ['Z', 'Ctrl+y', 'Ctrl+Z'], label: 'Redo' },
  { action: 'help', keys: ['?'], label: 'Show or hide these shortcuts' }
]

export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
}

/** The action for a key press, or null. Cmd counts as Ctrl, so the Mac keys are the usual ones. */
export function actionFor(press: KeyPress): CheckAction | null {
  if (press.altKey) return null
  const name = press.ctrlKey || press.metaKey ? `Ctrl+${press.key}` : press.key
  return SHORTCUTS.find((s) => s.keys.includes(name))?.action ?? null
}

/** How a key is shown in the overlay and on buttons. */
export function keyLabel(key: string): string {
  const names: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', Z: 'Shift+Z' }
  return names[key] ?? key.replace('Ctrl+', navigatorIsMac() ? '⌘' : 'Ctrl+')
}

function navigatorIsMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)
}
