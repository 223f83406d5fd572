// The same check three times with the built check worker (out/main, from `npx electron-vite build`):
// a new worker thread per check, as before, against one thread kept alive between checks, which
// loads WordNet and the NLP model once. Issue #12.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { longStory } from '../e2e/support/long-story'
import { openLibrary } from '../src/main/library/sqlite'
import type { CheckJob } from '../src/main/services/compute-check'
import { importFiles, seedDemoLibrary } from '../src/main/services/importer'
import { prepareCheck } from '../src/main/services/run-check'
import { WorkerPool } from '../src/main/services/worker-pool'

type Report = (section: string, lines: string[]) => void

const ROOT = join(import.meta.dirname, '..')
const CHUNKS = join(ROOT, 'out', 'main', 'chunks')
const RUNS = 3
const STORIES = [300, 1700]

async function timed(job: CheckJob, pool: () => WorkerPool<CheckJob, unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await pool().run(job)
    times.push(performance.now() - started)
  }
  return times
}

export async function run(report: Report): Promise<void> {
  const file = existsSync(CHUNKS) ? readdirSync(CHUNKS).find((f) => f.startsWith('check-worker')) : undefined
  if (!file) throw new Error('No built check worker in out/main/chunks: run `npx electron-vite build` first.')
  const start = () => new Worker(join(CHUNKS, file))
  const library = openLibrary(':memory:')
  const rows: string[] = []
  try {
    await seedDemoLibrary(library, join(ROOT, 'resources', 'samples'))
    for (const sentences of STORIES) {
      const [story] = await importFiles(
        library,
        [{ name: `story-${sentences}.txt`, bytes: new TextEncoder().encode(longStory(sentences)) }],
        { role: 'story' }
      )
      if (!story || story.status === 'rejected') throw new Error('the story was not imported')
      const job = await prepareCheck(library, story.id)
      const fresh: WorkerPool<CheckJob, unknown>[] = []
      const before = await timed(job, () => {
        fresh.push(new WorkerPool(start))
        return fresh.at(-1)!
      })
      await Promise.all(fresh.map((p) => p.close()))
      const kept = new WorkerPool<CheckJob, unknown>(start)
      const now = await timed(job, () => kept)
      await kept.close()
      const cells = (xs: number[]) => xs.map((x) => `${(x / 1000).toFixed(2)} s`).join(' | ')
      rows.push(
        `| ${sentences.toLocaleString('en-US')} sentences | new thread per check (before) | ${cells(before)} | ${fresh.length} |`
      )
      rows.push(
        `| ${sentences.toLocaleString('en-US')} sentences | one thread kept alive (now) | ${cells(now)} | ${kept.starts} |`
      )
    }
  } finally {
    await library.close()
  }
  report('Checks: a new worker thread per check against one kept alive', [
    `A generated story against the demo's four sources, checked ${RUNS} times in a row through the built check-worker.js (WorkerPool in this thread, no API in between). A new thread reads WordNet and loads the NLP model again; a kept one has them.`,
    '',
    '| story | worker | 1st check | 2nd | 3rd | threads started |',
    '|---|---|---:|---:|---:|---:|',
    ...rows
  ])
}
