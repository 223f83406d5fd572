// Markdown to plain paragraphs through marked's lexer: the token tree tells emphasis, links and
// list markers from text, which regex stripping gets wrong on real-world Markdown.
import { Lexer } from 'marked'
import type { Token, Tokens } from 'marked'
import type { TextMeta } from '../../../../shared/domain'
import { blocksFromHtml, decodeEntities } from '../dom'
import { tidyParagraph } from '../paragraphs'
import type { Extracted } from '../types'

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/
const FRONT_MATTER_LINE = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/

/** The few bibliographic keys of a YAML front-matter block; anything fancier is ignored. */
function readFrontMatter(yaml: string): Partial<TextMeta> {
  const meta: Partial<TextMeta> = {}
  for (const line of yaml.split('\n')) {
    const m = FRONT_MATTER_LINE.exec(line)
    if (!m) continue
    const key = (m[1] ?? '').toLowerCase()
    const value = (m[2] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2').trim()
    if (value === '') continue
    if (key === 'title') meta.title = value
    else if (key === 'author' || key === 'byline') meta.byline = value
    else if (key === 'date' || key === 'published' || key === 'publishedat' || key === 'published_at') meta.publishedAt = value
    else if (key === 'url' || key === 'source_url' || key === 'canonical_url') meta.url = value
    else if (key === 'outlet' || key === 'publisher' || key === 'site' || key === 'source') meta.outlet = value
  }
  return meta
}

function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return ''
  let out = ''
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'escape':
        out += (token as Tokens.Text).tokens ? inlineText((token as Tokens.Text).tokens) : decodeEntities((token as Tokens.Text).text)
        break
      case 'codespan':
        out += decodeEntities((token as Tokens.Codespan).text)
        break
      case 'br':
        out += ' '
        break
      case 'image':
      case 'html':
      case 'tag':
      case 'checkbox':
        // Images and inline tags carry no reading text of their own.
        break
      default:
        out += 'tokens' in token && Array.isArray(token.tokens) ? inlineText(token.tokens as Token[]) : ''
    }
  }
  return out
}

function blockTokens(tokens: Token[], out: { text: string; heading: number }[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        out.push({ text: inlineText((token as Tokens.Heading).tokens), heading: (token as Tokens.Heading).depth })
        break
      case 'paragraph':
        out.push({ text: inlineText((token as Tokens.Paragraph).tokens), heading: 0 })
        break
      case 'text':
        out.push({ text: inlineText([token]), heading: 0 })
        break
      case 'code':
        for (const line of (token as Tokens.Code).text.split('\n')) out.push({ text: line, heading: 0 })
        break
      case 'blockquote':
        blockTokens((token as Tokens.Blockquote).tokens, out)
        break
      case 'list':
        for (const item of (token as Tokens.List).items) blockTokens(item.tokens, out)
        break
      case 'table': {
        const table = token as Tokens.Table
        for (const row of [table.header, ...table.rows]) {
          out.push({ text: row.map((cell) => tidyParagraph(inlineText(cell.tokens))).filter(Boolean).join(' | '), heading: 0 })
        }
        break
      }
      case 'html':
        for (const block of blocksFromHtml((token as Tokens.HTML).text)) out.push(block)
        break
      default:
        // space, hr, def: layout and link definitions, no text.
        break
    }
  }
}

export function readMarkdown(text: string, encoding: string): Extracted {
  let body = text
  let meta: Partial<TextMeta> = {}
  const front = FRONT_MATTER.exec(text)
  if (front) {
    meta = readFrontMatter(front[1] ?? '')
    body = text.slice(front[0].length)
  }
  const blocks: { text: string; heading: number }[] = []
  blockTokens(Lexer.lex(body, { gfm: true }), blocks)
  const paragraphs: string[] = []
  for (const block of blocks) {
    const tidy = tidyParagraph(block.text)
    if (tidy === '') continue
    // A top-level heading before any body text is the document's title.
    if (block.heading === 1 && paragraphs.length === 0 && !meta.title) meta.title = tidy
    else paragraphs.push(tidy)
  }
  return { format: 'md', encoding, originalText: text, paragraphs, meta }
}
