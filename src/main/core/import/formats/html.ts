// Web pages: Readability picks the article out of the page, linkedom supplies the DOM. Neither
// runs scripts nor fetches images, frames or styles, so a hostile page is just inert text here.
import { Readability } from '@mozilla/readability'
import type { TextMeta } from '../../../../shared/domain'
import { normalizeDate } from '../dates'
import { decodeText } from '../decode'
import { blocksFromHtml, blocksFromNode, parseMarkup } from '../dom'
import type { Block, DomDocument, DomElement, DomNode } from '../dom'
import { tidyParagraph } from '../paragraphs'
import { looksBinary } from '../sniff'
import { ImportRejection } from '../types'
import type { Extracted } from '../types'

const latin1 = new TextDecoder('latin1')
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i

/** The charset a page declares in its first kilobyte, as browsers look for it. */
export function declaredCharset(bytes: Uint8Array): string | null {
  return META_CHARSET.exec(latin1.decode(bytes.subarray(0, 1024)))?.[1] ?? null
}

/**
 * Every <meta> content by its lower-cased property, name or itemprop; the first one wins. One
 * pass over the elements is much cheaper than a selector query per key on linkedom.
 */
function metaIndex(document: DomDocument): Map<string, string> {
  const index = new Map<string, string>()
  const metas = document.getElementsByTagName('meta')
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i]
    const content = meta?.getAttribute('content')
    if (!meta || !content) continue
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase()
      if (key && !index.has(key)) index.set(key, content)
    }
  }
  return index
}

function pick(index: Map<string, string>, keys: string[]): string | null {
  for (const key of keys) {
    const value = index.get(key)
    const tidy = value ? tidyParagraph(value) : ''
    if (tidy) return tidy
  }
  return null
}

function firstWith(document: DomDocument, tag: string, test: (el: DomElement) => boolean): DomElement | null {
  const elements = document.getElementsByTagName(tag)
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]
    if (el && test(el)) return el
  }
  return null
}

function absoluteUrl(value: string | null | undefined): string | null {
  if (!value) return null
  const trimmed = value.trim()
  return /^https?:\/\/\S+$/i.test(trimmed) ? trimmed : null
}

type JsonObject = Record<string, unknown>

/** schema.org objects from JSON-LD scripts, flattened out of arrays and @graph. */
function jsonLdObjects(document: DomDocument): JsonObject[] {
  const out: JsonObject[] = []
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4 || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1)
      return
    }
    const obj = value as JsonObject
    out.push(obj)
    if (obj['@graph']) visit(obj['@graph'], depth + 1)
  }
  const scripts = document.getElementsByTagName('script')
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i]
    if (!script || script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue
    try {
      visit(JSON.parse(script.textContent ?? ''), 0)
    } catch {
      // Malformed JSON-LD is common; it simply contributes nothing.
    }
  }
  return out
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return tidyParagraph(value) || null
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => Boolean(n))
    return names.length ? names.join(', ') : null
  }
  if (value && typeof value === 'object') return nameOf((value as JsonObject).name)
  return null
}

const ARTICLE_TYPE = /Article|Posting|Report|BlogPosting/i

function readJsonLd(document: DomDocument): Partial<TextMeta> {
  const meta: Partial<TextMeta> = {}
  for (const obj of jsonLdObjects(document)) {
    const type = String(obj['@type'] ?? '')
    if (!ARTICLE_TYPE.test(type)) continue
    meta.title ??= nameOf(obj.headline)
    meta.byline ??= nameOf(obj.author)
    meta.outlet ??= nameOf(obj.publisher)
    meta.publishedAt ??= normalizeDate(typeof obj.datePublished === 'string' ? obj.datePublished : null)
    meta.url ??= absoluteUrl(typeof obj.url === 'string' ? obj.url : null)
  }
  return meta
}

