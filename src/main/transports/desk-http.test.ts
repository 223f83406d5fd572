// Serve mode on a desk, over real HTTP: signing in, the session cookie, the CSRF token and the
// same-origin check on every call, roles, the sign-in limit, signing out.
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { request as tlsRequest } from 'node:https'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cannedHandlers } from '../../test-support/api-handlers'
import { sendRaw } from '../../test-support/raw-http'
import { createDeskAuth } from '../desk/desk-auth'
import { LoginLimit } from '../desk/login-limit'
import { hashPassword } from '../desk/passwords'
import { openLibrary, type SqliteLibrary } from '../library/sqlite'
import { startHttpServer, type HttpServerOptions, type RunningHttpServer } from './http'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: { result?: Record<string, unknown>; error?: { code: string; message: string } }
}

/** sendRaw with a JSON body, its answer read as JSON. */
async function send(
  server: RunningHttpServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: unknown }
): Promise<Reply> {
  const reply = await sendRaw(server, {
    ...options,
    body: options.body === undefined ? undefined : JSON.stringify(options.body)
  })
  return { ...reply, body: JSON.parse(reply.body || '{}') as Reply['body'] }
}

const PASSWORD = 'a long enough passphrase'
let library: SqliteLibrary
let server: RunningHttpServer
let origin: string

async function startDesk(
  extra: Partial<HttpServerOptions> = {},
  limit?: LoginLimit
): Promise<RunningHttpServer> {
  return startHttpServer({
    handlers: cannedHandlers({ 'members.list': async () => ({ members: await library.members.list() }) }),
    rendererDir: null,
    desk: createDeskAuth(library, limit ? { limit } : {}),
    ...extra
  })
}

beforeAll(async () => {
  library = openLibrary(':memory:')
  // Cheap parameters: the hashes are checked the same way, only faster.
  const fast = { N: 2 ** 10, r: 8, p: 1 }
  await library.members.add({ name: 'Ana', role: 'admin', passwordHash: await hashPassword(PASSWORD, fast) })
  await library.members.add({
    name: 'Ben',
    role: 'checker',
    passwordHash: await hashPassword(PASSWORD, fast)
  })
})
afterAll(() => library.close())
beforeEach(async () => {
  server = await startDesk()
  origin = server.origin
})
afterEach(() => server.close())

const json = (extra: Record<string, string> = {}) => ({
  'Content-Type': 'application/json',
  Origin: origin,
  ...extra
})

async function signIn(name: string, password = PASSWORD, headers = json()) {
  const reply = await send(server, { path: '/auth/login', headers, body: { name, password } })
  const setCookie = String(reply.headers['set-cookie'] ?? '')
  return {
    reply,
    setCookie,
    cookie: setCookie.split(';')[0]!,
    csrf: String(reply.body.result?.['csrfToken'] ?? '')
  }
}

