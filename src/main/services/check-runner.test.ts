// The check engine in a worker thread: the same result as in this thread, progress that only goes
// forward, cancel that leaves the library as it was, a failure that says what failed, and an
// HTTP server that keeps answering while a check is computed.
import { writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CheckResult } from '../../shared/check'
import { ApiError } from '../../shared/errors'
import { dispatch } from '../api/dispatch'
import { createHandlers } from '../api/handlers'
import type { Library } from '../library'
import { openLibrary } from '../library/sqlite'
import { startHttpServer } from '../transports/http'
import { testCheckEngine, testWorkers } from '../../test-support/workers'
import type { AppWorkers } from './app-workers'
import type { CheckProgress } from './compute-check'
import { computeCheck } from './compute-check'
import { checkStory } from '../core/compare/check-story'
import { lexicon } from './lexicon'
import { seedDemoLibrary } from './importer'
import { prepareCheck } from './run-check'
import { scratchDirs } from '../../test-support/scratch-dirs'
import { libraryHandlers } from '../../test-support/api-handlers'

const scratch = scratchDirs('factdesk-renderer-')

const SAMPLES = join(__dirname, '../../../resources/samples')

let library: Library
beforeEach(async () => {
  library = openLibrary(':memory:')
  await seedDemoLibrary(library, SAMPLES)
})
afterEach(async () => await library.close())

async function demoCheck() {
  const [check] = await library.checks.list()
  if (!check) throw new Error('the demo library has no check')
  return check
}

/** The result without the moment it was made, which differs between any two runs. */
function comparable(result: CheckResult) {
  const { generatedAt: _generatedAt, ...rest } = result
  return rest
}

const never = new AbortController().signal

describe('the check engine in a worker thread', () => {
  it('gives the same result as the engine run in this thread, on the demo story', async () => {
    const job = await prepareCheck(library, (await demoCheck()).storyId, { storyDate: '2024-11-16' })
    const inThread = computeCheck(job)
    const inWorker = await testCheckEngine()(job, () => {}, never)
    expect(inThread.claims.length).toBeGreaterThan(50)
    expect(comparable(inWorker)).toEqual(comparable(inThread))
  })

  it('counts progress without changing what the engine finds', async () => {
    const job = await prepareCheck(library, (await demoCheck()).storyId, { storyDate: '2024-11-16' })
    const { paragraphs: _paragraphs, ...story } = job.story
    const direct = checkStory({ story, sources: job.sources, houseNames: job.houseNames, lexicon: lexicon() })
    expect(comparable(computeCheck(job))).toEqual(comparable(direct))
  })

  it('reports progress that only goes forward and ends at all the claims', async () => {
    const job = await prepareCheck(library, (await demoCheck()).storyId)
    const seen: CheckProgress[] = []
    const result = await testCheckEngine()(job, (p) => seen.push(p), never)
    expect(seen.length).toBeGreaterThan(2)
    for (const [i, p] of seen.entries()) {
      expect(p.related).toBeLessThanOrEqual(p.total)
      if (i > 0) expect(p.related).toBeGreaterThanOrEqual(seen[i - 1]!.related)
    }
    expect(seen.at(-1)).toEqual({ related: result.claims.length, total: result.claims.length })
  })

  it('brings an error inside the worker back as an error that says the check failed', async () => {
    const job = await prepareCheck(library, (await demoCheck()).storyId)
    const broken = { ...job, story: { ...job.story, text: null as unknown as string } }
    await expect(testCheckEngine()(broken, () => {}, never)).rejects.toThrow(/^The check failed: .*\bnull\b/)
  })

  it('leaves the check as it was when its run is cancelled', async () => {
    const handlers = libraryHandlers(library)
    const check = await demoCheck()
    const before = await library.checks.get(check.id)
    const rerun = dispatch(handlers, 'checks.rerun', { id: check.id }, { transport: 'http' })
    // The run is listed once the store has answered its reads, a few awaits after the call.
    const progress = await vi.waitFor(async () => {
      const listed = (await dispatch(handlers, 'checks.progress', {}, { transport: 'http' })) as {
        running: { id: string; checkId: number | null }[]
      }
      expect(listed.running).toEqual([expect.objectContaining({ checkId: check.id })])
      return listed
    })
    const cancelled = await dispatch(
      handlers,
      'checks.cancel',
      { jobId: progress.running[0]!.id },
      { transport: 'http' }
    )
    expect(cancelled).toEqual({ cancelled: true })
    const refused = await rerun.then(
      () => null,
      (error: unknown) => error
    )
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as ApiError).code).toBe('CANCELLED')
    expect(await library.checks.get(check.id)).toEqual(before)
    expect(await dispatch(handlers, 'checks.progress', {}, { transport: 'http' })).toEqual({ running: [] })
  })
})