function cleanByline(value: string | null | undefined): string | null {
  if (!value) return null
  // Author metas sometimes hold a profile URL rather than a name.
  if (/^https?:\/\//i.test(value.trim())) return null
  const tidy = tidyParagraph(value).replace(/^by[:\s]\s*/i, '')
  return tidy || null
}

function readHeadMeta(document: DomDocument): Partial<TextMeta> {
  const meta = metaIndex(document)
  const jsonLd = readJsonLd(document)
  const timeElement =
    firstWith(document, 'time', (el) => el.getAttribute('itemprop') === 'datePublished' || el.getAttribute('pubdate') !== null) ??
    firstWith(document, 'time', (el) => Boolean(el.getAttribute('datetime')))
  const canonical = firstWith(document, 'link', (el) => el.getAttribute('rel')?.toLowerCase() === 'canonical')
  const title = tidyParagraph(document.getElementsByTagName('title')[0]?.textContent ?? '')
  return {
    title: pick(meta, ['og:title', 'twitter:title']) ?? jsonLd.title ?? (title || null),
    outlet: pick(meta, ['og:site_name', 'application-name']) ?? jsonLd.outlet ?? null,
    byline: cleanByline(pick(meta, ['author', 'byl', 'parsely-author', 'dc.creator', 'article:author'])) ?? jsonLd.byline ?? null,
    publishedAt:
      normalizeDate(pick(meta, ['article:published_time', 'datepublished', 'pubdate', 'publishdate', 'parsely-pub-date', 'dc.date', 'dc.date.issued', 'date'])) ??
      jsonLd.publishedAt ??
      normalizeDate(timeElement?.getAttribute('datetime')) ??
      null,
    url: absoluteUrl(canonical?.getAttribute('href')) ?? absoluteUrl(pick(meta, ['og:url'])) ?? jsonLd.url ?? null
  }
}

/** Drop a "Title | Outlet" suffix that <title> elements carry. */
function stripOutletSuffix(title: string | null, outlet: string | null): string | null {
  if (!title || !outlet) return title
  const m = /^(.+?)\s+[|\-–—:·]\s+(.+)$/.exec(title)
  return m && m[2]?.toLowerCase() === outlet.toLowerCase() ? (m[1] ?? title) : title
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i

interface VisibilityTestable {
  getAttribute(name: string): string | null
  hasAttribute(name: string): boolean
}

/**
 * Two of Readability's internal steps are replaced with cheaper equivalents, because on linkedom
 * they dominate the bulk-import benchmark: its visibility test reads `node.style`, which makes
 * linkedom build a CSS declaration object for every element (we read the style attribute
 * instead, same verdict for inline styles, which is all a DOM without a stylesheet engine has);
 * and rewriting relative link URLs matters only for rendering, never for text. Guarded, so a
 * Readability release that renames them just runs its own versions.
 */
function tuneForText(reader: object): void {
  const internals = reader as Record<string, unknown>
  if (typeof internals._isProbablyVisible === 'function') {
    internals._isProbablyVisible = (node: VisibilityTestable): boolean =>
      !HIDDEN_STYLE.test(node.getAttribute('style') ?? '') &&
      !node.hasAttribute('hidden') &&
      (node.getAttribute('aria-hidden') !== 'true' || (node.getAttribute('class') ?? '').includes('fallback-image'))
  }
  if (typeof internals._fixRelativeUris === 'function') internals._fixRelativeUris = (): void => undefined
}

function textsOf(blocks: Block[]): string[] {
  return blocks.map((b) => b.text)
}

export function readHtml(name: string, bytes: Uint8Array): Extracted {
  const { text, encoding } = decodeText(bytes, declaredCharset(bytes))
  if (looksBinary(text)) throw new ImportRejection('IMPORT_BINARY', `${name} is not a text document (it contains binary data)`)
  const document = parseMarkup(text)
  const meta = readHeadMeta(document)
  const firstH1 = tidyParagraph(document.getElementsByTagName('h1')[0]?.textContent ?? '')

  let paragraphs: string[] = []
  let article: ReturnType<Readability<DomNode>['parse']> = null
  try {
    // The serializer hands back the article node itself, sparing a serialise-and-reparse;
    // keepClasses skips a pass that only matters for rendering.
    const reader = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode, keepClasses: true })
    tuneForText(reader)
    article = reader.parse()
  } catch {
    article = null
  }
  if (article?.content && tidyParagraph(article.textContent ?? '') !== '') {
    paragraphs = textsOf(blocksFromNode(article.content))
  }
  if (paragraphs.length === 0) {
    // Readability edits the DOM as it goes, so the fallback reads a fresh parse of the page.
    paragraphs = textsOf(blocksFromHtml(text, { skipChrome: true }))
  }

  const outlet = meta.outlet ?? (article?.siteName ? tidyParagraph(article.siteName) : null)
  const title = stripOutletSuffix(meta.title ?? (article?.title ? tidyParagraph(article.title) : null) ?? (firstH1 || null), outlet)
  return {
    format: 'html',
    encoding,
    originalText: text,
    paragraphs,
    meta: {
      title,
      outlet,
      byline: meta.byline ?? cleanByline(article?.byline),
      publishedAt: meta.publishedAt ?? normalizeDate(article?.publishedTime),
      url: meta.url
    }
  }
}
