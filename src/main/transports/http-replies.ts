// Replies and request reading shared by serve mode's routes (http.ts, desk-routes.ts).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { ApiError, type ApiErrorCode } from '../../shared/errors'

/** Large enough for a 50 MB file sent as base64 inside JSON, small enough to refuse abuse. */
export const MAX_REQUEST_BYTES = 80 * 1024 * 1024

export const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  BAD_REQUEST: 400,
  UNKNOWN_METHOD: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TOO_LARGE: 413,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  LIBRARY_TOO_NEW: 409,
  CANCELLED: 409,
  INTERNAL: 500
}

export const CONTENT_TYPES: Record<string, string> = {
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

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin'
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(payload)
  })
  res.end(payload)
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, STATUS_BY_CODE[error.code], error.toBody())
}

export function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_REQUEST_BYTES) throw new ApiError('TOO_LARGE', 'The request is larger than the limit.')
  const chunks: Buffer[] = []
  let size = 0
  // Left open past the limit: the refusal is answered before the connection closes (http.ts).
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    size += (chunk as Buffer).length
    if (size > MAX_REQUEST_BYTES) throw new ApiError('TOO_LARGE', 'The request is larger than the limit.')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return null
}
