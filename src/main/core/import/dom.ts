// Turning a parsed (never rendered, never scripted) DOM into paragraphs. Shared by the HTML,
// Word (via mammoth's HTML) and Markdown (embedded HTML) readers so all three agree on what a
// paragraph is.
import { parseHTML } from 'linkedom'
import { tidyParagraph } from './paragraphs'

export interface Block {
  text: string
  /** 1–6 for h1–h6, 0 for everything else. */
  heading: number
}

// Elements whose content is never reading text: code, embedded objects, form controls, media.
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET',
  'SVG', 'MATH', 'CANVAS', 'HEAD', 'TITLE', 'META', 'LINK', 'BASE', 'BUTTON', 'SELECT', 'OPTION',
  'TEXTAREA', 'INPUT', 'AUDIO', 'VIDEO', 'PICTURE', 'IMG', 'MAP', 'DIALOG', 'SOURCE', 'TRACK'
])
// Site chrome: skipped only when we read a whole page body because Readability found no article.
const CHROME = new Set(['NAV', 'FOOTER', 'ASIDE', 'FORM', 'MENU'])
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BR'
])

// The slice of the DOM we use, typed here because the main process compiles without lib.dom.
export interface DomNode {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<DomNode>
}

export interface DomElement extends DomNode {
  getAttribute(name: string): string | null
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  getElementsByTagName(name: string): ArrayLike<DomElement>
}

export interface DomDocument extends DomElement {
  body: DomElement | null
  documentElement: DomElement | null
}

export interface BlockOptions {
  /** Leave out nav, footer, aside and forms (for whole-page fallback reading). */
  skipChrome?: boolean
}

export function blocksFromNode(root: DomNode, options: BlockOptions = {}): Block[] {
  const blocks: Block[] = []
  let buffer = ''
  let heading = 0
  const flush = (): void => {
    const text = tidyParagraph(buffer)
    if (text !== '') blocks.push({ text, heading })
    buffer = ''
    heading = 0
  }
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      buffer += node.textContent ?? ''
      return
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return
    const tag = node.nodeName.toUpperCase()
    if (SKIP.has(tag) || (options.skipChrome && CHROME.has(tag))) return
    if (tag === 'PRE') {
      flush()
      // Preformatted text keeps its line structure: one paragraph per line.
      for (const line of (node.textContent ?? '').split('\n')) {
        buffer = line
        flush()
      }
      return
    }
    const isBlock = BLOCK.has(tag)
    if (isBlock) flush()
    const level = /^H[1-6]$/.test(tag) ? Number(tag[1]) : 0
    const children = node.childNodes
    for (let i = 0; i < children.length; i++) {
      const child = children[i]
      if (child) walk(child)
    }
    if (level) heading = level
    if (isBlock) flush()
  }
  walk(root)
  flush()
  return blocks
}

/**
 * Parse markup into a document. linkedom builds a DOM without running scripts or fetching
 * anything; a fragment is wrapped first because linkedom only gives a body to full documents.
 */
export function parseMarkup(html: string): DomDocument {
  const whole = /<body[\s>]/i.test(html) || /<html[\s>]/i.test(html)
  const source = whole ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`
  return (parseHTML(source) as unknown as { document: DomDocument }).document
}

export function blocksFromHtml(html: string, options: BlockOptions = {}): Block[] {
  const document = parseMarkup(html)
  const root = document.body ?? document.documentElement
  return root ? blocksFromNode(root, options) : []
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®'
}

/** Character references in text that was never through an HTML parser (Markdown source). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole
  })
}
