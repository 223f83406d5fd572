// Serve mode: the same handlers over HTTP.
// Single-user (a library file): for a browser on this machine only. Threats it is built against:
// other local programs (token on every API call), web pages the user visits (Origin /
// Sec-Fetch-Site checks, no CORS, JSON content type required) and DNS rebinding (Host must be the
// loopback address we listen on).
// On a desk (desk-routes.ts): members sign in; the session cookie, a CSRF token and the same-origin
// check take the token's place, and the server may listen beyond loopback over TLS or behind a proxy.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { randomBytes } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { ApiError } from '../../shared/errors'
import { dispatch, type DeskMember, type Handlers, type Logger } from '../api/dispatch'
import type { DeskAuth } from '../desk/desk-auth'
import { streamDecisions, type DecisionEvents } from './decision-events'
import { createDeskRoutes } from './desk-routes'
import { uploadOwner, uploadTooLarge, type Uploads } from '../services/uploads'
import {
  CONTENT_TYPES,
  cookieValue,
  readBody,
  SECURITY_HEADERS,
  sendError,
  sendJson,
  tokensMatch
} from './http-replies'

export { MAX_REQUEST_BYTES } from './http-replies'

/** Names of this machine's loopback interface: plain HTTP is served there only. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', '::1', 'localhost'])

export interface HttpServerOptions {
  handlers: Handlers
  /** The built renderer (out/renderer); null serves the API only. */
  rendererDir: string | null
  /** 0 picks a free port. */
  port?: number
  /** Fixed only in tests; normally a fresh random token per run. */
  token?: string
  log?: Logger
  /** A desk: members sign in (no token). Absent: single-user serve. */
  desk?: DeskAuth
  /** Where to listen; loopback unless a desk serves over TLS or behind a proxy (serve.ts checks). */
  host?: string
  /** Serve https with this certificate and key (PEM). */
  tls?: { cert: Buffer; key: Buffer }
  /** The library's live decisions, served at GET /events?check=ID; absent: no such route. */
  events?: DecisionEvents
  /** A proxy in front terminates TLS: cookies are Secure and the client's address is X-Forwarded-For's last. */
  behindProxy?: boolean
  /** Where POST /upload keeps files for library.importFile (the handlers' same Uploads); absent: no such route. */
  uploads?: Uploads
  /** How often an open /events stream on a desk re-checks its session (SESSION_RECHECK_MS); tests shorten it. */
  sessionRecheckMs?: number
}

export interface RunningHttpServer {
  /** The address to open: single-user, with the token in the fragment (never sent to the server or logged). */
  url: string
  origin: string
  port: number
  token: string
  close(): Promise<void>
}

