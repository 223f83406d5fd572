import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../index'
import type { ParseResult } from '../index'

interface Para {
  text: string
  style?: string
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
</w:styles>`

/** A minimal but genuine .docx: content types, package relationships, document and styles. */
async function buildDocx(paragraphs: Para[], options: { documentXml?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`
  )
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
  )
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
  )
  zip.file('word/styles.xml', STYLES)
  const body = paragraphs
    .map((p) => `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${xmlEscape(p.text)}</w:t></w:r></w:p>`)
    .join('')
  zip.file(
    'word/document.xml',
    options.documentXml ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
  )
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

const BODY = [
  'The committee published its findings on Wednesday, concluding that the contract had been awarded without a proper tender.',
  'Two officials have since resigned, and prosecutors said they were reviewing the report.'
]

function expectRejected(result: ParseResult, code: string, message: string): void {
  expect(result).toEqual({ ok: false, code, message })
}

describe('Word (.docx) import', () => {
  it('reads paragraphs, takes the Title-styled first paragraph as the title and keeps subheadings', async () => {
    const bytes = await buildDocx([
      { text: 'Contract awarded without tender, inquiry finds', style: 'Title' },
      { text: BODY[0] as string },
      { text: 'What happens next', style: 'Heading2' },
      { text: BODY[1] as string },
      { text: 'Київ — 東京 — القدس 😀' }
    ])
    const result = await parseDocument({ name: 'inquiry.docx', bytes })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.doc.format).toBe('docx')
    expect(result.doc.title).toBe('Contract awarded without tender, inquiry finds')
    expect(result.doc.paragraphs).toEqual([BODY[0], 'What happens next', BODY[1], 'Київ — 東京 — القدس 😀'])
    expect(result.doc.originalText).toBe(['Contract awarded without tender, inquiry finds', BODY[0], 'What happens next', BODY[1], 'Київ — 東京 — القدس 😀'].join('\n\n'))
  })

  it('cleans furniture pasted into a Word document like any other text', async () => {
    const bytes = await buildDocx([{ text: BODY[0] as string }, { text: 'Advertisement' }, { text: BODY[1] as string }, { text: BODY[1] as string }])
    const result = await parseDocument({ name: 'pasted.docx', bytes })
    expect(result.ok && result.doc.paragraphs).toEqual(BODY)
    expect(result.ok && result.doc.removed.map((r) => r.reason)).toEqual(['advertising marker', 'repeated paragraph'])
  })

  it('recognises a Word document that lost its extension', async () => {
    const result = await parseDocument({ name: 'download', bytes: await buildDocx(BODY.map((text) => ({ text }))) })
    expect(result.ok && result.doc.format).toBe('docx')
  })

  it('rejects a .docx that is not a ZIP at all', async () => {
    expectRejected(await parseDocument({ name: 'draft.docx', bytes: new TextEncoder().encode('just some text') }), 'IMPORT_UNREADABLE', 'draft.docx could not be read: it is not a valid Word document')
  })

  it('rejects a truncated .docx', async () => {
    const bytes = await buildDocx(BODY.map((text) => ({ text })))
    expectRejected(await parseDocument({ name: 'cut.docx', bytes: bytes.slice(0, Math.floor(bytes.length / 2)) }), 'IMPORT_UNREADABLE', 'cut.docx could not be read: it is not a valid Word document')
  })

  it('rejects a ZIP without a Word document inside', async () => {
    const zip = new JSZip()
    zip.file('readme.txt', 'hello')
    const bytes = await zip.generateAsync({ type: 'uint8array' })
    expectRejected(await parseDocument({ name: 'fake.docx', bytes }), 'IMPORT_UNREADABLE', 'fake.docx could not be read: it is not a valid Word document')
    expectRejected(await parseDocument({ name: 'archive.zip', bytes }), 'IMPORT_BINARY', 'archive.zip is not a text document (it looks like a ZIP archive)')
  })

  it('rejects a document whose XML is broken', async () => {
    const bytes = await buildDocx([], { documentXml: '<w:document><w:body><w:p>' })
    expectRejected(await parseDocument({ name: 'broken.docx', bytes }), 'IMPORT_UNREADABLE', 'broken.docx could not be read: it is not a valid Word document')
  })

  it('refuses a ZIP that claims to inflate to an absurd size, before inflating it', async () => {
    const bytes = await buildDocx(BODY.map((text) => ({ text })))
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    // Rewrite every central-directory entry's uncompressed size to ~4 GB.
    for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xfffffff0, true)
    expectRejected(await parseDocument({ name: 'bomb.docx', bytes }), 'IMPORT_UNREADABLE', 'bomb.docx could not be read: it unpacks to more than 512 MB')
  })

  it('explains an encrypted (or old-format) .docx', async () => {
    const ole = new Uint8Array(512)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expectRejected(await parseDocument({ name: 'locked.docx', bytes: ole }), 'IMPORT_UNREADABLE', 'locked.docx is password-protected, or is an old-style Word document (.doc) renamed to .docx')
  })

  it('rejects an empty document', async () => {
    const result = await parseDocument({ name: 'blank.docx', bytes: await buildDocx([]) })
    expect(result).toMatchObject({ ok: false, code: 'IMPORT_EMPTY' })
  })
})
