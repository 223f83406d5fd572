// Building ParsedDocuments for library tests without the import core, so these tests exercise
// the store alone and do not change when the cleaner does.
import type { ParsedDocument } from '../../shared/domain'

export function makeDoc(paragraphs: string[], meta: Partial<ParsedDocument> = {}): ParsedDocument {
  const cleanedText = paragraphs.join('\n\n')
  return {
    format: 'txt',
    encoding: 'utf-8',
    originalText: cleanedText,
    paragraphs,
    cleanedText,
    removed: [],
    title: null,
    outlet: null,
    byline: null,
    publishedAt: null,
    url: null,
    ...meta
  }
}

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text)
