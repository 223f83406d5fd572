import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { cannedHandlers } from '../../test-support/api-handlers'
import { sendRaw } from '../../test-support/raw-http'
import { startHttpServer, type RunningHttpServer } from './http'
import { scratchDirs } from '../../test-support/scratch-dirs'

let server: RunningHttpServer
let rendererDir: string
const scratch = scratchDirs('factdesk-renderer-')

function apiHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, ...extra }
}

beforeAll(async () => {
  rendererDir = scratch()
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Factdesk</title>')
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  server = await startHttpServer({ handlers: cannedHandlers(), rendererDir })
})
afterAll(() => server.close())

describe('serve mode over HTTP', () => {
  it('listens on the loopback address only and puts the token in the URL fragment', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`)
    expect(server.token.length).toBeGreaterThanOrEqual(32)
  })

  it('answers an authorised call with the handler result', async () => {
    const reply = await sendRaw(server, { path: '/api/app.info', headers: apiHeaders(), body: '{}' })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ result: { transport: 'http', textCount: 3 } })
  })

  it('refuses a call without a token with 401', async () => {
    const reply = await sendRaw(server, {
      path: '/api/app.info',
      headers: { 'Content-Type': 'application/json' },
      body: '{}'
    })
    expect(reply.status).toBe(401)
    expect(JSON.parse(reply.body).error.code).toBe('UNAUTHORIZED')
  })

  it('trades the token for an HttpOnly, SameSite=Strict session cookie that later calls may use instead', async () => {
    const refused = await sendRaw(server, { path: '/session', headers: { Authorization: 'Bearer wrong' } })
    expect(refused.status).toBe(401)
    expect(refused.headers['set-cookie']).toBeUndefined()

    const started = await sendRaw(server, {
      path: '/session',
      headers: { Authorization: `Bearer ${server.token}` }
    })
    expect(started.status).toBe(200)
    const cookie = String(started.headers['set-cookie'])
    expect(cookie).toMatch(/^factdesk_session=[\w-]{20,};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    const session = cookie.split(';')[0]!

    const withCookie = await sendRaw(server, {
      path: '/api/app.info',
      headers: { 'Content-Type': 'application/json', Cookie: session },
      body: '{}'
    })
    expect(withCookie.status).toBe(200)
    const forged = await sendRaw(server, {
      path: '/api/app.info',
      headers: { 'Content-Type': 'application/json', Cookie: 'factdesk_session=made-up-session-id-xyz' },
      body: '{}'
    })
    expect(forged.status).toBe(401)
    // The cookie is no pass for another site's page: Origin and fetch metadata still refuse.
    const crossSite = await sendRaw(server, {
      path: '/api/app.info',
      headers: { 'Content-Type': 'application/json', Cookie: session, 'Sec-Fetch-Site': 'cross-site' },
      body: '{}'
    })
    expect(crossSite.status).toBe(403)
  })

  it('refuses a wrong token with 401', async () => {
    const reply = await sendRaw(server, {
      path: '/api/app.info',
      headers: apiHeaders({ Authorization: 'Bearer nope' }),
      body: '{}'
    })
    expect(reply.status).toBe(401)
  })

  it('refuses a foreign Origin with 403 even with the right token', async () => {
    const reply = await sendRaw(server, {
      path: '/api/app.info',
      headers: apiHeaders({ Origin: 'https://evil.example' }),
      body: '{}'
    })
    expect(reply.status).toBe(403)
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('refuses a foreign Host (DNS rebinding) with 403, for pages too', async () => {
    const api = await sendRaw(server, {
      path: '/api/app.info',
      headers: apiHeaders({ Host: `evil.example:${server.port}` }),
      body: '{}'
    })
    const page = await sendRaw(server, { method: 'GET', path: '/', headers: { Host: 'evil.example' } })
    expect([api.status, page.status]).toEqual([403, 403])
  })

  it('refuses cross-site fetch metadata', async () => {
    const reply = await sendRaw(server, {
      path: '/api/app.info',
      headers: apiHeaders({ 'Sec-Fetch-Site': 'cross-site' }),
      body: '{}'
    })
    expect(reply.status).toBe(403)
  })

  it('accepts its own origin', async () => {
    const reply = await sendRaw(server, {
      path: '/api/app.info',
      headers: apiHeaders({ Origin: server.origin }),
      body: '{}'
    })
    expect(reply.status).toBe(200)
  })

  it('requires POST and a JSON body', async () => {
    const get = await sendRaw(server, { method: 'GET', path: '/api/app.info', headers: apiHeaders() })
    const form = await sendRaw(server, {
      path: '/api/app.info',
      headers: apiHeaders({ 'Content-Type': 'text/plain' }),
      body: '{}'
    })
    const broken = await sendRaw(server, { path: '/api/app.info', headers: apiHeaders(), body: '{"' })
    expect([get.status, form.status, broken.status]).toEqual([405, 400, 400])
  })

  it('validates input and names unknown methods with typed errors', async () => {
    const bad = await sendRaw(server, { path: '/api/library.get', headers: apiHeaders(), body: '{"id":"x"}' })
    const unknown = await sendRaw(server, { path: '/api/library.nuke', headers: apiHeaders(), body: '{}' })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error.code).toBe('BAD_REQUEST')
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.body).error.code).toBe('UNKNOWN_METHOD')
  })

  it('serves the renderer with the content security policy', async () => {
    const page = await sendRaw(server, { method: 'GET', path: '/' })
    const asset = await sendRaw(server, { method: 'GET', path: '/assets/app.js' })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(asset.headers['content-type']).toContain('text/javascript')
  })

  it('does not serve files outside the renderer folder', async () => {
    const traversal = await sendRaw(server, { method: 'GET', path: '/..%2F..%2Fetc%2Fpasswd' })
    const dotdot = await sendRaw(server, { method: 'GET', path: '/assets/../../secret' })
    expect([traversal.status, dotdot.status]).toEqual([404, 404])
  })
})
