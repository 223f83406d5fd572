import { describe, expect, it } from 'vitest'
import { looksBinary, looksLikeHtml, sniffBytes } from './sniff'

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values)
const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0))

describe('sniffBytes', () => {
  it.each([
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), 'binary', 'a PNG image'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'binary', 'a JPEG image'],
    ['GIF', bytes(...ascii('GIF89a'), 1, 0), 'binary', 'a GIF image'],
    ['ELF', bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1), 'binary', 'an ELF executable'],
    ['gzip', bytes(0x1f, 0x8b, 8, 0), 'binary', 'a gzip archive'],
    ['PDF', bytes(...ascii('%PDF-1.7\n')), 'pdf', 'a PDF document'],
    ['ZIP', bytes(0x50, 0x4b, 0x03, 0x04, 20, 0), 'zip', 'a ZIP archive'],
    ['OLE', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'ole', 'an old-style Office document'],
    ['WebP', bytes(...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBP')), 'binary', 'a WebP image']
  ])('recognises %s', (_name, input, kind, label) => {
    expect(sniffBytes(input)).toEqual({ kind, label })
  })

  it('recognises a Windows executable only with a binary header', () => {
    const header = new Uint8Array(64)
    header.set([0x4d, 0x5a, 0x90, 0x00])
    expect(sniffBytes(header)).toEqual({ kind: 'binary', label: 'a Windows executable' })
    expect(sniffBytes(new TextEncoder().encode('MZ Holdings reported higher profits this quarter, analysts said.'))).toBeNull()
  })

  it('does not flag ordinary text', () => {
    expect(sniffBytes(new TextEncoder().encode('GIF is a file format. ID3 tags are metadata.'))).toBeNull()
  })
})

describe('looksBinary', () => {
  it('flags NULs and dense control characters', () => {
    expect(looksBinary('abc\u0000def')).toBe(true)
    expect(looksBinary('a\u0001b\u0002c\u0003d\u0004e')).toBe(true)
  })

  it('accepts prose with tabs, form feeds and scripts of every kind', () => {
    expect(looksBinary('Column\tvalue\fnext page\nKyiv Київ 東京 مرحبا 😀')).toBe(false)
  })
})

describe('looksLikeHtml', () => {
  it('spots a page by its doctype or root element', () => {
    expect(looksLikeHtml('  <!DOCTYPE html><html><body>x</body></html>')).toBe(true)
    expect(looksLikeHtml('<!-- saved --><html lang="en">')).toBe(true)
    expect(looksLikeHtml('Use <b>bold</b> sparingly')).toBe(false)
  })
})
