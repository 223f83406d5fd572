// Import core entry point: bytes in, a ParsedDocument (or a plain-language refusal) out. Pure:
// no file system, no database, no Electron. Pipeline: size check → sniff → format reader →
// furniture removal → repeat collapsing → metadata from the text → final paragraphs.
//
// Title policy: the headline is stored as `title` and kept out of `paragraphs` in every format
// (see metadata.ts). Lines that only carried metadata (byline, date, source URL) and all removed
// furniture are listed in `removed` with a reason.
import type { ImportRejectionCode, ParsedDocument, RemovedBlock } from '../../../shared/domain'
import { removeFurniture } from './clean/furniture'
import { collapseRepeats } from './clean/repeats'
import { decodeText } from './decode'
import { readDocx } from './formats/docx'
import { readHtml } from './formats/html'
import { readMarkdown } from './formats/markdown'
import { readPdf } from './formats/pdf'
import { readPlainText } from './formats/txt'
import { extractTextMeta } from './metadata'
import { looksBinary, looksLikeHtml, sniffBytes } from './sniff'
import { ImportRejection } from './types'
import type { Extracted } from './types'
import { listZipEntries } from './zip'
import { MAX_IMPORT_BYTES } from '../../../shared/limits'

// One limit for the whole app: the browser checks it before uploading, the core before decoding.
export { MAX_IMPORT_BYTES }

export type ParseResult = { ok: true; doc: ParsedDocument } | { ok: false; code: ImportRejectionCode; message: string }

export interface ParseInput {
  /** The file's name, used for the format (by extension) and in messages. */
  name: string
  bytes: Uint8Array
}

type Route = 'txt' | 'md' | 'html' | 'docx' | 'pdf'

// Maps, not object literals: a file named "x.constructor" must not find Object's prototype.
const ROUTES = new Map<string, Route>([
  ['txt', 'txt'],
  ['text', 'txt'],
  ['md', 'md'],
  ['markdown', 'md'],
  ['mdown', 'md'],
  ['mkd', 'md'],
  ['mkdn', 'md'],
  ['html', 'html'],
  ['htm', 'html'],
  ['xhtml', 'html'],
  ['docx', 'docx'],
  ['pdf', 'pdf']
])

// Document formats we know but do not read, with what to do instead.
const SUPPORTED = 'Factdesk imports .txt, .md, .html, .docx and .pdf'
const UNSUPPORTED = new Map<string, string>([
  ['doc', 'an old-style Word document (.doc); save it as .docx and import that'],
  ['rtf', 'an RTF document; save it as .docx or .txt and import that'],
  ['odt', 'an OpenDocument text; save it as .docx and import that'],
  ['pages', 'an Apple Pages document; export it as .docx or .pdf and import that'],
  ['epub', `an e-book; ${SUPPORTED}`],
  ['xlsx', `a spreadsheet; ${SUPPORTED}`],
  ['xls', `a spreadsheet; ${SUPPORTED}`],
  ['ods', `a spreadsheet; ${SUPPORTED}`],
  ['pptx', `a presentation; ${SUPPORTED}`],
  ['ppt', `a presentation; ${SUPPORTED}`],
  ['odp', `a presentation; ${SUPPORTED}`]
])

function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  // Whole megabytes read best, but "50 MB; the limit is 50 MB" would be nonsense.
  const shown = Math.round(mb) > MAX_IMPORT_BYTES / (1024 * 1024) ? Math.round(mb) : Math.ceil(mb * 10) / 10
  return `${shown} MB`
}

const reject = (code: ImportRejectionCode, message: string): never => {
  throw new ImportRejection(code, message)
}

