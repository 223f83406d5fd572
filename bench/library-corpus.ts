// Article-sized texts for the library benchmark, made by varying the sample articles with a
// seeded PRNG (paragraphs shuffled and cut, words swapped) so every text is unique and the same
// run after run, yet reads like news: same vocabulary, same paragraph lengths.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BareText } from '../src/test-support/library/bare-insert'
import { prng } from '../src/test-support/library/generate'

export interface Article {
  title: string
  paragraphs: string[]
}

export interface Corpus {
  article(n: number): Article
  /** Content words of the samples, for building queries. */
  vocabulary: string[]
  /** Sample paragraphs, for phrase queries. */
  paragraphs: string[]
}

const STOPWORDS = new Set(
  'the and that with from this have were which their about would been will said also after into than they them there while where when what over other more most only such says being'.split(
    ' '
  )
)

export function loadCorpus(samplesDir: string): Corpus {
  const samples = readdirSync(samplesDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) =>
      readFileSync(join(samplesDir, name), 'utf8')
        // Some samples separate paragraphs by a blank line, some by a line break.
        .split(/\n/)
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter((p) => p.length > 0)
    )
  const paragraphs = samples.flat()
  const vocabulary = [
    ...new Set(
      paragraphs.flatMap((p) => p.match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOPWORDS.has(w.toLowerCase()))
    )
  ]

  return {
    vocabulary,
    paragraphs,
    article(n) {
      const random = prng(0x5eed + n)
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
      const base = samples[n % samples.length]!
      // The headline is the first line long enough to be one (some samples open with furniture);
      // the rest, furniture included, is the body: shuffled (Fisher–Yates), 60–100% of it kept.
      const headline = base.find((p) => p.length >= 40) ?? 'Untitled'
      const body = base.filter((p) => p !== headline)
      for (let i = body.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1))
        ;[body[i], body[j]] = [body[j]!, body[i]!]
      }
      const kept = body.slice(0, Math.max(2, Math.ceil(body.length * (0.6 + random() * 0.4))))
      // Swap about one word in twelve for another word of the samples.
      const vary = (p: string): string =>
        p.replace(/\p{L}{4,}/gu, (w) => (random() < 1 / 12 ? pick(vocabulary) : w))
      return { title: `${vary(headline)} (${n})`, paragraphs: kept.map(vary) }
    }
  }
}

export function asPlainText(article: Article): string {
  return [article.title, ...article.paragraphs].join('\n\n') + '\n'
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The article as a news site serves it: head metadata, navigation, related links, footer. */
export function asHtmlPage(article: Article, n: number): string {
  const title = escapeHtml(article.title)
  const nav = ['World', 'Asia', 'Europe', 'Business', 'Opinion', 'Sport']
    .map((s) => `<li><a href="/${s.toLowerCase()}">${s}</a></li>`)
    .join('')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} | The Daily Bench</title>
<meta property="og:site_name" content="The Daily Bench"><meta name="author" content="Staff Writer ${n % 40}">
<meta property="article:published_time" content="2024-11-${String(1 + (n % 28)).padStart(2, '0')}T09:30:00Z">
<link rel="canonical" href="https://bench.example/world/${n}"><script>window.dataLayer=[];</script></head>
<body><header class="site-header"><a class="logo" href="/">The Daily Bench</a><nav><ul>${nav}</ul></nav>
<form class="search"><input name="q" placeholder="Search"></form></header>
<main><article><h1>${title}</h1><p class="byline">By Staff Writer ${n % 40}</p>
<time datetime="2024-11-16">November 16, 2024</time>
${article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article><aside class="related"><h2>Related</h2><ul><li><a href="/a">Another story</a></li><li><a href="/b">More news</a></li></ul></aside>
<div class="newsletter">Sign up for our newsletter <button>Subscribe</button></div></main>
<footer><p>© 2024 The Daily Bench. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>`
}

export type QueryKind = 'word' | 'two words' | 'prefix' | 'phrase'
export interface Query {
  kind: QueryKind
  text: string
}

/**
 * Realistic search-box input: single words, pairs, 4-letter prefixes (a word half typed), and
 * quoted phrases as people quote them — two adjacent content words ("Foreign Minister",
 * "North Korean"), not "and the".
 */
export function makeQueries(corpus: Corpus, count: number): Query[] {
  const random = prng(42)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const content = new Set(corpus.vocabulary)
  const phrases = [
    ...new Set(
      corpus.paragraphs.flatMap((p) => {
        const raw = p.split(' ')
        const words = raw.map((w) => w.replace(/^\P{L}+|\P{L}+$/gu, ''))
        // Adjacent within a clause: the first word carries no trailing punctuation.
        return words
          .slice(1)
          .flatMap((w, i) =>
            content.has(words[i]!) && content.has(w) && /\p{L}$/u.test(raw[i]!) ? [`${words[i]} ${w}`] : []
          )
      })
    )
  ]
  return Array.from({ length: count }, (): Query => {
    const kind = random()
    if (kind < 0.4) return { kind: 'word', text: pick(corpus.vocabulary) }
    if (kind < 0.7)
      return { kind: 'two words', text: `${pick(corpus.vocabulary)} ${pick(corpus.vocabulary)}` }
    if (kind < 0.85) return { kind: 'prefix', text: pick(corpus.vocabulary).slice(0, 4) }
    return { kind: 'phrase', text: `"${pick(phrases)}"` }
  })
}

/** The corpus's first `count` articles as the bulk loads take them: the plain file split at blank lines, headline included, no cleaning. */
export function* bareTexts(corpus: Corpus, count: number): Generator<BareText> {
  for (let n = 0; n < count; n++) {
    const article = corpus.article(n)
    yield {
      fileName: `${n}.txt`,
      title: article.title,
      paragraphs: asPlainText(article).trim().split('\n\n')
    }
  }
}
