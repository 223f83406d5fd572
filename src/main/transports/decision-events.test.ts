// GET /events?check=ID: the check's decisions as they are made, over a real HTTP server with the
// real handlers and store, as a browser's EventSource reads them; across two servers on one
// PostgreSQL database when FACTDESK_TEST_DATABASE_URL names one.
import { request, type IncomingMessage } from 'node:http'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { ReviewChange } from '../../shared/review'
import type { DecisionChange } from '../../shared/workbench'
import { createHandlers } from '../api/handlers'
import type { Library } from '../library/store'
import { checkOfStory } from '../../test-support/library/check-result'
import { postgresHarness, sqliteHarness } from '../../test-support/library/stores'
import { testCheckEngine } from '../../test-support/workers'
import { decisionEventsOf } from './decision-events'
import { startHttpServer, type RunningHttpServer } from './http'

interface Stream {
  status: number
  changes: DecisionChange[]
  reviews: ReviewChange[]
  close(): void
}

/** Reads the stream as EventSource would: `event:` and `data:` lines, an empty line ending each event. */
function follow(server: RunningHttpServer, path: string, headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method: 'GET', path, headers },
      (res: IncomingMessage) => {
        const changes: DecisionChange[] = []
        const reviews: ReviewChange[] = []
        let pending = ''
        res.on('data', (chunk: Buffer) => {
          const blocks = (pending + chunk.toString()).split('\n\n')
          pending = blocks.pop() ?? ''
          for (const block of blocks) {
            const lines = block.split('\n')
            const data = lines.find((l) => l.startsWith('data: '))?.slice('data: '.length)
            if (data && lines.includes('event: decision')) changes.push(JSON.parse(data) as DecisionChange)
            if (data && lines.includes('event: review')) reviews.push(JSON.parse(data) as ReviewChange)
          }
        })
        resolve({ status: res.statusCode ?? 0, changes, reviews, close: () => req.destroy() })
      }
    )
    req.on('error', reject)
    req.end()
  })
}

async function post(server: RunningHttpServer, method: string, input: unknown, auth: Record<string, string>) {
  const res = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...auth },
    body: JSON.stringify(input)
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

async function serve(library: Library): Promise<RunningHttpServer> {
  const handlers = createHandlers({
    library,
    libraryPath: 'test',
    version: 'test',
    checkEngine: testCheckEngine()
  })
  return startHttpServer({ handlers, events: decisionEventsOf(library), rendererDir: null })
}

async function checkWithClaims(library: Library): Promise<number> {
  return (await checkOfStory(library, ['date-0', 'date-5'])).id
}

const decide = (checkId: number, claimId: string, status: string, version: number) => ({
  checkId,
  claimId,
  status,
  note: `${status} here`,
  version
})

const cleanup: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