/** The format to read the bytes as, from the extension checked against what the bytes are. */
function route(name: string, bytes: Uint8Array): Route {
  const ext = extensionOf(name)
  const sniffed = sniffBytes(bytes)
  const declared = ROUTES.get(ext)
  const unsupported = UNSUPPORTED.get(ext)
  if (unsupported) reject('IMPORT_UNSUPPORTED', `${name} is ${unsupported}`)
  if (declared === 'docx') {
    if (sniffed?.kind === 'ole') {
      reject('IMPORT_UNREADABLE', `${name} is password-protected, or is an old-style Word document (.doc) renamed to .docx`)
    }
    return 'docx'
  }
  if (declared === 'pdf') return 'pdf'
  if (sniffed) {
    switch (sniffed.kind) {
      case 'pdf':
        return 'pdf'
      case 'zip':
        // A Word document that lost its extension is still a Word document.
        if (listZipEntries(bytes)?.some((e) => e.name === 'word/document.xml')) return 'docx'
        return reject('IMPORT_BINARY', `${name} is not a text document (it looks like ${sniffed.label})`)
      case 'ole':
        return reject('IMPORT_UNSUPPORTED', `${name} is ${sniffed.label} (.doc, .xls or .ppt); save it as .docx or .pdf and import that`)
      case 'rtf':
        return reject('IMPORT_UNSUPPORTED', `${name} is an RTF document; save it as .docx or .txt and import that`)
      default:
        return reject('IMPORT_BINARY', `${name} is not a text document (it looks like ${sniffed.label})`)
    }
  }
  return declared ?? 'txt'
}

async function extract(name: string, bytes: Uint8Array): Promise<Extracted> {
  const format = route(name, bytes)
  if (format === 'docx') return readDocx(name, bytes)
  if (format === 'pdf') return readPdf(name, bytes)
  if (format === 'html') return readHtml(name, bytes)
  const { text, encoding } = decodeText(bytes)
  if (looksBinary(text)) reject('IMPORT_BINARY', `${name} is not a text document (it contains binary data)`)
  if (format === 'md') return readMarkdown(text, encoding)
  // Extensionless or unknown files that turn out to be web pages are read as web pages.
  if (!ROUTES.has(extensionOf(name)) && looksLikeHtml(text)) return readHtml(name, bytes)
  return readPlainText(text, encoding)
}

async function parse(name: string, bytes: Uint8Array): Promise<ParsedDocument> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    reject('IMPORT_TOO_LARGE', `${name} is ${megabytes(bytes.byteLength)}; the limit is ${MAX_IMPORT_BYTES / (1024 * 1024)} MB`)
  }
  if (bytes.byteLength === 0) reject('IMPORT_EMPTY', `${name} is empty`)
  const extracted = await extract(name, bytes)
  // Readers hand over tidy paragraphs (tidyParagraph); only empties are dropped here.
  const paragraphs = extracted.paragraphs.filter((p) => p !== '')
  if (paragraphs.length === 0) {
    reject('IMPORT_EMPTY', extracted.originalText.trim() === '' ? `${name} is empty` : `${name} has no readable text`)
  }

  const furniture = removeFurniture(paragraphs)
  const repeats = collapseRepeats(furniture.paragraphs)
  const meta = extractTextMeta(repeats.paragraphs, extracted.meta)
  const removed: RemovedBlock[] = [...(extracted.removed ?? []), ...furniture.removed, ...repeats.removed, ...meta.removed]
  if (meta.paragraphs.length === 0) {
    reject('IMPORT_EMPTY', `${name} has no story text, only page furniture (${[...new Set(removed.map((r) => r.reason))].join(', ')})`)
  }
  return {
    format: extracted.format,
    encoding: extracted.encoding,
    originalText: extracted.originalText,
    paragraphs: meta.paragraphs,
    cleanedText: meta.paragraphs.join('\n\n'),
    removed,
    ...meta.meta
  }
}

/** Never throws: every failure, expected or not, comes back as a rejection naming the file. */
export async function parseDocument(input: ParseInput): Promise<ParseResult> {
  const name = typeof input?.name === 'string' && input.name.trim() !== '' ? input.name : 'The file'
  try {
    const bytes = input?.bytes
    if (!(bytes instanceof Uint8Array)) return { ok: false, code: 'IMPORT_UNREADABLE', message: `${name} could not be read: no file content was given` }
    return { ok: true, doc: await parse(name, bytes) }
  } catch (error) {
    if (error instanceof ImportRejection) return { ok: false, code: error.code, message: error.message }
    const detail = error instanceof Error && error.message ? `: ${error.message}` : ''
    return { ok: false, code: 'IMPORT_UNREADABLE', message: `${name} could not be read${detail}` }
  }
}
