// Library benchmarks: import throughput (through the real import path) against a bare-insert
// floor, and search latency at 10,000 and 100,000 texts.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openLibrary, type SqliteLibrary as Library } from '../src/main/library/sqlite'
import { INDEX_BATCH_TEXTS, SEARCH_CANDIDATES } from '../src/main/library/sqlite/library'
import { bareInsert } from '../src/test-support/library/bare-insert'
import { importFiles, type ImportInput } from '../src/main/services/importer'
import {
  asHtmlPage,
  asPlainText,
  bareTexts,
  loadCorpus,
  makeQueries,
  type Corpus,
  type Query,
  type QueryKind
} from './library-corpus'

type Report = (section: string, lines: string[]) => void

const SAMPLES = resolve(fileURLToPath(new URL('.', import.meta.url)), '../resources/samples/iwaya-kyiv-2024')
const QUERIES = 200

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9
const rate = (n: number, s: number): string => `${Math.round(n / s).toLocaleString('en-US')} texts/s`
const verdict = (ok: boolean): string => (ok ? '✓ meets target' : '✗ misses target')

function freshLibrary(dir: string, name: string): { path: string; library: Library } {
  const path = join(dir, name)
  return { path, library: openLibrary(path) }
}

async function timeImport(
  dir: string,
  name: string,
  inputs: ImportInput[]
): Promise<{ s: number; library: Library; summary: string }> {
  const { library } = freshLibrary(dir, name)
  const start = process.hrtime.bigint()
  const outcomes = await importFiles(library, inputs)
  // Until every text is searchable: the last partial batch is indexed inside the timing.
  await library.indexPending()
  const s = seconds(start)
  const imported = outcomes.filter((o) => o.status === 'imported').length
  const summary = imported === inputs.length ? '' : ` (${imported} imported, ${inputs.length - imported} not)`
  return { s, library, summary }
}

async function timeFloor(dir: string, name: string, corpus: Corpus, count: number): Promise<number> {
  const { path, library } = freshLibrary(dir, name)
  await library.close()
  // Made before the clock starts, as the import's inputs are: the floor times the writing only.
  const texts = [...bareTexts(corpus, count)]
  const start = process.hrtime.bigint()
  bareInsert(path, texts)
  return seconds(start)
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

interface Latency {
  p50: number
  p95: number
  max: number
  hits: number
  byKind: Map<QueryKind, number[]>
}

async function searchLatency(library: Library, queries: Query[]): Promise<Latency> {
  for (const q of queries.slice(0, 10)) await library.search(q.text, 50) // warm the page cache
  const times: number[] = []
  const byKind = new Map<QueryKind, number[]>()
  let hits = 0
  for (const q of queries) {
    const start = process.hrtime.bigint()
    hits += (await library.search(q.text, 50)).length
    const ms = seconds(start) * 1000
    times.push(ms)
    byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ms])
  }
  times.sort((a, b) => a - b)
  for (const list of byKind.values()) list.sort((a, b) => a - b)
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1]!,
    hits: hits / queries.length,
    byKind
  }
}

