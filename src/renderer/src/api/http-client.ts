import type { ApiClient, ImportSource, MethodInput, MethodName, MethodOutput } from '../../../shared/contract'
import { CSRF_HEADER, currentCsrfToken } from './desk-session'
import { ApiCallError, fetchReply, unwrapEnvelope } from './errors'

/**
 * With a token, calls carry it; without one, they ride on the session cookie the token was traded
 * for, or on a desk on the member's session cookie with its CSRF token in a header.
 */
export function createHttpClient(token: string | null, baseUrl = ''): ApiClient {
  /** A POST to the server as every call makes it: the token, or the session cookie and its CSRF token. */
  async function post(
    path: string,
    contentType: string,
    payload: BodyInit,
    signal?: AbortSignal
  ): Promise<unknown> {
    const csrf = token ? null : currentCsrfToken()
    const { response, body } = await fetchReply(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': contentType,
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(csrf ? { [CSRF_HEADER]: csrf } : {})
      },
      body: payload,
      credentials: token ? 'omit' : 'same-origin',
      cache: 'no-store',
      signal
    })
    if (csrf && response.status === 401)
      throw new ApiCallError('UNAUTHORIZED', 'Your session has ended. Reload the page to sign in again.')
    if (!token && response.status === 401)
      throw new ApiCallError(
        'UNAUTHORIZED',
        'This page has no access yet. Open the address factdesk serve printed (it ends in #token=…); after that, reloading or opening a new tab works.'
      )
    return unwrapEnvelope(body)
  }

  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      return (await post(`/api/${method}`, 'application/json', JSON.stringify(input))) as MethodOutput<M>
    },
    // The file as the request's body: the server streams it to disk instead of parsing it as JSON.
    async upload(file: Blob, signal?: AbortSignal): Promise<ImportSource> {
      return (await post('/upload', 'application/octet-stream', file, signal)) as ImportSource
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