describe('a desk over HTTP', () => {
  it('tells the page it is a desk and nobody is signed in; serves no token link', async () => {
    expect(server.url).toBe(`${origin}/`)
    const who = await send(server, { method: 'GET', path: '/auth/session' })
    expect(who.body.result).toEqual({ desk: true, member: null, csrfToken: null })
    const token = await send(server, {
      path: '/session',
      headers: { Authorization: `Bearer ${server.token}` }
    })
    // Not a route on a desk: it falls to the static files, which take GET only.
    expect(token.status).toBe(405)
    expect(token.headers['set-cookie']).toBeUndefined()
  })

  it('signs a member in with an HttpOnly, SameSite=Strict cookie and a CSRF token, and knows them after', async () => {
    const { reply, setCookie, cookie, csrf } = await signIn('ana')
    expect(reply.status).toBe(200)
    expect(reply.body.result).toMatchObject({ desk: true, member: { name: 'Ana', role: 'admin' } })
    expect(setCookie).toMatch(
      /^factdesk_desk=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/
    )
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const who = await send(server, { method: 'GET', path: '/auth/session', headers: { Cookie: cookie } })
    expect(who.body.result).toEqual({ desk: true, member: { name: 'Ana', role: 'admin' }, csrfToken: csrf })
    const call = await send(server, {
      path: '/api/app.info',
      headers: json({ Cookie: cookie, 'X-Factdesk-CSRF': csrf }),
      body: {}
    })
    expect(call.status).toBe(200)
  })

  it('refuses a wrong password and an unknown name with the same plain 401', async () => {
    const wrong = await signIn('Ana', 'not the passphrase')
    const unknown = await signIn('Zed')
    for (const { reply, setCookie } of [wrong, unknown]) {
      expect(reply.status).toBe(401)
      expect(reply.body.error).toEqual({
        code: 'UNAUTHORIZED',
        message: 'That name and password do not match a member of this desk.'
      })
      expect(setCookie).toBe('')
    }
  })

  it('refuses a call without the cookie, without or with a wrong CSRF token, or from another site', async () => {
    const { cookie, csrf } = await signIn('Ana')
    const tries: Array<[string, Record<string, string>, number]> = [
      ['no cookie', json({ 'X-Factdesk-CSRF': csrf }), 401],
      ['the bearer token of single-user serve', json({ Authorization: `Bearer ${server.token}` }), 401],
      ['no CSRF token', json({ Cookie: cookie }), 403],
      ['a wrong CSRF token', json({ Cookie: cookie, 'X-Factdesk-CSRF': csrf.slice(1) + 'A' }), 403],
      [
        'a foreign Origin',
        json({ Cookie: cookie, 'X-Factdesk-CSRF': csrf, Origin: 'https://evil.example' }),
        403
      ],
      [
        'cross-site fetch metadata',
        {
          'Content-Type': 'application/json',
          Cookie: cookie,
          'X-Factdesk-CSRF': csrf,
          'Sec-Fetch-Site': 'cross-site'
        },
        403
      ],
      [
        'neither Origin nor fetch metadata',
        { 'Content-Type': 'application/json', Cookie: cookie, 'X-Factdesk-CSRF': csrf },
        403
      ]
    ]
    for (const [what, headers, status] of tries) {
      const reply = await send(server, { path: '/api/app.info', headers, body: {} })
      expect(reply.status, what).toBe(status)
      expect(reply.body.error?.message, what).toEqual(expect.any(String))
    }
    const login = await send(server, {
      path: '/auth/login',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: { name: 'Ana', password: PASSWORD }
    })
    expect(login.status).toBe(403)
  })

  it('gives the handlers the session a call came with, as the store names it', async () => {
    await server.close()
    let seen: { member?: unknown; sessionKey?: string } = {}
    server = await startDesk({
      handlers: cannedHandlers({
        'account.changePassword': (_input, context) => {
          seen = context
          return { changed: true as const }
        }
      })
    })
    origin = server.origin
    await signIn('Ana')
    const ben = await signIn('Ben')
    const reply = await send(server, {
      path: '/api/account.changePassword',
      headers: json({ Cookie: ben.cookie, 'X-Factdesk-CSRF': ben.csrf }),
      body: { currentPassword: PASSWORD, newPassword: 'another long passphrase' }
    })
    expect(reply.status).toBe(200)
    expect(seen.member).toMatchObject({ name: 'Ben' })
    // The key names Ben's session in the store (its digest), not the cookie's value itself.
    expect(seen.sessionKey).toMatch(/^[0-9a-f]{64}$/)
    expect(ben.cookie).not.toContain(seen.sessionKey!)
    const stored = await library.sessions.get(seen.sessionKey!, new Date().toISOString())
    expect(stored?.member).toMatchObject({ name: 'Ben' })
  })

  it('gives the handlers the member, so admin-only methods are refused to a checker', async () => {
    const ben = await signIn('Ben')
    const refused = await send(server, {
      path: '/api/members.list',
      headers: json({ Cookie: ben.cookie, 'X-Factdesk-CSRF': ben.csrf }),
      body: {}
    })
    expect(refused.status).toBe(403)
    const ana = await signIn('Ana')
    const listed = await send(server, {
      path: '/api/members.list',
      headers: json({ Cookie: ana.cookie, 'X-Factdesk-CSRF': ana.csrf }),
      body: {}
    })
    expect(listed.status).toBe(200)
    expect((listed.body.result?.['members'] as unknown[]).length).toBe(2)
  })

  it('keeps sessions in the store: a restarted server still knows the member', async () => {
    const { cookie, csrf } = await signIn('Ana')
    await server.close()
    server = await startDesk()
    origin = server.origin
    const call = await send(server, {
      path: '/api/app.info',
      headers: json({ Cookie: cookie, 'X-Factdesk-CSRF': csrf }),
      body: {}
    })
    expect(call.status).toBe(200)
  })

  it('signs out with the CSRF token only, after which the cookie opens nothing', async () => {
    const { cookie, csrf } = await signIn('Ana')
    expect((await send(server, { path: '/auth/logout', headers: json({ Cookie: cookie }) })).status).toBe(403)
    const out = await send(server, {
      path: '/auth/logout',
      headers: json({ Cookie: cookie, 'X-Factdesk-CSRF': csrf })
    })
    expect(out.status).toBe(200)
    expect(String(out.headers['set-cookie'])).toMatch(/^factdesk_desk=; .*Max-Age=0/)
    const after = await send(server, {
      path: '/api/app.info',
      headers: json({ Cookie: cookie, 'X-Factdesk-CSRF': csrf }),
      body: {}
    })
    expect(after.status).toBe(401)
  })

  it('refuses sign-ins with 429 and Retry-After after a few failures, even the right password', async () => {
    await server.close()
    server = await startDesk({}, new LoginLimit({ maxFailures: 3, windowMs: 60_000 }))
    origin = server.origin
    for (let i = 0; i < 3; i++) expect((await signIn('Ben', 'wrong password')).reply.status).toBe(401)
    const limited = await signIn('Ben')
    expect(limited.reply.status).toBe(429)
    expect(Number(limited.reply.headers['retry-after'])).toBeGreaterThan(0)
    expect(limited.reply.body.error?.code).toBe('TOO_MANY_REQUESTS')
    expect(limited.setCookie).toBe('')
  })

  it('behind a proxy, sets a Secure __Host- cookie', async () => {
    await server.close()
    server = await startDesk({ behindProxy: true })
    origin = server.origin
    const { setCookie } = await signIn('Ana')
    expect(setCookie).toMatch(
      /^__Host-factdesk_desk=[^;]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+; Secure$/
    )
  })
})

