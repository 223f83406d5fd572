// Import core entry point. PLACEHOLDER: the real implementation (formats, decoding, cleaning,
// metadata) replaces this file; the signature is the contract the library and CLI build on.
import type { ImportRejectionCode, ParsedDocument } from '../../../shared/domain'

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

export type ParseResult = { ok: true; doc: ParsedDocument } | { ok: false; code: ImportRejectionCode; message: string }

export interface ParseInput {
  /** The file's name, used for the format (by extension) and in messages. */
  name: string
  bytes: Uint8Array
}

export async function parseDocument(input: ParseInput): Promise<ParseResult> {
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) {
    return { ok: false, code: 'IMPORT_TOO_LARGE', message: `${input.name} is too large` }
  }
  const text = new TextDecoder('utf-8').decode(input.bytes)
  const paragraphs = text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  if (paragraphs.length === 0) return { ok: false, code: 'IMPORT_EMPTY', message: `${input.name} is empty` }
  return {
    ok: true,
    doc: {
      format: 'txt',
      encoding: 'utf-8',
      originalText: text,
      paragraphs,
      cleanedText: paragraphs.join('\n\n'),
      removed: [],
      title: paragraphs[0] ?? null,
      outlet: null,
      byline: null,
      publishedAt: null,
      url: null
    }
  }
}
