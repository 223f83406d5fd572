// Serve mode: the same handlers over HTTP, for a browser on this machine only.
// Threats it is built against: other local programs (token on every API call), web pages the
// user visits (Origin / Sec-Fetch-Site checks, no CORS, JSON content type required) and DNS
// rebinding (Host must be the loopback address we listen on).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { ApiError, type ApiErrorCode } from '../../shared/errors'
import { dispatch, type Handlers, type Logger } from '../api/dispatch'
import { streamDecisions, type DecisionEvents } from './decision-events'

/** Large enough for a 50 MB file sent as base64 inside JSON, small enough to refuse abuse. */
export const MAX_REQUEST_BYTES = 80 * 1024 * 1024

export interface HttpServerOptions {
  handlers: Handlers
  /** The built renderer (out/renderer); null serves the API only. */
  rendererDir: string | null
  /** 0 picks a free port. */
  port?: number
  /** The library's live decisions, served at GET /events?check=ID; absent: no such route. */
  events?: DecisionEvents
  /** Fixed only in tests; normally a fresh random token per run. */
  token?: string
  log?: Logger
}

export interface RunningHttpServer {
  /** The address to open, with the token in the fragment (never sent to the server or logged). */
  url: string
  origin: string
  port: number
  token: string
  close(): Promise<void>
}

const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  BAD_REQUEST: 400,
  UNKNOWN_METHOD: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TOO_LARGE: 413,
  CONFLICT: 409,
  LIBRARY_TOO_NEW: 409,
  CANCELLED: 409,
  INTERNAL: 500
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin'
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(payload)
  })
  res.end(payload)
}

function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, STATUS_BY_CODE[error.code], error.toBody())
}

function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_REQUEST_BYTES) throw new ApiError('TOO_LARGE', 'The request is larger than the limit.')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_REQUEST_BYTES) throw new ApiError('TOO_LARGE', 'The request is larger than the limit.')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The session cookie a token link is traded for, so a reload or a new tab needs no token in the address. */
export const SESSION_COOKIE = 'factdesk_session'
const SESSION_DAYS = 30

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return null
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  // Sessions live as long as this server: a new run prints a new token link.
  const sessions = new Set<string>()
  const log = options.log ?? (() => {})
  let allowedHosts: Set<string> = new Set()
  let allowedOrigins: Set<string> = new Set()

  /** Host and Origin checks shared by the API and static files. Returns an error or null. */
  function refuseForeign(req: IncomingMessage): ApiError | null {
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      return new ApiError('FORBIDDEN', 'This server answers only to its own loopback address.')
    }
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) {
      return new ApiError('FORBIDDEN', 'Requests from other sites are refused.')
    }
    const fetchSite = req.headers['sec-fetch-site']
    if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
      return new ApiError('FORBIDDEN', 'Requests from other sites are refused.')
    }
    return null
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

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      return sendJson(res, 405, new ApiError('BAD_REQUEST', 'API calls are POST requests.').toBody())
    }
    if (!bearerValid(req) && !sessionValid(req)) {
      return sendError(
        res,
        new ApiError('UNAUTHORIZED', 'A valid token is required; open the address factdesk serve printed.')
      )
    }
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
    const result = await dispatch(options.handlers, method, input, { transport: 'http' }, log)
    sendJson(res, 200, { result })
  }

  /** GET /events?check=ID: the check's decisions as they are made, for a page with a session (or the token). */
  async function handleEvents(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET')
      return sendJson(res, 405, new ApiError('BAD_REQUEST', 'Events are read with a GET request.').toBody())
    }
    if (!bearerValid(req) && !sessionValid(req)) {
      return sendError(
        res,
        new ApiError('UNAUTHORIZED', 'A valid token is required; open the address factdesk serve printed.')
      )
    }
    if (!options.events)
      return sendError(res, new ApiError('NOT_FOUND', 'This server has no live decisions.'))
    await streamDecisions(req, res, options.events, SECURITY_HEADERS)
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

  const server = createServer((req, res) => {
    const refusal = refuseForeign(req)
    if (refusal) return sendError(res, refusal)
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    if (pathname === '/session') return startSession(req, res)
    const apiMatch = /^\/api\/([A-Za-z.]+)$/.exec(pathname)
    const work = apiMatch
      ? handleApi(req, res, apiMatch[1] ?? '')
      : pathname === '/events'
        ? handleEvents(req, res)
        : handleStatic(req, res, pathname)
    work.catch((error: unknown) => {
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError('INTERNAL', 'Something went wrong; the details are in the log.')
      if (!(error instanceof ApiError)) log('INTERNAL', error)
      if (!res.headersSent) sendError(res, apiError)
      else res.destroy()
      // A refused oversized upload must not keep streaming into the void.
      if (apiError.code === 'TOO_LARGE') req.destroy()
    })
  })

  // Loopback only, never configurable: serve mode is for a browser on this machine.
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise())
  })
  const port = (server.address() as AddressInfo).port
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])
  const origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/#token=${token}`,
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
