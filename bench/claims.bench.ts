// The claim engine: extraction throughput, and checkStory with a 1,500-word story against 5, 50
// and 1,000 sources. Texts are the sample articles varied with a seeded PRNG (paragraphs dropped
// and shuffled, about one word in twelve swapped for another word of the samples), so every
// source is distinct, reads like news about one event (the hard case for finding passages), and
// the run is the same every time. Pure core: no SQLite, so the figures are the engine's own.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { extractClaims } from '../src/main/core/claims/extract'
import { checkStory, type CheckSource } from '../src/main/core/compare/check-story'
import { lexicon } from '../src/main/services/lexicon'

type Report = (section: string, lines: string[]) => void

const SAMPLES = join(import.meta.dirname, '..', 'resources', 'samples', 'iwaya-kyiv-2024')
const PUBLISHED = '2024-11-16'

/** mulberry32: small, fast, and the same sequence for the same seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function loadSamples(): string[][] {
  return readdirSync(SAMPLES)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) =>
      readFileSync(join(SAMPLES, name), 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
    )
}

function articleMaker(samples: string[][]): (n: number) => string[] {
  const vocabulary = [...new Set(samples.flat().join(' ').match(/\p{L}{4,}/gu) ?? [])]
  return (n) => {
    const random = prng(0xc1a1 + n)
    const paragraphs = samples[n % samples.length]!.filter(() => random() < 0.85)
    for (let i = paragraphs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[paragraphs[i], paragraphs[j]] = [paragraphs[j]!, paragraphs[i]!]
    }
    return paragraphs.map((p) =>
      p.replace(/\p{L}{4,}/gu, (w) =>
        random() < 1 / 12 ? vocabulary[Math.floor(random() * vocabulary.length)]! : w
      )
    )
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length

export async function run(report: Report): Promise<void> {
  const article = articleMaker(loadSamples())

  const storyParagraphs: string[] = []
  for (let n = 0; words(storyParagraphs.join(' ')) < 1500; n++) storyParagraphs.push(...article(n))
  // Cut to 1,500 words, keeping the paragraph breaks before the cut.
  const storyText = storyParagraphs
    .join('\n\n')
    .split(/(?<=\s)(?=\S)/)
    .slice(0, 1500)
    .join('')
    .trim()
  const story = { id: 1, title: 'Generated story', text: storyText, publishedAt: PUBLISHED }

  // Extraction throughput over 200 generated articles.
  const articles = Array.from({ length: 200 }, (_, n) => article(1000 + n).join('\n\n'))
  const totalWords = articles.reduce((sum, a) => sum + words(a), 0)
  extractClaims(articles[0]!, { publishedAt: PUBLISHED }) // warm-up
  let claimCount = 0
  const started = performance.now()
  for (const a of articles) claimCount += extractClaims(a, { publishedAt: PUBLISHED }).length
  const seconds = (performance.now() - started) / 1000
  report('Claims: extraction throughput', [
    `${articles.length} generated articles, ${totalWords.toLocaleString('en-US')} words, ${claimCount.toLocaleString('en-US')} claims (extractClaims: sentences, dates, figures, names, roles, events, quotes).`,
    '',
    '| words/s | claims/s |',
    '|---:|---:|',
    `| ${Math.round(totalWords / seconds).toLocaleString('en-US')} | ${Math.round(claimCount / seconds).toLocaleString('en-US')} |`
  ])

  const rows: string[] = []
  for (const count of [5, 50, 1000]) {
    const sources: CheckSource[] = Array.from({ length: count }, (_, n) => ({
      id: n + 2,
      title: `Source ${n + 2}`,
      outlet: null,
      publishedAt: n % 3 === 0 ? PUBLISHED : null,
      url: null,
      paragraphs: article(5000 + n).map((text, index) => ({ index, text }))
    }))
    const paragraphCount = sources.reduce((sum, s) => sum + s.paragraphs.length, 0)
    // WordNet as the app uses it (read once, in the warm-up).
    const input = { story, sources, houseNames: ['Yoko Kamikawa'], lexicon: lexicon() }
    checkStory(input) // warm-up: JIT
    const times: number[] = []
    let claims = 0
    for (let k = 0; k < 5; k++) {
      const t = performance.now()
      claims = checkStory(input).claims.length
      times.push(performance.now() - t)
    }
    const target = count === 50 ? '< 300 ms' : count === 1000 ? '< 1,000 ms' : '—'
    rows.push(
      `| ${count} | ${paragraphCount.toLocaleString('en-US')} | ${claims} | ${median(times).toFixed(0)} ms | ${Math.max(...times).toFixed(0)} ms | ${target} |`
    )
  }
  report('Claims: checkStory against generated sources', [
    `A ${words(storyText).toLocaleString('en-US')}-word story checked against sources in memory, with WordNet as the app runs it: extract the story's claims, index the sources' paragraphs, find candidate passages per claim, relate (source claims extracted lazily, sentence by sentence), flag names and inconsistencies. Median of 5 runs after a warm-up.`,
    '',
    '| sources | paragraphs | claims | median | slowest | target |',
    '|---:|---:|---:|---:|---:|---|',
    ...rows
  ])
}