function post(port: number, token: string, method: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${method}`,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
      }
    )
    req.on('error', reject)
    req.end(JSON.stringify(body))
  })
}

describe('the HTTP server while a check is computed', () => {
  it('answers app.info before the check it started first is done', async () => {
    const rendererDir = scratch()
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Factdesk</title>')
    const handlers = libraryHandlers(library)
    const server = await startHttpServer({ handlers, rendererDir })
    try {
      const answered: string[] = []
      const check = post(server.port, server.token, 'checks.create', {
        storyId: (await demoCheck()).storyId
      }).then((reply) => {
        answered.push('checks.create')
        return reply
      })
      // Sent once the server has begun the check (it is listed as running), or has answered it: an
      // engine that held the thread would answer the check first.
      const started = async () =>
        ((await dispatch(handlers, 'checks.progress', {}, { transport: 'http' })) as { running: unknown[] })
          .running.length > 0
      while (!answered.length && !(await started())) await new Promise((r) => setTimeout(r, 5))
      const info = await post(server.port, server.token, 'app.info', {})
      answered.push('app.info')
      expect(info).toMatchObject({ result: { name: 'Factdesk', transport: 'http' } })
      expect(await check).toMatchObject({ result: { storyId: (await demoCheck()).storyId } })
      expect(answered).toEqual(['app.info', 'checks.create'])
    } finally {
      await server.close()
    }
  })
})

describe('the check worker kept alive between checks', () => {
  let workers: AppWorkers
  let handlers: ReturnType<typeof createHandlers>
  beforeEach(() => {
    workers = testWorkers(60_000)
    handlers = createHandlers({
      library,
      libraryPath: ':memory:',
      version: 'test',
      checkEngine: workers.checkEngine
    })
  })
  afterEach(() => workers.close())
  const rerun = async () =>
    dispatch(handlers, 'checks.rerun', { id: (await demoCheck()).id }, { transport: 'http' })

  it('computes the next check in the same thread, which has WordNet and the NLP model loaded', async () => {
    const first = (await rerun()) as { result: CheckResult }
    const second = (await rerun()) as { result: CheckResult }
    expect(workers.pools.check.starts).toBe(1)
    expect(comparable(second.result)).toEqual(comparable(first.result))
  })

  it('replaces the thread after a cancel, and the check after it is computed', async () => {
    await rerun()
    const cancelled = rerun().then(
      () => null,
      (error: unknown) => error
    )
    let running: { id: string }[] = []
    while (running.length === 0)
      ({ running } = (await dispatch(handlers, 'checks.progress', {}, { transport: 'http' })) as {
        running: { id: string }[]
      })
    await dispatch(handlers, 'checks.cancel', { jobId: running[0]!.id }, { transport: 'http' })
    expect(((await cancelled) as ApiError).code).toBe('CANCELLED')
    const after = (await rerun()) as { result: CheckResult }
    expect(after.result.claims.length).toBeGreaterThan(50)
    expect(workers.pools.check.starts).toBe(2)
  })

  it('gives a check that arrives while the kept thread is busy a thread of its own, both computed', async () => {
    const both = await Promise.all([rerun(), rerun()])
    expect(both).toHaveLength(2)
    expect(workers.pools.check.starts).toBe(2)
    await rerun()
    expect(workers.pools.check.starts).toBe(2)
  })
})
