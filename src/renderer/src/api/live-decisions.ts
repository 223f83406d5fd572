// Other editors' decisions as they are made, for the check open in this tab: serve mode's
// server-sent events (GET /events?check=ID, on the session cookie). The desktop app has one
// editor and no stream; its decisions are all this window's own.
import type { ReviewChange } from '../../../shared/review'
import type { DecisionChange } from '../../../shared/workbench'
import { isDecisionChange, isReviewChange } from './shapes'

export interface LiveHandlers {
  change(change: DecisionChange): void
  /** The check's review after a step or an assignment, by anyone. */
  review?(change: ReviewChange): void
  /** The stream came back after a drop: changes made meanwhile were not delivered, read them afresh. */
  reconnected(): void
}

/** How long to wait before opening a stream the server refused (a session not yet started, a restart). */
const RETRY_MS = 1000

/** Follows the check's decisions until the returned function is called. */
export function followDecisions(
  checkId: number,
  handlers: LiveHandlers,
  ready: Promise<void>,
  baseUrl = ''
): () => void {
  let source: EventSource | null = null
  let retry: ReturnType<typeof setTimeout> | null = null
  let stopped = false
  let dropped = false

  function open(): void {
    if (stopped) return
    const next = new EventSource(`${baseUrl}/events?check=${checkId}`)
    source = next
    next.addEventListener('open', () => {
      if (dropped) handlers.reconnected()
      dropped = false
    })
    next.addEventListener('decision', (event) => {
      let data: unknown
      try {
        data = JSON.parse((event as MessageEvent<string>).data)
      } catch {
        return
      }
      if (isDecisionChange(data) && data.checkId === checkId) handlers.change(data)
    })
    next.addEventListener('review', (event) => {
      let data: unknown
      try {
        data = JSON.parse((event as MessageEvent<string>).data)
      } catch {
        return
      }
      if (isReviewChange(data) && data.checkId === checkId) handlers.review?.(data)
    })
    next.addEventListener('error', () => {
      dropped = true
      // EventSource retries a dropped connection itself, but gives up on an HTTP error (a 401
      // before the session cookie arrived, a server restarting): open a new one then.
      if (next.readyState === EventSource.CLOSED && !stopped) {
        next.close()
        retry = setTimeout(open, RETRY_MS)
      }
    })
  }

  void ready.then(open)
  return () => {
    stopped = true
    if (retry) clearTimeout(retry)
    source?.close()
  }
}