/** The session cookie a token link is traded for, so a reload or a new tab needs no token in the address. */
export const SESSION_COOKIE = 'factdesk_session'
const SESSION_DAYS = 30

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  // Sessions live as long as this server: a new run prints a new token link.
  const sessions = new Set<string>()
  const log = options.log ?? (() => {})
  const host = options.host ?? '127.0.0.1'
  const loopback = LOOPBACK_HOSTS.has(host)
  let allowedHosts: Set<string> = new Set()
  let allowedOrigins: Set<string> = new Set()
  const desk = options.desk
    ? createDeskRoutes({
        auth: options.desk,
        secure: Boolean(options.tls) || Boolean(options.behindProxy),
        addressOf: (req) => clientAddress(req, Boolean(options.behindProxy))
      })
    : null

  /**
   * The Host a request names, as the browser saw it. Beyond loopback the server's public name is
   * not known here, so Host is not checked against a list: a desk's calls need a session, which a
   * DNS-rebound page (another origin) cannot have; the Origin must still name that same host.
   */
  function requestHost(req: IncomingMessage): string {
    const forwarded = options.behindProxy ? req.headers['x-forwarded-host'] : undefined
    return String(
      (Array.isArray(forwarded) ? forwarded[0] : forwarded) ?? req.headers.host ?? ''
    ).toLowerCase()
  }

  /** Host and Origin checks shared by the API and static files. Returns an error or null. */
  function refuseForeign(req: IncomingMessage): ApiError | null {
    if (loopback && !allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      return new ApiError('FORBIDDEN', 'This server answers only to its own loopback address.')
    }
    const origin = req.headers.origin
    if (origin !== undefined && !originAllowed(origin.toLowerCase(), req)) {
      return new ApiError('FORBIDDEN', 'Requests from other sites are refused.')
    }
    const fetchSite = req.headers['sec-fetch-site']
    if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
      return new ApiError('FORBIDDEN', 'Requests from other sites are refused.')
    }
    return null
  }

  function originAllowed(origin: string, req: IncomingMessage): boolean {
    if (loopback) return allowedOrigins.has(origin)
    try {
      return new URL(origin).host === requestHost(req)
    } catch {
      return false
    }
  }

  function bearerValid(req: IncomingMessage): boolean {
    const auth = req.headers.authorization ?? ''
    const given = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : ''
    return given !== '' && tokensMatch(given, token)
  }

  function sessionValid(req: IncomingMessage): boolean {
    const id = cookieValue(req, SESSION_COOKIE)
    return id !== null && sessions.has(id)
  }

  /** POST /session with the token: an HttpOnly, SameSite=Strict cookie for this browser. */
  function startSession(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      return sendJson(
        res,
        405,
        new ApiError('BAD_REQUEST', 'A session is started with a POST request.').toBody()
      )
    }
    if (!bearerValid(req))
      return sendError(res, new ApiError('UNAUTHORIZED', 'A valid token is required to start a session.'))
    const id = randomBytes(24).toString('base64url')
    sessions.add(id)
    res.setHeader(
      'Set-Cookie',
      `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_DAYS * 86_400}`
    )
    sendJson(res, 200, { result: { session: true } })
  }

  /** Single-user serve: the token, or the session cookie it was traded for; UNAUTHORIZED without. */
  function requireToken(req: IncomingMessage): void {
    if (!bearerValid(req) && !sessionValid(req))
      throw new ApiError(
        'UNAUTHORIZED',
        'A valid token is required; open the address factdesk serve printed.'
      )
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      return sendJson(res, 405, new ApiError('BAD_REQUEST', 'API calls are POST requests.').toBody())
    }
    let member: DeskMember | undefined
    let sessionKey: string | null = null
    if (desk) {
      member = await desk.memberFor(req)
      sessionKey = desk.sessionKey(req)
    } else requireToken(req)
    // A JSON content type cannot be sent cross-origin without a CORS preflight, which we never grant.
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return sendError(res, new ApiError('BAD_REQUEST', 'API calls must send JSON.'))
    }
    const raw = await readBody(req)
    let input: unknown
    try {
      input = raw.length === 0 ? {} : JSON.parse(raw)
    } catch {
      return sendError(res, new ApiError('BAD_REQUEST', 'The request body is not valid JSON.'))
    }
    const context = member
      ? { transport: 'http' as const, member, ...(sessionKey ? { sessionKey } : {}) }
      : { transport: 'http' as const }
    const result = await dispatch(options.handlers, method, input, context, log)
    sendJson(res, 200, { result })
  }

  /**
   * POST /upload: a file's bytes as the request body, streamed to disk; answers the source
   * library.importFile takes. Same checks as an API call, with a type of its own instead of JSON.
   */
  async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      return sendJson(
        res,
        405,
        new ApiError('BAD_REQUEST', 'A file is uploaded with a POST request.').toBody()
      )
    }
    let member: DeskMember | undefined
    if (desk) member = await desk.memberFor(req)
    else requireToken(req)
    if (!options.uploads) return sendError(res, new ApiError('NOT_FOUND', 'This server takes no uploads.'))
    // Like JSON, a type no form can send: another site's page cannot post one without a CORS
    // preflight, which is never granted.
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/octet-stream')) {
      return sendError(res, new ApiError('BAD_REQUEST', 'An upload is sent as application/octet-stream.'))
    }
    if (Number(req.headers['content-length'] ?? 0) > options.uploads.maxBytes)
      throw uploadTooLarge(options.uploads.maxBytes)
    // Not destroyed when the limit stops the reading: the refusal must still reach the browser.
    const uploadId = await options.uploads.receive(
      req.iterator({ destroyOnReturn: false }),
      uploadOwner(member)
    )
    sendJson(res, 200, { result: { kind: 'upload', uploadId } })
  }

  /**
   * GET /events?check=ID: the check's decisions as they are made, for a page with a session (or the
   * token). On a desk a signed-in member from the page's own origin; no CSRF token, which an
   * EventSource cannot send and a read that changes nothing does not need.
   */
  async function handleEvents(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET')
      return sendJson(res, 405, new ApiError('BAD_REQUEST', 'Events are read with a GET request.').toBody())
    }
    if (desk) await desk.viewerFor(req)
    else requireToken(req)
    if (!options.events)
      return sendError(res, new ApiError('NOT_FOUND', 'This server has no live decisions.'))
    const session = desk
      ? {
          stillValid: () =>
            desk.viewerFor(req).then(
              () => true,
              () => false
            ),
          ...(options.sessionRecheckMs ? { recheckMs: options.sessionRecheckMs } : {})
        }
      : undefined
    await streamDecisions(req, res, options.events, SECURITY_HEADERS, session)
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, new ApiError('BAD_REQUEST', 'Only GET is served here.').toBody())
    }
    if (!options.rendererDir) return sendError(res, new ApiError('NOT_FOUND', 'No user interface is built.'))
    const root = normalize(options.rendererDir)
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
    const file = normalize(join(root, relative))
    if (!file.startsWith(root + sep)) return sendError(res, new ApiError('NOT_FOUND', 'Not found.'))
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file')
    } catch {
      return sendError(res, new ApiError('NOT_FOUND', 'Not found.'))
    }
    const body = await readFile(file)
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': relative === 'index.html' ? 'no-store' : 'max-age=3600'
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  async function handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (desk) {
      if (await desk.route(req, res, pathname)) return
    } else if (pathname === '/auth/session') {
      // The page asks whether it is on a desk; single-user serve answers no, to anyone.
      return sendJson(res, 200, { result: { desk: false, member: null, csrfToken: null } })
    }
    const apiMatch = /^\/api\/([A-Za-z.]+)$/.exec(pathname)
    if (apiMatch) return handleApi(req, res, apiMatch[1] ?? '')
    if (pathname === '/upload') return handleUpload(req, res)
    return pathname === '/events' ? handleEvents(req, res) : handleStatic(req, res, pathname)
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const refusal = refuseForeign(req)
    if (refusal) return sendError(res, refusal)
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    // The token link belongs to single-user serve; a desk signs members in instead.
    if (pathname === '/session' && !desk) return startSession(req, res)
    const work = handle(req, res, pathname)
    work.catch((error: unknown) => {
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError('INTERNAL', 'Something went wrong; the details are in the log.')
      if (!(error instanceof ApiError)) log('INTERNAL', error)
      // A refused oversized request: its answer goes first, then the connection closes, and what
      // is still arriving meanwhile is read and dropped (destroying the socket with unread data
      // would reset it, and the browser would never see why).
      if (apiError.code === 'TOO_LARGE' && !res.headersSent) {
        res.setHeader('Connection', 'close')
        req.resume()
      }
      if (!res.headersSent) sendError(res, apiError)
      else res.destroy()
    })
  }
  const server = options.tls ? createTlsServer({ ...options.tls }, onRequest) : createServer(onRequest)

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolvePromise())
  })
  const port = (server.address() as AddressInfo).port
  const scheme = options.tls ? 'https' : 'http'
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
  allowedOrigins = new Set([...allowedHosts].map((h) => `${scheme}://${h}`))
  const shownHost = host === '::1' ? '[::1]' : host === '0.0.0.0' || host === '::' ? 'localhost' : host
  const origin = `${scheme}://${shownHost}:${port}`

  return {
    url: desk ? `${origin}/` : `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections()
        server.close(() => resolvePromise())
      })
  }
}

/** Who is asking: behind a proxy, the address it appended last to X-Forwarded-For (earlier ones the client may have forged). */
function clientAddress(req: IncomingMessage, behindProxy: boolean): string {
  const forwarded = behindProxy ? String(req.headers['x-forwarded-for'] ?? '') : ''
  const last = forwarded
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1)
  return last ?? req.socket.remoteAddress ?? 'unknown'
}
