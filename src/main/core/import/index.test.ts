import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importRejectionCodeSchema } from '../../../shared/domain'
import { MAX_IMPORT_BYTES, parseDocument } from './index'
import type { ParseResult } from './index'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : []
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (order === 'le') out.push(unit & 0xff, unit >> 8)
    else out.push(unit >> 8, unit & 0xff)
  }
  return Uint8Array.from(out)
}

async function accept(name: string, bytes: Uint8Array) {
  const result = await parseDocument({ name, bytes })
  if (!result.ok) throw new Error(`rejected: ${result.message}`)
  return result.doc
}

const STORY = 'The minister arrived in the capital on Saturday.\n\nShe met her counterpart and discussed the security situation.'

describe('parseDocument rejections', () => {
  it('refuses files over the size limit before decoding, naming the size', async () => {
    const bytes = new Uint8Array(61 * 1024 * 1024)
    expect(await parseDocument({ name: 'report.pdf', bytes })).toEqual({ ok: false, code: 'IMPORT_TOO_LARGE', message: 'report.pdf is 61 MB; the limit is 50 MB' })
    expect(await parseDocument({ name: 'edge.txt', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) })).toEqual({
      ok: false,
      code: 'IMPORT_TOO_LARGE',
      message: 'edge.txt is 50.1 MB; the limit is 50 MB'
    })
  })

  it.each([
    ['notes.txt', new Uint8Array(0)],
    ['notes.txt', utf8('   \n\n\t  \r\n ')],
    ['notes.md', utf8('\uFEFF\n \n')],
    ['notes.txt', utf16('   \n  ', 'le', true)]
  ])('refuses empty or whitespace-only %s', async (name, bytes) => {
    expect(await parseDocument({ name, bytes })).toEqual({ ok: false, code: 'IMPORT_EMPTY', message: 'notes.txt is empty'.replace('notes.txt', name) })
  })

  it.each([
    ['photo.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'photo.png is not a text document (it looks like a PNG image)'],
    ['photo.txt', [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46], 'photo.txt is not a text document (it looks like a JPEG image)'],
    ['anim.gif', [...utf8('GIF89a'), 1, 0, 1, 0], 'anim.gif is not a text document (it looks like a GIF image)'],
    ['tool', [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 'tool is not a text document (it looks like an ELF executable)'],
    ['bundle.zip', [0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)], 'bundle.zip is not a text document (it looks like a ZIP archive)']
  ])('refuses binary %s by its magic number', async (name, bytes, message) => {
    expect(await parseDocument({ name, bytes: Uint8Array.from(bytes) })).toEqual({ ok: false, code: 'IMPORT_BINARY', message })
  })

  it('refuses text files full of control characters or NULs', async () => {
    const noisy = Uint8Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x61 + (i % 26)))
    expect(await parseDocument({ name: 'data.txt', bytes: noisy })).toEqual({ ok: false, code: 'IMPORT_BINARY', message: 'data.txt is not a text document (it contains binary data)' })
    const withNul = Uint8Array.from([...utf8('abc'), 0, 0, 1, 0, 0xff, 0x00, 0x10, 0x00, 0x00])
    expect(await parseDocument({ name: 'blob.dat', bytes: withNul })).toMatchObject({ ok: false, code: 'IMPORT_BINARY' })
  })

  it('names known-but-unsupported formats', async () => {
    expect(await parseDocument({ name: 'old.doc', bytes: utf8('x') })).toEqual({
      ok: false,
      code: 'IMPORT_UNSUPPORTED',
      message: 'old.doc is an old-style Word document (.doc); save it as .docx and import that'
    })
    expect(await parseDocument({ name: 'memo', bytes: utf8('{\\rtf1\\ansi Hello}') })).toMatchObject({ ok: false, code: 'IMPORT_UNSUPPORTED' })
  })

  it('is not fooled by extensions that are Object property names', async () => {
    for (const name of ['x.constructor', 'x.__proto__', 'x.toString', 'x.hasOwnProperty']) {
      const doc = await accept(name, utf8(STORY))
      expect(doc.format).toBe('txt')
    }
  })

  it('refuses text that is nothing but page furniture, saying what it found', async () => {
    expect(await parseDocument({ name: 'ad.txt', bytes: utf8('Advertisement\n\nSubscribe') })).toEqual({
      ok: false,
      code: 'IMPORT_EMPTY',
      message: 'ad.txt has no story text, only page furniture (advertising marker, newsletter form)'
    })
  })

  it('never throws on malformed input objects', async () => {
    await expect(parseDocument({ name: 'x.txt', bytes: 'not bytes' as unknown as Uint8Array })).resolves.toMatchObject({ ok: false, code: 'IMPORT_UNREADABLE' })
    await expect(parseDocument(undefined as unknown as { name: string; bytes: Uint8Array })).resolves.toMatchObject({ ok: false, code: 'IMPORT_UNREADABLE' })
  })
})

