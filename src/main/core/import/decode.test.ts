import { describe, expect, it } from 'vitest'
import { decodeBytes, decodeText, detectBomlessUtf16, normalizeText } from './decode'

const SAMPLE = 'Iwaya’s “visit” — café, Київ, 東京 😀'

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : []
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (order === 'le') out.push(unit & 0xff, unit >> 8)
    else out.push(unit >> 8, unit & 0xff)
  }
  return Uint8Array.from(out)
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    expect(decodeText(utf8(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8' })
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]))).toEqual({
      text: SAMPLE,
      encoding: 'utf-8'
    })
  })

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decodeText(utf16(SAMPLE, 'le', true))).toEqual({ text: SAMPLE, encoding: 'utf-16le' })
    expect(decodeText(utf16(SAMPLE, 'be', true))).toEqual({ text: SAMPLE, encoding: 'utf-16be' })
  })

  it('detects BOM-less UTF-16 from its NUL-byte pattern', () => {
    const text = 'The minister arrived in Kyiv on Saturday.\nHe met his counterpart.'
    expect(decodeText(utf16(text, 'le', false))).toEqual({ text, encoding: 'utf-16le' })
    expect(decodeText(utf16(text, 'be', false))).toEqual({ text, encoding: 'utf-16be' })
    expect(detectBomlessUtf16(utf8(text))).toBeNull()
  })

  it('falls back to Windows-1252 for curly quotes and dashes saved by Word', () => {
    // “Quoted” – it’s… in Windows-1252
    const bytes = Uint8Array.from([
      0x93, 0x51, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94, 0x20, 0x96, 0x20, 0x69, 0x74, 0x92, 0x73, 0x85, 0x20,
      0x63, 0x61, 0x66, 0xe9
    ])
    expect(decodeText(bytes)).toEqual({ text: '“Quoted” – it’s… café', encoding: 'windows-1252' })
  })

  it('never throws on invalid UTF-8 and keeps the valid parts', () => {
    const bytes = Uint8Array.from([...utf8('Kyiv '), 0xc3, 0x28, 0xff, 0xfe, 0x80, ...utf8(' end')])
    const decoded = decodeText(bytes)
    expect(decoded.encoding).toBe('windows-1252')
    expect(decoded.text.startsWith('Kyiv ')).toBe(true)
    expect(decoded.text.endsWith(' end')).toBe(true)
  })

  it('uses a declared charset only when the bytes are not UTF-8', () => {
    const latin2 = Uint8Array.from([0x4c, 0xf3, 0x64, 0xbc]) // "Łódź"-ish in ISO-8859-2: "Lódź"
    expect(decodeText(latin2, 'iso-8859-2')).toEqual({ text: 'Lódź', encoding: 'iso-8859-2' })
    expect(decodeText(utf8('Łódź'), 'iso-8859-2')).toEqual({ text: 'Łódź', encoding: 'utf-8' })
    expect(decodeText(latin2, 'no-such-charset').encoding).toBe('windows-1252')
  })
})

describe('normalizeText', () => {
  it('normalises line endings and separators', () => {
    expect(normalizeText('a\r\nb\rc\u2028d\u2029e')).toBe('a\nb\nc\nd\n\ne')
  })

  it('composes to NFC so equal text compares equal', () => {
    const decomposed = 'Cafe\u0301 Zelens\u030cky'
    expect(normalizeText(decomposed)).toBe('Café Zelenšky')
    expect(normalizeText(decomposed)).toHaveLength(13)
  })
})

describe('UTF-8 with a few damaged bytes', () => {
  it('stays UTF-8, replacing only the damaged bytes', () => {
    const utf8 = new TextEncoder()
    const bytes = new Uint8Array([
      ...utf8.encode('Le café coûte 5 € à Paris. '),
      0xff,
      ...utf8.encode(' Fin.')
    ])
    const decoded = decodeBytes(bytes)
    expect(decoded.encoding).toBe('utf-8')
    expect(decoded.text).toContain('café coûte 5 € à Paris.')
    expect(decoded.text).toContain('\ufffd')
  })

  it('still reads real Windows-1252 as Windows-1252', () => {
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x80, 0x35]) // Café “q” €5
    expect(decodeBytes(bytes)).toEqual({ text: 'Café “q” €5', encoding: 'windows-1252' })
  })
})
