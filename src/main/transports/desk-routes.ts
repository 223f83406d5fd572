// Serve mode on a desk: sign-in instead of the token link. The page asks GET /auth/session who
// it is, signs in with POST /auth/login (name and password), and out with POST /auth/logout.
// Every API call then needs the session cookie, the session's CSRF token in a header, and to
// come from the page's own origin.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { ApiError } from '../../shared/errors'
import { memberNameSchema, PASSWORD_MAX, type SessionInfo } from '../../shared/members'
import type { DeskMember } from '../api/dispatch'
import { LoginLimited, sessionKeyOf, type DeskAuth } from '../desk/desk-auth'
import { cookieValue, readBody, sendJson, tokensMatch } from './http-replies'

/** The header the page sends the session's CSRF token in (a custom header is never sent cross-site without a preflight). */
export const CSRF_HEADER = 'x-factdesk-csrf'

const loginSchema = z
  .object({ name: memberNameSchema, password: z.string().min(1).max(PASSWORD_MAX) })
  .strict()

export interface DeskRoutes {
  /** Answers /auth/* requests; false when the path is not one of them. */
  route(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean>
  /** The member an API call is made by; throws UNAUTHORIZED or FORBIDDEN when the call is refused. */
  memberFor(req: IncomingMessage): Promise<DeskMember>
  /** The digest of the request's session id, as the store keeps it; null without a session cookie. */
  sessionKey(req: IncomingMessage): string | null
  /** The member reading a stream (GET): signed in, from the page's own origin; no CSRF token needed. */
  viewerFor(req: IncomingMessage): Promise<DeskMember>
}

export interface DeskRoutesOptions {
  auth: DeskAuth
  /** Secure cookies (under the __Host- prefix): the page is served over https, here or by a proxy. */
  secure: boolean
  /** The address a request comes from, for the sign-in limit (the proxy's client when behind one). */
  addressOf(req: IncomingMessage): string
}

export function createDeskRoutes(options: DeskRoutesOptions): DeskRoutes {
  // __Host-: the browser accepts it only Secure, on Path=/ and without Domain, so no other
  // host or path can plant or shadow it.
  const cookieName = options.secure ? '__Host-factdesk_desk' : 'factdesk_desk'
  const cookie = (value: string, maxAge: number): string =>
    `${cookieName}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}${options.secure ? '; Secure' : ''}`

  async function readJson(req: IncomingMessage): Promise<unknown> {
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      throw new ApiError('BAD_REQUEST', 'This request must send JSON.')
    }
    try {
      const raw = await readBody(req)
      return raw.length === 0 ? {} : JSON.parse(raw)
    } catch (error) {
      if (error instanceof ApiError) throw error
      throw new ApiError('BAD_REQUEST', 'The request body is not valid JSON.')
    }
  }

  function requirePost(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method === 'POST') return true
    res.setHeader('Allow', 'POST')
    sendJson(res, 405, new ApiError('BAD_REQUEST', 'This is a POST request.').toBody())
    return false
  }

  /** A state-changing request must say it comes from this page: browsers send these on every POST. */
  function requireSameOrigin(req: IncomingMessage): void {
    const site = req.headers['sec-fetch-site']
    if (req.headers.origin === undefined && site !== 'same-origin') {
      throw new ApiError('FORBIDDEN', 'Requests that do not come from the Factdesk page are refused.')
    }
  }

  async function signedIn(req: IncomingMessage) {
    const id = cookieValue(req, cookieName)
    return id ? await options.auth.session(id) : null
  }

  return {
    async route(req, res, pathname) {
      if (pathname === '/auth/session') {
        const session = await signedIn(req)
        const body: SessionInfo & { csrfToken: string | null } = {
          desk: true,
          member: session ? { name: session.member.name, role: session.member.role } : null,
          csrfToken: session?.csrfToken ?? null
        }
        sendJson(res, 200, { result: body })
        return true
      }
      if (pathname === '/auth/login') {
        if (!requirePost(req, res)) return true
        requireSameOrigin(req)
        const parsed = loginSchema.safeParse(await readJson(req))
        if (!parsed.success) throw new ApiError('BAD_REQUEST', 'Sign in with a name and a password.')
        try {
          const done = await options.auth.signIn(
            parsed.data.name,
            parsed.data.password,
            options.addressOf(req)
          )
          res.setHeader('Set-Cookie', cookie(done.sessionId, done.maxAgeSeconds))
          sendJson(res, 200, {
            result: {
              desk: true,
              member: { name: done.member.name, role: done.member.role },
              csrfToken: done.csrfToken
            }
          })
        } catch (error) {
          if (error instanceof LoginLimited) res.setHeader('Retry-After', String(error.retryAfter))
          throw error
        }
        return true
      }
      if (pathname === '/auth/logout') {
        if (!requirePost(req, res)) return true
        requireSameOrigin(req)
        const id = cookieValue(req, cookieName)
        const session = id ? await options.auth.session(id) : null
        if (!id || !session) throw new ApiError('UNAUTHORIZED', 'This page is not signed in.')
        if (!tokensMatch(String(req.headers[CSRF_HEADER] ?? ''), session.csrfToken)) {
          throw new ApiError(
            'FORBIDDEN',
            'The request is missing this page’s security token; reload the page.'
          )
        }
        await options.auth.signOut(id)
        res.setHeader('Set-Cookie', cookie('', 0))
        sendJson(res, 200, { result: { signedOut: true } })
        return true
      }
      return false
    },

    async memberFor(req) {
      const session = await signedIn(req)
      if (!session) throw new ApiError('UNAUTHORIZED', 'Sign in to use this desk.')
      requireSameOrigin(req)
      if (!tokensMatch(String(req.headers[CSRF_HEADER] ?? ''), session.csrfToken)) {
        throw new ApiError('FORBIDDEN', 'The request is missing this page’s security token; reload the page.')
      }
      return session.member
    },

    sessionKey(req) {
      const id = cookieValue(req, cookieName)
      return id ? sessionKeyOf(id) : null
    },

    async viewerFor(req) {
      const session = await signedIn(req)
      if (!session) throw new ApiError('UNAUTHORIZED', 'Sign in to use this desk.')
      requireSameOrigin(req)
      return session.member
    }
  }
}
