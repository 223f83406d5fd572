// The claim engine: extraction throughput, and checking a 1,500-word story against 5, 50 and
// 1,000 sources held in a library, through runCheck as the app and CLI run it.
import { join } from 'node:path'
import { extractClaims } from '../src/main/core/claims/extract'
import { parseDocument } from '../src/main/core/import'
import { openLibrary } from '../src/main/library'
import { runCheck } from '../src/main/services/run-check'
import { asPlainText, loadCorpus } from './library-corpus'

type Report = (section: string, lines: string[]) => void

const SAMPLES = join(import.meta.dirname, '..', 'resources', 'samples', 'iwaya-kyiv-2024')

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function story1500(corpus: ReturnType<typeof loadCorpus>): string {
  const paragraphs: string[] = []
  for (let n = 0; paragraphs.join(' ').split(/\s+/).length < 1500; n++)
    paragraphs.push(...corpus.article(10_000 + n).paragraphs)
  const words = paragraphs.join('\n\n').split(/(?<=\s)/)
  return words.slice(0, 1500).join('').trim()
}

export async function run(report: Report): Promise<void> {
  const corpus = loadCorpus(SAMPLES)
  const story = story1500(corpus)
  const storyWords = story.split(/\s+/).length

  // Extraction throughput over 200 generated articles.
  const articles = Array.from({ length: 200 }, (_, n) => asPlainText(corpus.article(n)))
  const totalWords = articles.reduce((sum, a) => sum + a.split(/\s+/).length, 0)
  extractClaims(articles[0]!, { publishedAt: '2024-11-16' })
  const started = performance.now()
  let claimCount = 0
  for (const a of articles) claimCount += extractClaims(a, { publishedAt: '2024-11-16' }).length
  const extractMs = performance.now() - started
  report('Claims: extraction throughput', [
    `${articles.length} generated articles, ${totalWords.toLocaleString('en-US')} words, ${claimCount.toLocaleString('en-US')} claims.`,
    '',
    `| words/s | claims/s |`,
    `|---:|---:|`,
    `| ${Math.round(totalWords / (extractMs / 1000)).toLocaleString('en-US')} | ${Math.round(claimCount / (extractMs / 1000)).toLocaleString('en-US')} |`
  ])

  const rows: string[] = []
  for (const sourceCount of [5, 50, 1000]) {
    const library = openLibrary(':memory:')
    const storyDoc = await parseDocument({ name: 'story.txt', bytes: new TextEncoder().encode(story) })
    if (!storyDoc.ok) throw new Error(storyDoc.message)
    const storyId = library.importDocument({
      fileName: 'story.txt',
      bytes: new Uint8Array(),
      doc: { ...storyDoc.doc, publishedAt: '2024-11-16' },
      role: 'story'
    }).id
    for (let n = 0; n < sourceCount; n++) {
      const parsed = await parseDocument({
        name: `source-${n}.txt`,
        bytes: new TextEncoder().encode(asPlainText(corpus.article(n)))
      })
      if (parsed.ok)
        library.importDocument({
          fileName: `source-${n}.txt`,
          bytes: new Uint8Array(),
          doc: parsed.doc,
          role: 'source'
        })
    }
    runCheck(library, storyId) // warm-up: JIT and statement caches
    const times: number[] = []
    let claims = 0
    for (let k = 0; k < 5; k++) {
      const t = performance.now()
      claims = runCheck(library, storyId).claims.length
      times.push(performance.now() - t)
    }
    const target = sourceCount === 50 ? '< 300 ms' : sourceCount === 1000 ? '< 1000 ms' : '—'
    rows.push(
      `| ${sourceCount} | ${claims} | ${median(times).toFixed(0)} ms | ${Math.max(...times).toFixed(0)} ms | ${target} |`
    )
    library.close()
  }
  report('Claims: checking a story against the library', [
    `A ${storyWords}-word story (generated from the samples) checked with runCheck: load the texts from SQLite, extract, find candidates through an inverted index built per check, relate, flag. 5 runs after a warm-up.`,
    '',
    '| sources | claims | median | slowest | target |',
    '|---:|---:|---:|---:|---|',
    ...rows
  ])
}
