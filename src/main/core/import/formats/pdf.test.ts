// Tests may read their fixture files; the code under test never touches the file system.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildPdf } from '../fixtures/pdf-builder'
import type { PdfLine } from '../fixtures/pdf-builder'
import { parseDocument } from '../index'
import type { ParsedDocument } from '../../../../shared/domain'

async function parsePdf(bytes: Uint8Array, name = 'report.pdf'): Promise<ParsedDocument> {
  const result = await parseDocument({ name, bytes })
  if (!result.ok) throw new Error(result.message)
  return result.doc
}

// A page laid out like a typeset article: headline in a larger size, paragraphs of wrapped lines
// separated by extra leading, and a running footer with the page number.
function articlePage(page: number, paragraphs: string[][]): PdfLine[] {
  const lines: PdfLine[] = []
  let y = 720
  if (page === 1) {
    lines.push([72, y, 'Harbour reopens after storm damage', 20])
    y -= 40
  }
  for (const paragraph of paragraphs) {
    for (const line of paragraph) {
      lines.push([72, y, line])
      y -= 14
    }
    y -= 10
  }
  lines.push([72, 40, `The Example Gazette - page ${page}`, 9])
  return lines
}

describe('PDF import', () => {
  it('rebuilds lines and paragraphs from positioned text, and drops running footers', async () => {
    const bytes = buildPdf([
      articlePage(1, [
        ['The harbour reopened on Monday after a week-long', 'closure caused by the storm, the port authority said.'],
        ['Shipping companies warned that delays would', 'continue into next month.']
      ]),
      articlePage(2, [['Repairs to the breakwater are expected to cost', 'more than the authority had budgeted for the year.']])
    ])
    const doc = await parsePdf(bytes)
    expect(doc.format).toBe('pdf')
    expect(doc.title).toBe('Harbour reopens after storm damage')
    expect(doc.paragraphs).toEqual([
      'The harbour reopened on Monday after a week-long closure caused by the storm, the port authority said.',
      'Shipping companies warned that delays would continue into next month.',
      'Repairs to the breakwater are expected to cost more than the authority had budgeted for the year.'
    ])
    expect(doc.removed).toEqual([
      { text: 'The Example Gazette - page 1', reason: 'page header or footer' },
      { text: 'The Example Gazette - page 2', reason: 'page header or footer' }
    ])
    expect(doc.originalText).toContain('The Example Gazette - page 2')
    expect(doc.originalText).toContain('closure caused by the storm, the port authority said.')
  })

  it('joins a sentence that runs over a page break and words hyphenated at line ends', async () => {
    const bytes = buildPdf([
      [
        [72, 700, 'The minister said the agree-'],
        [72, 686, 'ment would be signed by the end of']
      ],
      [[72, 700, 'the year, officials confirmed.']]
    ])
    const doc = await parsePdf(bytes)
    expect(doc.paragraphs).toEqual(['The minister said the agreement would be signed by the end of the year, officials confirmed.'])
  })

  it('puts words that pdfjs delivers as separate runs on one line in x order', async () => {
    const bytes = buildPdf([
      [
        [200, 700, 'second half.'],
        [72, 700, 'First half and the'],
        [72, 660, 'Another paragraph of text.']
      ]
    ])
    expect((await parsePdf(bytes)).paragraphs).toEqual(['First half and the second half.', 'Another paragraph of text.'])
  })

  it('takes the document title from the PDF info unless it is a file name', async () => {
    const lines: PdfLine[] = [[72, 700, 'Some body text that is long enough to be a paragraph.']]
    expect((await parsePdf(buildPdf([lines], { title: 'Annual Report 2023' }))).title).toBe('Annual Report 2023')
    expect((await parsePdf(buildPdf([lines], { title: 'Microsoft Word - draft3.docx' }))).title).toBeNull()
  })

  it('rejects a password-protected PDF', async () => {
    // Fixture made with: qpdf --encrypt opensesame owner 256 -- plain.pdf fixtures/password-protected.pdf
    // (plain.pdf from buildPdf([[[72, 720, 'Confidential memo'], [72, 690, 'The minister arrived on Saturday.']]]))
    const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL('../fixtures/password-protected.pdf', import.meta.url))))
    expect(await parseDocument({ name: 'secret.pdf', bytes })).toEqual({ ok: false, code: 'IMPORT_UNREADABLE', message: 'secret.pdf is password-protected' })
  })

  it('rejects truncated and corrupt PDFs', async () => {
    const good = buildPdf([[[72, 700, 'Text']]])
    for (const bytes of [good.slice(0, 40), new TextEncoder().encode('%PDF-1.7\ngarbage that is not a pdf'), new Uint8Array([0x25, 0x50, 0x44, 0x46])]) {
      const result = await parseDocument({ name: 'broken.pdf', bytes })
      expect(result).toEqual({ ok: false, code: 'IMPORT_UNREADABLE', message: 'broken.pdf could not be read: it is not a valid PDF, or it is damaged or incomplete' })
    }
  })

  it('rejects a PDF without a text layer', async () => {
    expect(await parseDocument({ name: 'scan.pdf', bytes: buildPdf([[]]) })).toEqual({
      ok: false,
      code: 'IMPORT_EMPTY',
      message: 'scan.pdf has no text to import (it may be a scanned image without a text layer)'
    })
  })

  it('does not disturb the caller’s bytes', async () => {
    const bytes = buildPdf([[[72, 700, 'Text that stays.']]])
    const copy = bytes.slice()
    await parsePdf(bytes)
    expect(bytes).toEqual(copy)
  })

  it('reads a PDF that arrived without an extension', async () => {
    const result = await parseDocument({ name: 'attachment', bytes: buildPdf([[[72, 700, 'A sentence in a file without an extension.']]]) })
    expect(result.ok && result.doc.format).toBe('pdf')
  })
})