describe('GET /events on one server (SQLite)', () => {
  const harness = sqliteHarness()
  afterAll(() => harness.dispose())

  async function started() {
    const library = await harness.open()
    const server = await serve(library)
    cleanup.push(
      () => library.close(),
      () => server.close()
    )
    const bearer = { Authorization: `Bearer ${server.token}` }
    return { library, server, bearer, checkId: await checkWithClaims(library) }
  }

  it('is refused without the token or a session, with a check that is not a number or does not exist', async () => {
    const { server, checkId } = await started()
    expect((await follow(server, `/events?check=${checkId}`, {})).status).toBe(401)
    const forged = await follow(server, `/events?check=${checkId}`, { Cookie: 'factdesk_session=made-up' })
    expect(forged.status).toBe(401)
    const bearer = { Authorization: `Bearer ${server.token}` }
    for (const query of ['', '?check=', '?check=abc', '?check=-1', '?check=1.5'])
      expect((await follow(server, `/events${query}`, bearer)).status).toBe(400)
    expect((await follow(server, `/events?check=${checkId + 1000}`, bearer)).status).toBe(404)
    const posted = await fetch(`${server.origin}/events?check=${checkId}`, {
      method: 'POST',
      headers: bearer
    })
    expect(posted.status).toBe(405)
  })

  it('delivers the check’s review after each step, for the check followed only', async () => {
    const { server, checkId, bearer, library } = await started()
    const stream = await follow(server, `/events?check=${checkId}`, bearer)
    cleanup.push(() => stream.close())
    const otherCheck = await checkWithClaims(library)
    expect(
      (await post(server, 'checks.review', { checkId: otherCheck, action: 'submit' }, bearer)).status
    ).toBe(200)
    expect((await post(server, 'checks.review', { checkId, action: 'submit' }, bearer)).status).toBe(200)
    const returned = await post(
      server,
      'checks.review',
      { checkId, action: 'return', comment: 'Source it.' },
      bearer
    )
    expect(returned.status).toBe(200)
    await expect
      .poll(() => stream.reviews.map((r) => [r.checkId, r.review.state, r.review.history.at(-1)?.comment]), {
        timeout: 3000
      })
      .toEqual([
        [checkId, 'ready', null],
        [checkId, 'returned', 'Source it.']
      ])
    expect(stream.changes).toEqual([])
  })

  it('delivers each decision, undo and redo of the check, with the undo state, to a page with a session', async () => {
    const { server, checkId, bearer, library } = await started()
    const session = await fetch(`${server.origin}/session`, { method: 'POST', headers: bearer })
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0]!
    const stream = await follow(server, `/events?check=${checkId}`, { Cookie: cookie })
    cleanup.push(() => stream.close())
    expect(stream.status).toBe(200)
    const otherCheck = await checkWithClaims(library)
    const elsewhere = await follow(server, `/events?check=${otherCheck}`, bearer)
    cleanup.push(() => elsewhere.close())

    const made = await post(server, 'checks.decide', decide(checkId, 'date-0', 'verified', 0), bearer)
    expect(made.status).toBe(200)
    const entryId = (made.body['result'] as { entry: { id: number } }).entry.id
    await expect.poll(() => stream.changes, { timeout: 2000 }).toHaveLength(1)
    expect(stream.changes[0]).toMatchObject({
      checkId,
      decision: { claimId: 'date-0', status: 'verified', note: 'verified here', version: 1 },
      entry: { id: entryId },
      undo: { canUndo: true, nextUndo: entryId }
    })
    await post(server, 'checks.undo', { checkId, entryId }, bearer)
    await expect
      .poll(() => stream.changes.map((c) => c.decision.status), { timeout: 2000 })
      .toEqual(['verified', 'open'])
    expect(stream.changes[1]).toMatchObject({
      decision: { version: 2 },
      undo: { canRedo: true, nextRedo: entryId }
    })
    expect(elsewhere.changes).toEqual([])
  })

  it('refuses a decide made on a stale version with 409 CONFLICT and the current decision', async () => {
    const { server, checkId, bearer } = await started()
    await post(server, 'checks.decide', decide(checkId, 'date-0', 'verified', 0), bearer)
    const stale = await post(server, 'checks.decide', decide(checkId, 'date-0', 'disputed', 0), bearer)
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({
      error: {
        code: 'CONFLICT',
        message: expect.stringContaining('decided by someone else meanwhile'),
        details: { current: { claimId: 'date-0', status: 'verified', note: 'verified here', version: 1 } }
      }
    })
  })
})

const pg = postgresHarness()
const onPostgres = pg.unavailable ? describe.skip : describe
onPostgres(
  `GET /events across two servers on one PostgreSQL database${pg.unavailable ? ` (skipped: ${pg.unavailable})` : ''}`,
  () => {
    afterAll(() => pg.dispose())

    it('brings a decision made through server A to a page following the check on server B', async () => {
      const libraryA = await pg.open()
      const libraryB = await pg.reopen()
      const [serverA, serverB] = await Promise.all([serve(libraryA), serve(libraryB)])
      cleanup.push(
        () => libraryA.close(),
        () => libraryB.close(),
        () => serverA.close(),
        () => serverB.close()
      )
      const checkId = await checkWithClaims(libraryA)
      const onB = await follow(serverB, `/events?check=${checkId}`, {
        Authorization: `Bearer ${serverB.token}`
      })
      cleanup.push(() => onB.close())
      expect(onB.status).toBe(200)

      const made = await post(serverA, 'checks.decide', decide(checkId, 'date-5', 'disputed', 0), {
        Authorization: `Bearer ${serverA.token}`
      })
      expect(made.status).toBe(200)
      await expect.poll(() => onB.changes, { timeout: 3000 }).toHaveLength(1)
      expect(onB.changes[0]).toMatchObject({
        checkId,
        decision: { claimId: 'date-5', status: 'disputed', version: 1 },
        undo: { canUndo: true }
      })
      // And B, told of it, refuses a decide made on the version before it.
      const stale = await post(serverB, 'checks.decide', decide(checkId, 'date-5', 'verified', 0), {
        Authorization: `Bearer ${serverB.token}`
      })
      expect(stale).toMatchObject({
        status: 409,
        body: { error: { details: { current: { status: 'disputed' } } } }
      })
    })
  }
)
