import type { ApiClient, MethodInput, MethodName, MethodOutput } from '../../../shared/contract'
import { CSRF_HEADER, currentCsrfToken } from './desk-session'
import { ApiCallError, fetchReply, unwrapEnvelope } from './errors'

/**
 * With a token, calls carry it; without one, they ride on the session cookie the token was traded
 * for, or on a desk on the member's session cookie with its CSRF token in a header.
 */
export function createHttpClient(token: string | null, baseUrl = ''): ApiClient {
  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const csrf = token ? null : currentCsrfToken()
      const { response, body } = await fetchReply(`${baseUrl}/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(csrf ? { [CSRF_HEADER]: csrf } : {})
        },
        body: JSON.stringify(input),
        credentials: token ? 'omit' : 'same-origin',
        cache: 'no-store'
      })
      if (csrf && response.status === 401)
        throw new ApiCallError('UNAUTHORIZED', 'Your session has ended. Reload the page to sign in again.')
      if (!token && response.status === 401)
        throw new ApiCallError(
          'UNAUTHORIZED',
          'This page has no access yet. Open the address factdesk serve printed (it ends in #token=…); after that, reloading or opening a new tab works.'
        )
      return unwrapEnvelope(body) as MethodOutput<M>
    }
  }
}

/** Trades the token for the session cookie; a failure leaves the token to do the work. */
export async function startSession(token: string, baseUrl = ''): Promise<void> {
  try {
    await fetch(`${baseUrl}/session`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      credentials: 'same-origin',
      cache: 'no-store'
    })
  } catch {
    // The calls still carry the token in this tab.
  }
}
