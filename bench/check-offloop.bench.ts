// A long check through the real serve-mode HTTP server, and app.info calls sent every 50 ms while
// it runs: how long they wait with the engine in a worker thread (now) and in the request's own
// thread (before). Also what the progress count costs: the story's claims are extracted once more
// to know the total. Issue #12: the app never stalls.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { longStory } from '../e2e/support/long-story'
import { createHandlers } from '../src/main/api/handlers'
import { extractClaims } from '../src/main/core/claims/extract'
import { checkStory } from '../src/main/core/compare/check-story'
import { openLibrary } from '../src/main/library/sqlite'
import type { CheckEngine } from '../src/main/services/check-runner'
import { computeCheck } from '../src/main/services/compute-check'
import { importFiles, seedDemoLibrary } from '../src/main/services/importer'
import { lexicon } from '../src/main/services/lexicon'
import { prepareCheck } from '../src/main/services/run-check'
import { startHttpServer } from '../src/main/transports/http'
import { testCheckEngine, testWorkers } from '../src/test-support/workers'
import { timedCaller } from './timed-call'

type Report = (section: string, lines: string[]) => void

/** About three claims a sentence: some 5,000 claims, a check of seconds. */
const SENTENCES = 1700
const INFO_EVERY_MS = 50
const SAMPLES = join(import.meta.dirname, '..', 'resources', 'samples')

const ms = (x: number) => `${x.toFixed(1)} ms`
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN

/** The engine as it ran before: in the thread that answers requests. */
const inRequestThread: CheckEngine = (job, onProgress) =>
  Promise.resolve().then(() => computeCheck(job, onProgress))

interface Measured {
  check: number
  info: number[]
}

async function measure(
  engine: CheckEngine,
  dir: string,
  storyId: number,
  library: ReturnType<typeof openLibrary>
): Promise<Measured> {
  const server = await startHttpServer({
    handlers: createHandlers({ library, libraryPath: dir, version: 'bench', checkEngine: engine }),
    rendererDir: null
  })
  const call = timedCaller(server)
  try {
    let done = false
    const check = call('checks.create', { storyId }).finally(() => (done = true))
    const info: number[] = []
    while (!done) {
      info.push(await call('app.info', {}))
      await new Promise((r) => setTimeout(r, INFO_EVERY_MS))
    }
    return { check: await check, info }
  } finally {
    await server.close()
  }
}

export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-offloop-bench-'))
  const library = openLibrary(join(dir, 'library.sqlite'))
  try {
    await seedDemoLibrary(library, SAMPLES)
    const [outcome] = await importFiles(
      library,
      [{ name: 'long-story.txt', bytes: new TextEncoder().encode(longStory(SENTENCES)) }],
      { role: 'story' }
    )
    if (!outcome || outcome.status === 'rejected') throw new Error('the long story was not imported')
    const job = await prepareCheck(library, outcome.id)
    const claims = computeCheck(job).claims.length // also the warm-up: WordNet read, the NLP model loaded
    const extraction: number[] = []
    for (let i = 0; i < 3; i++) {
      const started = performance.now()
      extractClaims(job.story.text, { publishedAt: job.story.publishedAt })
      extraction.push(performance.now() - started)
    }
    const started = performance.now()
    checkStory({ story: job.story, sources: job.sources, houseNames: job.houseNames, lexicon: lexicon() })
    const engineAlone = performance.now() - started

    const worker = await measure(testCheckEngine(), dir, outcome.id, library)
    const before = await measure(inRequestThread, dir, outcome.id, library)
    // A worker kept alive between checks: the first check loads WordNet and the NLP model, the
    // second finds them loaded.
    const kept = testWorkers(60_000)
    const keptFirst = await measure(kept.checkEngine, dir, outcome.id, library)
    const keptSecond = await measure(kept.checkEngine, dir, outcome.id, library)
    const keptStarts = kept.pools.check.starts
    await kept.close()
    const row = (name: string, m: Measured) =>
      `| ${name} | ${ms(m.check)} | ${m.info.length} | ${ms(quantile(m.info, 0.5))} | ${ms(quantile(m.info, 0.95))} | ${ms(Math.max(...m.info))} |`
    report('Checks off the request loop: app.info during a long check', [
      `A generated story of ${SENTENCES.toLocaleString('en-US')} sentences (${claims.toLocaleString('en-US')} claims) against the demo's four sources, checks.create through the real HTTP server on loopback; app.info sent every ${INFO_EVERY_MS} ms (after the last answer) until the check is done. The worker is started from the TypeScript source with tsx, as in tests (the built app starts the bundled check-worker.js).`,
      '',
      '| engine runs | checks.create | app.info calls | p50 | p95 | max |',
      '|---|---:|---:|---:|---:|---:|',
      row('in a new worker thread per check', worker),
      row('in a kept-alive worker thread, first check (now)', keptFirst),
      row('in the same kept-alive worker thread, next check (now)', keptSecond),
      row('in the request thread (before the worker)', before),
      '',
      `The kept-alive runs started ${keptStarts} worker thread${keptStarts === 1 ? '' : 's'} for both checks.`,
      '',
      `The progress count extracts the story's claims once more to know the total: ${ms(quantile(extraction, 0.5))} (median of 3), against ${ms(engineAlone)} for checkStory itself (in this thread, after a warm-up run).`
    ])
  } finally {
    await library.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