/** Opens GET /events and answers with the status and type, closing a stream once it is open. */
function openEvents(target: RunningHttpServer, headers: Record<string, string>) {
  return new Promise<{ status: number; type: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: target.port, method: 'GET', path: '/events?check=1', headers },
      (res) => {
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? '') })
        res.destroy()
      }
    )
    req.on('error', (error) => ((error as { code?: string }).code === 'ECONNRESET' ? null : reject(error)))
    req.end()
  })
}

/** Opens GET /events on `check` and answers with the status, and for a stream when it ends. */
function followEvents(target: RunningHttpServer, headers: Record<string, string>, check = 1) {
  return new Promise<{ status: number; ended: Promise<void> }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: target.port, method: 'GET', path: `/events?check=${check}`, headers },
      (res) => {
        res.resume()
        resolve({ status: res.statusCode ?? 0, ended: new Promise((done) => res.on('end', done)) })
      }
    )
    req.on('error', reject)
    req.end()
  })
}

describe('live decisions on a desk', () => {
  it('streams to a signed-in member from the page itself, without the CSRF token an EventSource cannot send', async () => {
    await server.close()
    server = await startDesk({ events: { watch: async () => () => {} } })
    origin = server.origin
    const { cookie } = await signIn('Ben')
    const same = { 'Sec-Fetch-Site': 'same-origin' }
    expect(await openEvents(server, { Cookie: cookie, ...same })).toEqual({
      status: 200,
      type: 'text/event-stream; charset=utf-8'
    })
    expect((await openEvents(server, same)).status).toBe(401)
    expect((await openEvents(server, { Cookie: cookie })).status).toBe(403)
    expect((await openEvents(server, { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
  })

  it('ends a stream once its session is signed out, and follows only a check that exists', async () => {
    await server.close()
    const followed: number[] = []
    server = await startDesk({
      events: {
        watch: async (checkId) => {
          followed.push(checkId)
          return () => {}
        },
        exists: async (checkId) => checkId === 1
      },
      sessionRecheckMs: 20
    })
    origin = server.origin
    const { cookie, csrf } = await signIn('Ben')
    const headers = { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' }
    const missing = await followEvents(server, headers, 2)
    expect(missing.status).toBe(404)
    const stream = await followEvents(server, headers)
    expect(stream.status).toBe(200)
    let ended = false
    void stream.ended.then(() => (ended = true))
    // Still open while the session stands (several rechecks later); ended once it is signed out.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(ended).toBe(false)
    const out = await send(server, {
      path: '/auth/logout',
      headers: json({ Cookie: cookie, 'X-Factdesk-CSRF': csrf })
    })
    expect(out.status).toBe(200)
    await stream.ended
    expect(followed).toEqual([1])
  })
})

describe('a desk over https', () => {
  const tlsDir = join(__dirname, '..', '..', 'test-support', 'tls')
  const cert = readFileSync(join(tlsDir, 'cert.pem'))

  it('serves https with the certificate given, and its cookie is Secure under __Host-', async () => {
    const secure = await startDesk({ tls: { cert, key: readFileSync(join(tlsDir, 'key.pem')) } })
    try {
      expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/)
      const reply = await new Promise<{ status: number; setCookie: string }>((resolve, reject) => {
        const req = tlsRequest(
          {
            host: '127.0.0.1',
            port: secure.port,
            method: 'POST',
            path: '/auth/login',
            ca: cert,
            headers: { 'Content-Type': 'application/json', Origin: secure.origin }
          },
          (res) => {
            res.resume()
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, setCookie: String(res.headers['set-cookie'] ?? '') })
            )
          }
        )
        req.on('error', reject)
        req.end(JSON.stringify({ name: 'Ana', password: PASSWORD }))
      })
      expect(reply.status).toBe(200)
      expect(reply.setCookie).toMatch(
        /^__Host-factdesk_desk=[^;]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+; Secure$/
      )
    } finally {
      await secure.close()
    }
  })
})
