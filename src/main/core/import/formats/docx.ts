// Word documents through mammoth, which reads the OOXML and gives semantic HTML (headings,
// paragraphs, lists) that the shared DOM reader turns into paragraphs.
import type MammothApi from 'mammoth'
import { blocksFromHtml } from '../dom'
import { ImportRejection } from '../types'
import type { Extracted } from '../types'
import { listZipEntries } from '../zip'

type Mammoth = typeof MammothApi
let mammothModule: Promise<Mammoth> | null = null
// Loaded on first use: most imports are plain text and should not pay for mammoth's start-up.
const loadMammoth = (): Promise<Mammoth> => (mammothModule ??= import('mammoth').then((m) => ((m as { default?: Mammoth }).default ?? m) as Mammoth))

/** Inflated size beyond which a .docx is treated as a zip bomb rather than a document. */
const MAX_INFLATED_BYTES = 512 * 1024 * 1024

export async function readDocx(name: string, bytes: Uint8Array): Promise<Extracted> {
  const invalid = new ImportRejection('IMPORT_UNREADABLE', `${name} could not be read: it is not a valid Word document`)
  const entries = listZipEntries(bytes)
  if (!entries || !entries.some((e) => e.name === 'word/document.xml')) throw invalid
  const inflated = entries.reduce((sum, e) => sum + e.uncompressedSize, 0)
  if (inflated > MAX_INFLATED_BYTES) {
    throw new ImportRejection('IMPORT_UNREADABLE', `${name} could not be read: it unpacks to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB`)
  }
  const mammoth = await loadMammoth()
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Images would be inlined as base64 data URIs only to be thrown away again.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        ignoreEmptyParagraphs: true,
        // A document must not make the importer read other files on this machine.
        externalFileAccess: false
      }
    )
    html = result.value
  } catch {
    throw invalid
  }
  const blocks = blocksFromHtml(html)
  let title: string | null = null
  // Mammoth maps the Title and Heading 1 styles to <h1>; one at the very top names the document.
  if (blocks[0]?.heading === 1 && blocks.length > 1) title = blocks.shift()?.text ?? null
  const paragraphs = blocks.map((b) => b.text)
  return {
    format: 'docx',
    encoding: 'utf-8',
    // What the document itself says, before any cleaning, one paragraph per block.
    originalText: [title, ...paragraphs].filter(Boolean).join('\n\n'),
    paragraphs,
    meta: { title }
  }
}