describe('parseDocument text decoding', () => {
  it.each([
    ['UTF-8', utf8(STORY), 'utf-8'],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(STORY)]), 'utf-8'],
    ['UTF-16 LE with BOM', utf16(STORY, 'le', true), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(STORY, 'be', true), 'utf-16be'],
    ['UTF-16 LE without BOM', utf16(STORY, 'le', false), 'utf-16le'],
    ['UTF-16 BE without BOM', utf16(STORY, 'be', false), 'utf-16be']
  ])('reads %s', async (_label, bytes, encoding) => {
    const doc = await accept('story.txt', bytes)
    expect(doc.encoding).toBe(encoding)
    expect(doc.paragraphs).toEqual(['The minister arrived in the capital on Saturday.', 'She met her counterpart and discussed the security situation.'])
    expect(doc.originalText).toBe(STORY)
  })

  it('reads Windows-1252 curly quotes and dashes, and CRLF line endings', async () => {
    // “It’s over” – he said.\r\n\r\nSecond paragraph.
    const bytes = Uint8Array.from([0x93, ...utf8('It'), 0x92, ...utf8('s over'), 0x94, 0x20, 0x96, ...utf8(' he said.\r\n\r\nSecond paragraph.')])
    const doc = await accept('quote.txt', bytes)
    expect(doc.encoding).toBe('windows-1252')
    expect(doc.paragraphs).toEqual(['“It’s over” – he said.', 'Second paragraph.'])
    expect(doc.originalText).toBe('“It’s over” – he said.\n\nSecond paragraph.')
  })

  it('does not throw on invalid UTF-8 and keeps the readable text', async () => {
    const doc = await accept('broken.txt', Uint8Array.from([...utf8('Valid start of the text. '), 0xc3, 0x28, 0xe2, 0x82, ...utf8(' Valid end of the text.')]))
    expect(doc.encoding).toBe('windows-1252')
    expect(doc.cleanedText).toContain('Valid start of the text.')
    expect(doc.cleanedText).toContain('Valid end of the text.')
  })

  it('keeps right-to-left, CJK and emoji text intact and NFC-normalised', async () => {
    const text = 'مرحبا بالعالم، هذا نص عربي.\n\nשלום עולם, זה טקסט בעברית.\n\n東京で会談が行われた。日本の外相が訪問した。\n\n서울에서 회담이 열렸다.\n\nFamily: 👨‍👩‍👧 flags: 🇺🇦🇯🇵 e\u0301'
    const doc = await accept('intl.txt', utf8(text))
    expect(doc.paragraphs).toEqual([
      'مرحبا بالعالم، هذا نص عربي.',
      'שלום עולם, זה טקסט בעברית.',
      '東京で会談が行われた。日本の外相が訪問した。',
      '서울에서 회담이 열렸다.',
      'Family: 👨‍👩‍👧 flags: 🇺🇦🇯🇵 é'
    ])
  })

  it('imports a 1 MB single line quickly', async () => {
    const line = 'The quick brown fox jumps over the lazy dog. '.repeat(23_000).trim()
    const started = performance.now()
    const doc = await accept('long.txt', utf8(line))
    expect(performance.now() - started).toBeLessThan(2000)
    expect(doc.paragraphs).toEqual([line])
  })

  it('treats an unknown extension that decodes as text as plain text', async () => {
    const doc = await accept('notes.weird', utf8(STORY))
    expect(doc.format).toBe('txt')
    expect(doc.paragraphs).toHaveLength(2)
  })

  it('keeps cleanedText equal to the paragraphs joined by blank lines', async () => {
    const doc = await accept('story.txt', utf8('Headline here today\n\nFirst.\n\n\n\nSecond   with  spaces.'))
    expect(doc.cleanedText).toBe('First.\n\nSecond with spaces.')
    expect(doc.title).toBe('Headline here today')
  })
})

const EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf', 'png', 'doc', 'zip', '', 'TXT', 'Pdf', 'weird']

function assertValid(result: ParseResult): void {
  if (result.ok) {
    const { doc } = result
    expect(doc.paragraphs.length).toBeGreaterThan(0)
    for (const p of doc.paragraphs) {
      expect(p).not.toBe('')
      expect(p).toBe(p.trim())
      expect(p).not.toContain('\n')
    }
    expect(doc.cleanedText).toBe(doc.paragraphs.join('\n\n'))
    expect(['txt', 'md', 'html', 'docx', 'pdf']).toContain(doc.format)
    expect(typeof doc.encoding).toBe('string')
    expect(typeof doc.originalText).toBe('string')
    for (const r of doc.removed) {
      expect(typeof r.text).toBe('string')
      expect(r.reason).not.toBe('')
    }
  } else {
    expect(importRejectionCodeSchema.safeParse(result.code).success).toBe(true)
    expect(result.message.length).toBeGreaterThan(0)
  }
}

describe('parseDocument properties', () => {
  const name = fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...EXTENSIONS)).map(([base, ext]) => (ext ? `${base}.${ext}` : base))

  it('never throws and always returns a valid result for arbitrary bytes and names', async () => {
    // Arbitrary bytes, and arbitrary bytes behind the magic numbers that route to pdfjs and mammoth.
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      fc.uint8Array({ maxLength: 600 }).map((b) => Uint8Array.from([...utf8('%PDF-1.4\n'), ...b])),
      fc.uint8Array({ maxLength: 600 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b]))
    )
    await fc.assert(
      fc.asyncProperty(name, bytes, async (fileName, content) => {
        assertValid(await parseDocument({ name: fileName, bytes: content }))
      }),
      { numRuns: 300 }
    )
  })

  it('never throws on arbitrary text, and cleaned paragraphs are tidy', async () => {
    const text = fc.array(
      fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('Advertisement', 'Related:', '- News', 'By Jane Doe', '', '\n', '3', 'Subscribe', 'News Feed', '  ', 'https://x.example/a')),
      { maxLength: 30 }
    )
    await fc.assert(
      fc.asyncProperty(name, text, async (fileName, lines) => {
        assertValid(await parseDocument({ name: fileName, bytes: utf8(lines.join('\n')) }))
      }),
      { numRuns: 300 }
    )
  })

  it('never loses a plain sentence-per-paragraph story', async () => {
    const sentence = fc.stringMatching(/^[A-Z][a-z]{2,10}( [a-z]{2,10}){6,15}\.$/)
    await fc.assert(
      fc.asyncProperty(fc.array(sentence, { minLength: 1, maxLength: 12 }), async (sentences) => {
        const result = await parseDocument({ name: 'story.txt', bytes: utf8(sentences.join('\n\n')) })
        expect(result.ok).toBe(true)
        if (result.ok) expect(result.doc.paragraphs).toEqual([...new Set(sentences)])
      }),
      { numRuns: 200 }
    )
  })
})
