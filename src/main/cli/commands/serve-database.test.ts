// factdesk serve --database: the same API on the PostgreSQL store, in a database of its own made
// for the test in the cluster FACTDESK_TEST_DATABASE_URL names (npm test starts one).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { clusterUrl, onCluster } from '../../../test-support/library/cluster'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RENDERER_DIR } from '../paths'
import { startServe, type ServeHandle } from './serve'

const built = existsSync(join(RENDERER_DIR, 'index.html'))
const unavailable = !clusterUrl
  ? 'FACTDESK_TEST_DATABASE_URL is not set; npm test sets it'
  : !built
    ? 'the user interface is not built (npm run build)'
    : null

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err }
}

async function call(handle: ServeHandle, method: string, input: object = {}): Promise<unknown> {
  const url = new URL(handle.url)
  const token = url.hash.replace('#token=', '')
  const reply = await fetch(new URL(`/api/${method}`, url.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input)
  })
  const body = (await reply.json()) as { result?: unknown; error?: unknown }
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(body)}`)
  return body.result
}

const suite = unavailable ? describe.skip : describe
suite(`factdesk serve --database${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const database = `factdesk_serve_${process.pid}`
  let handle: ServeHandle | null = null

  beforeAll(async () => {
    await onCluster(`CREATE DATABASE ${database}`)
  })
  afterAll(async () => {
    await handle?.close()
    await onCluster(`DROP DATABASE IF EXISTS ${database}`)
  })

  it('serves the demo library and its check from PostgreSQL, naming the database without a password', async () => {
    const url = new URL(clusterUrl!)
    url.pathname = `/${database}`
    url.password = 'not-shown'
    const { io, out } = capture()
    const started = await startServe(['--database', url.toString(), '--single-user'], io)
    if (typeof started === 'number') throw new Error(`serve exited ${started}`)
    handle = started
    expect(out.join('\n')).toContain(`/${database}`)
    expect(out.join('\n')).not.toContain('not-shown')

    const info = (await call(handle, 'app.info')) as { textCount: number; libraryPath: string }
    expect(info.textCount).toBe(5)
    expect(info.libraryPath).not.toContain('not-shown')
    const search = (await call(handle, 'library.search', { query: 'Kyiv', limit: 10 })) as {
      hits: Array<{ textId: number }>
    }
    expect(search.hits.length).toBeGreaterThan(0)
    const { checks } = (await call(handle, 'checks.list')) as { checks: Array<{ id: number; total: number }> }
    expect(checks).toHaveLength(1)
    const detail = (await call(handle, 'checks.get', { id: checks[0]!.id })) as {
      result: { claims: Array<{ id: string }> }
    }
    const claimId = detail.result.claims[0]!.id
    await call(handle, 'checks.decide', {
      checkId: checks[0]!.id,
      claimId,
      status: 'verified',
      correctedText: null,
      note: null,
      pinned: []
    })
    const undone = (await call(handle, 'checks.undo', { checkId: checks[0]!.id })) as { canRedo: boolean }
    expect(undone.canRedo).toBe(true)
  }, 60_000)

  it('refuses --library and --database together, and says why a database cannot be opened', async () => {
    const both = capture()
    expect(await startServe(['--library', 'x.sqlite', '--database', clusterUrl!], both.io)).toBe(2)
    expect(both.err.join('')).toContain('not both')
    const missing = capture()
    const nowhere = new URL(clusterUrl!)
    nowhere.pathname = '/factdesk_no_such_database'
    expect(await startServe(['--database', nowhere.toString()], missing.io)).toBe(1)
    expect(missing.err.join('')).toMatch(
      /^DATABASE_UNAVAILABLE: Cannot open postgres:\/\/.+factdesk_no_such_database/
    )
  })
})