export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-bench-'))
  const encoder = new TextEncoder()
  const corpus = loadCorpus(SAMPLES)
  const queries = makeQueries(corpus, QUERIES)
  try {
    const importLines = [
      '| texts | plain text (import) | floor (bare insert) | import ÷ floor | HTML (import) |',
      '|---:|---:|---:|---:|---:|'
    ]
    const checks: string[] = []
    let library10k: Library | null = null
    for (const count of [1_000, 10_000]) {
      const plainInputs = Array.from({ length: count }, (_, n) => ({
        name: `${n}.txt`,
        bytes: encoder.encode(asPlainText(corpus.article(n)))
      }))
      const plain = await timeImport(dir, `plain-${count}.sqlite`, plainInputs)
      const floor = await timeFloor(dir, `floor-${count}.sqlite`, corpus, count)
      const htmlInputs = Array.from({ length: count }, (_, n) => ({
        name: `${n}.html`,
        bytes: encoder.encode(asHtmlPage(corpus.article(n), n))
      }))
      const html = await timeImport(dir, `html-${count}.sqlite`, htmlInputs)
      await html.library.close()
      importLines.push(
        `| ${count.toLocaleString('en-US')} | ${rate(count, plain.s)}${plain.summary} | ${rate(count, floor)} | ` +
          `${(plain.s / floor).toFixed(2)}× | ${rate(count, html.s)}${html.summary} |`
      )
      checks.push(
        `- ${count.toLocaleString('en-US')} plain: ≥ 1,000 texts/s ${verdict(count / plain.s >= 1000)}; within 3× of the floor ${verdict(plain.s / floor <= 3)}`,
        `- ${count.toLocaleString('en-US')} HTML: ≥ 200 texts/s ${verdict(count / html.s >= 200)}`
      )
      if (count === 10_000) library10k = plain.library
      else await plain.library.close()
    }
    report('Library: import throughput', [
      'Each text imported through importFiles (bytes in memory → parseDocument → importDocument) into a',
      'fresh WAL library file: one transaction per text (its row and its paragraphs), and one more per',
      `${INDEX_BATCH_TEXTS} texts adding their paragraphs to the FTS5 index (those above its high-water mark); the time`,
      'runs until the last text is indexed. The floor writes the same texts, split at blank lines and',
      'generated before its clock starts, into the same tables and index the same way (a transaction',
      `per text, one per ${INDEX_BATCH_TEXTS} texts for the index, the library's own batch statements) with bare`,
      'better-sqlite3 statements and none of the import work (decoding, cleaning, metadata, word counts).',
      '',
      ...importLines,
      '',
      ...checks
    ])

    const searchLines = [
      '| texts in library | paragraphs | p50 | p95 | max | hits per query (limit 50) |',
      '|---:|---:|---:|---:|---:|---:|'
    ]
    const searchChecks: string[] = []
    const measure = async (library: Library, texts: number, target: number): Promise<void> => {
      const stats = await searchLatency(library, queries)
      const paragraphs = await countParagraphs(library)
      searchLines.push(
        `| ${texts.toLocaleString('en-US')} | ${paragraphs.toLocaleString('en-US')} | ${stats.p50.toFixed(2)} ms | ` +
          `${stats.p95.toFixed(2)} ms | ${stats.max.toFixed(2)} ms | ${stats.hits.toFixed(1)} |`
      )
      searchChecks.push(
        `- ${texts.toLocaleString('en-US')} texts: p95 < ${target} ms ${verdict(stats.p95 < target)}`
      )
      const kinds = [...stats.byKind]
        .map(
          ([kind, ms]) =>
            `${kind} ${percentile(ms, 50).toFixed(1)} / ${percentile(ms, 95).toFixed(1)} ms (${ms.length})`
        )
        .join('; ')
      searchChecks.push(`  - p50 / p95 by kind of query: ${kinds}`)
    }
    if (library10k) {
      await measure(library10k, 10_000, 20)
      await library10k.close()
    }
    const big = freshLibrary(dir, 'search-100k.sqlite')
    await big.library.close()
    const fillStart = process.hrtime.bigint()
    bareInsert(big.path, bareTexts(corpus, 100_000))
    const fill = seconds(fillStart)
    const library100k = openLibrary(big.path)
    await measure(library100k, 100_000, 100)
    await library100k.close()
    const cap = SEARCH_CANDIDATES.toLocaleString('en-US')
    report('Library: search latency', [
      `${QUERIES} queries (single words, word pairs, 4-letter prefixes as typed, quoted two-word phrases) through`,
      'Library.search: limit 50, bm25 order, snippets. A query matching more than',
      `${cap} paragraphs has the newest ${cap} of them ranked (bm25 scores over the whole library; the`,
      'best older matches are not looked at). The 10,000-text library is the one the plain-text import',
      `filled; the 100,000-text one was filled with the bare insert (${rate(100_000, fill)}, generating the texts included).`,
      '',
      ...searchLines,
      '',
      ...searchChecks
    ])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function countParagraphs(library: Library): Promise<number> {
  // The library has no paragraph count of its own; sum it from the summaries, a page at a time.
  let total = 0
  for (let offset = 0; ; offset += 10_000) {
    const { texts } = await library.list({ limit: 10_000, offset })
    if (texts.length === 0) return total
    total += texts.reduce((sum, t) => sum + t.paragraphCount, 0)
  }
}
