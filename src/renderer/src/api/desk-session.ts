// Signing in to a desk from the browser. The session cookie is HttpOnly (this code never sees
// it); the CSRF token the server hands out with it is kept here, in memory, and sent with every
// API call. A reload asks the server for it again (GET /auth/session answers only this origin).
import { isMemberRole } from '../../../shared/member-rules'
import type { SessionInfo } from '../../../shared/members'
import { ApiCallError, fetchReply, unwrapEnvelope } from './errors'

/** The header the server reads the token from (desk-routes.ts). */
export const CSRF_HEADER = 'X-Factdesk-CSRF'

let csrfToken: string | null = null

export function currentCsrfToken(): string | null {
  return csrfToken
}

interface SessionReply extends SessionInfo {
  csrfToken: string | null
}

/**
 * Checked by hand: the renderer uses no zod at run time (a zod object probes `new Function`,
 * which the page's CSP refuses and reports as a violation; see member-rules.ts).
 */
function sessionReply(value: unknown): SessionReply {
  const v = value as Partial<SessionReply> | null
  const member = v?.member
  const memberOk =
    member === null ||
    (typeof member === 'object' && typeof member?.name === 'string' && isMemberRole(member.role))
  if (
    !v ||
    typeof v.desk !== 'boolean' ||
    !memberOk ||
    !(v.csrfToken === null || typeof v.csrfToken === 'string')
  ) {
    throw new ApiCallError('INTERNAL', 'The server answered with something the page does not understand.')
  }
  return { desk: v.desk, member: member ?? null, csrfToken: v.csrfToken ?? null }
}

async function authCall(path: string, init: RequestInit): Promise<SessionInfo> {
  const { body } = await fetchReply(path, { credentials: 'same-origin', cache: 'no-store', ...init })
  const reply = sessionReply(unwrapEnvelope(body))
  csrfToken = reply.csrfToken
  return { desk: reply.desk, member: reply.member }
}

/** Whether this page is on a desk, and who is signed in. */
export function loadSession(): Promise<SessionInfo> {
  return authCall('/auth/session', { method: 'GET' })
}

export function signIn(name: string, password: string): Promise<SessionInfo> {
  return authCall('/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password })
  })
}

export async function signOut(): Promise<void> {
  try {
    await fetch('/auth/logout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(csrfToken ? { [CSRF_HEADER]: csrfToken } : {}) },
      credentials: 'same-origin',
      cache: 'no-store'
    })
  } finally {
    csrfToken = null
  }
}
