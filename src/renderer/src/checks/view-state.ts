// What the check view keeps for each check across a reload: the selected claim, the filters, and
// where the claim list was scrolled. It lives in sessionStorage, as the open check and the screen
// do: a reload (in the browser or in the app) or coming back to the check in the same window finds
// it; a new window opens the check afresh, on what needs attention. Storage is read as untrusted.
import { z } from 'zod'
import { claimKindSchema } from '../../../shared/check'
import { decisionStatusSchema } from '../../../shared/workbench'

const KEY_PREFIX = 'factdesk.checkView.'

const viewStateSchema = z.object({
  selectedId: z.string().max(200).nullable(),
  scope: z.enum(['attention', 'checkable', 'all']),
  kinds: z.array(claimKindSchema).max(50),
  statuses: z.array(decisionStatusSchema).max(10),
  query: z.string().max(500),
  /**
   * The claim-list row at the top of the list and how far it is scrolled past: a row, not a pixel
   * offset, because rows are measured as they are drawn and a reload starts from estimates.
   */
  listAnchor: z.object({ key: z.string().max(200), offset: z.number().finite().min(0) }).nullable()
})
export type CheckViewState = z.infer<typeof viewStateSchema>

type ViewStorage = Pick<Storage, 'getItem' | 'setItem'>

/** The state stored for the check, or null when there is none or it cannot be read. */
export function readViewState(storage: ViewStorage, checkId: number): CheckViewState | null {
  try {
    const raw = storage.getItem(KEY_PREFIX + checkId)
    if (raw === null) return null
    const parsed = viewStateSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
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
