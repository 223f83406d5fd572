// Picks the transport once: the preload's bridge inside Electron, HTTP with the serve token in a
// browser. Everything above this file sees only ApiClient (and, for live decisions, followDecisions).
import type { ApiClient } from '../../../shared/contract'
import { ApiCallError } from './errors'
import { createHttpClient, startSession } from './http-client'
import { createIpcClient } from './ipc-client'
import { followDecisions, type LiveHandlers } from './live-decisions'

const TOKEN_KEY = 'factdesk.token'

/** The token arrives in the URL fragment; keep it for this tab and take it out of the address bar. */
function takeServeToken(): string | null {
  const match = /[#&]token=([A-Za-z0-9_-]+)/.exec(window.location.hash)
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1])
    history.replaceState(null, '', window.location.pathname + window.location.search)
    return match[1]
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

/** Settles once this tab's session cookie is set (or there was no token to trade for one). */
let sessionReady: Promise<void> = Promise.resolve()

function createClient(): ApiClient {
  if (window.factdesk) return createIpcClient(window.factdesk)
  const token = takeServeToken()
  // The token link is traded for a session cookie, so a reload or a new tab opens without it.
  if (token) sessionReady = startSession(token)
  return createHttpClient(token)
}

export const api: ApiClient = createClient()

/**
 * Follows other editors' decisions on the check until the returned function is called. The
 * desktop app has one editor: nothing to follow.
 */
export function followCheck(checkId: number, handlers: LiveHandlers): () => void {
  if (window.factdesk) return () => {}
  return followDecisions(checkId, handlers, sessionReady)
}

export { ApiCallError }

/** In a browser (serve mode) rather than the app: the server says whether it is a desk to sign in to. */
export const overHttp = !window.factdesk
