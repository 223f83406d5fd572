// Building ParsedDocuments for library tests without the import core, so these tests exercise
// the store alone and do not change when the cleaner does.
import type { ParsedDocument } from '../../shared/domain'
import type { Library } from '../../main/library/store'

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

/** Imports a source titled `title` with these paragraphs into `library`, as the importer would store it. */
export function addSource(library: Library, title: string, paragraphs: string[]) {
  const doc = makeDoc(paragraphs, { title })
  return library.importDocument({
    fileName: `${title}.txt`,
    bytes: bytesOf(doc.cleanedText),
    doc,
    role: 'source'
  })
}
