/** An API call that failed: the code is for the program, the message is for the user. */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** What the program needs to recover from it (a CONFLICT's current decision). */
    readonly details?: Record<string, unknown>
  ) {
    super(message)
    this.name = 'ApiCallError'
  }
}

export function unwrapEnvelope(body: unknown): unknown {
  if (body && typeof body === 'object' && 'result' in body) return (body as { result: unknown }).result
  if (body && typeof body === 'object' && 'error' in body) {
    const { code, message, details } = (
      body as { error: { code?: unknown; message?: unknown; details?: unknown } }
    ).error
    throw new ApiCallError(
      String(code ?? 'INTERNAL'),
      String(message ?? 'Something went wrong.'),
      details && typeof details === 'object' ? (details as Record<string, unknown>) : undefined
    )
  }
  throw new ApiCallError('INTERNAL', 'The app answered with something it does not understand.')
}

/** fetch, with an unreachable server or an unreadable answer as the ApiCallError the UI shows. */
export async function fetchReply(
  url: string,
  init: RequestInit
): Promise<{ response: Response; body: unknown }> {
  let response: Response
  try {
    response = await fetch(url, init)
  } catch {
    throw new ApiCallError('UNREACHABLE', 'Factdesk is not answering. Is factdesk serve still running?')
  }
  try {
    return { response, body: await response.json() }
  } catch {
    throw new ApiCallError('INTERNAL', `The server answered ${response.status} without a readable body.`)
  }
}
