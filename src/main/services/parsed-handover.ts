// A parsed document handed from the import worker to the main thread as one UTF-8 buffer that
// moves without a copy, and cut back into its strings there. A structured clone of a 45 MB text
// (the text as imported, cleaned, and again as paragraphs) held the receiving thread for over a
// second; decoding one buffer and slicing it takes a fraction of that.
import type { ImportOutcome, ParsedDocument } from '../../shared/domain'
import type { ParsedImport } from './import-parse'

/** The document without its long strings, which travel in `text`, cut at `lengths` (UTF-16 units). */
export interface PackedDocument {
  rest: Omit<ParsedDocument, 'originalText' | 'cleanedText' | 'paragraphs'>
  text: Uint8Array
  lengths: Int32Array
}

export type HandedOver = { packed: PackedDocument } | { doc: ParsedDocument }

export function packDocument(doc: ParsedDocument): HandedOver {
  const { originalText, cleanedText, paragraphs, ...rest } = doc
  const strings = [originalText, cleanedText, ...paragraphs]
  // UTF-8 cannot carry a lone surrogate (it would come back as U+FFFD): such a text is cloned.
  if (!strings.every(isWellFormed)) return { doc }
  return {
    packed: {
      rest,
      text: new TextEncoder().encode(strings.join('')),
      lengths: Int32Array.from(strings, (s) => s.length)
    }
  }
}

// ES2024's String.prototype.isWellFormed: in Node 20 and Electron, not yet in our TypeScript lib.
const isWellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed()

export function unpackDocument(handed: HandedOver): ParsedDocument {
  if ('doc' in handed) return handed.doc
  const { rest, text, lengths } = handed.packed
  const all = new TextDecoder().decode(text)
  const strings: string[] = []
  let at = 0
  for (const length of lengths) {
    strings.push(all.slice(at, at + length))
    at += length
  }
  const [originalText = '', cleanedText = '', ...paragraphs] = strings
  return { ...rest, originalText, cleanedText, paragraphs }
}

/** The buffers to hand over with a packed document. */
export function handedOverBuffers(handed: HandedOver): ArrayBuffer[] {
  return 'packed' in handed
    ? [handed.packed.text.buffer as ArrayBuffer, handed.packed.lengths.buffer as ArrayBuffer]
    : []
}

/** What the import worker answers: ParsedImport with its document packed. */
export type HandedOverImport =
  { ok: true; bytes: Uint8Array; handed: HandedOver } | { ok: false; outcome: ImportOutcome }

export function handOverImport(parsed: ParsedImport): HandedOverImport {
  return parsed.ok ? { ok: true, bytes: parsed.bytes, handed: packDocument(parsed.doc) } : parsed
}

export function takeOverImport(handed: HandedOverImport): ParsedImport {
  return handed.ok ? { ok: true, bytes: handed.bytes, doc: unpackDocument(handed.handed) } : handed
}
