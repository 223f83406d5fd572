// What the check view keeps for each check across a reload: the selected claim, the filters, and
// where the claim list was scrolled. It lives in sessionStorage, as the open check and the screen
// do: a reload (in the browser or in the app) or coming back to the check in the same window finds
// it; a new window opens the check afresh, on what needs attention. Storage is read as untrusted.
import type { ClaimKind } from '../../../shared/check'
import type { DecisionStatus } from '../../../shared/workbench'
import type { ClaimScope } from './checklist'
import { DECISION_LABELS, KIND_LABELS } from './labels'

const KEY_PREFIX = 'factdesk.checkView.'

export interface CheckViewState {
  selectedId: string | null
  scope: ClaimScope
  kinds: ClaimKind[]
  statuses: DecisionStatus[]
  query: string
  /**
   * The claim-list row at the top of the list and how far it is scrolled past: a row, not a pixel
   * offset, because rows are measured as they are drawn and a reload starts from estimates.
   */
  listAnchor: { key: string; offset: number } | null
}

const SCOPES: readonly string[] = ['attention', 'checkable', 'all'] satisfies ClaimScope[]
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max
const listOf = <T extends string>(v: unknown, known: Record<T, unknown>): v is T[] =>
  Array.isArray(v) && v.length <= 50 && v.every((k) => typeof k === 'string' && Object.hasOwn(known, k))

function isAnchor(v: unknown): v is CheckViewState['listAnchor'] {
  if (v === null) return true
  if (typeof v !== 'object') return false
  const { key, offset } = v as Record<string, unknown>
  return isText(key, 200) && typeof offset === 'number' && Number.isFinite(offset) && offset >= 0
}

// Checked by hand, not with zod: zod probes for eval, and the page's CSP reports the attempt.
function isViewState(v: unknown): v is CheckViewState {
  if (typeof v !== 'object' || v === null) return false
  const s = v as Record<string, unknown>
  return (
    (s['selectedId'] === null || isText(s['selectedId'], 200)) &&
    SCOPES.includes(s['scope'] as string) &&
    listOf(s['kinds'], KIND_LABELS) &&
    listOf(s['statuses'], DECISION_LABELS) &&
    isText(s['query'], 500) &&
    isAnchor(s['listAnchor'])
  )
}

type ViewStorage = Pick<Storage, 'getItem' | 'setItem'>

/** The state stored for the check, or null when there is none or it cannot be read. */
export function readViewState(storage: ViewStorage, checkId: number): CheckViewState | null {
  try {
    const raw = storage.getItem(KEY_PREFIX + checkId)
    if (raw === null) return null
    const parsed: unknown = JSON.parse(raw)
    return isViewState(parsed) ? parsed : null
  } catch {
    return null
  }
}

export function writeViewState(storage: ViewStorage, checkId: number, state: CheckViewState): void {
  try {
    storage.setItem(KEY_PREFIX + checkId, JSON.stringify(state))
  } catch {
    // Storage full or refused (a private window): the view works, it only forgets on reload.
  }
}
