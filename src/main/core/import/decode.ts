// Bytes to text for the text formats (txt, md, html). Never throws: text that is not valid UTF-8
// is read as Windows-1252, which maps every byte to something, because that is what most
// non-UTF-8 newsroom copy (pasted from Word or old CMSes on Windows) actually is.

export interface Decoded {
  text: string
  /** WHATWG name of the encoding used. */
  encoding: string
}

// Decoders are reused across calls: constructing one per file shows up in the bulk-import benchmark.
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const utf8Loose = new TextDecoder('utf-8', { ignoreBOM: true })
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true })
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true })
type Decoder = InstanceType<typeof TextDecoder>

// Windows-1252 is decoded by hand: Node 20's TextDecoder treats the label as Latin-1 and turns
// the curly quotes and dashes in 0x80–0x9F into invisible C1 control characters. The five
// bytes Windows-1252 leaves undefined map to the C1 code points, as the WHATWG table does.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178
]

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = []
  const units = new Uint16Array(Math.min(bytes.length, 8192))
  for (let start = 0; start < bytes.length; start += units.length) {
    const end = Math.min(start + units.length, bytes.length)
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number
      units[i - start] = b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] as number) : b
    }
    chunks.push(String.fromCharCode(...units.subarray(0, end - start)))
  }
  return chunks.join('')
}
const declaredDecoders = new Map<string, Decoder | null>()

/** Which UTF-16 byte order, if any, the NUL bytes of mostly-Latin text give away. */
export function detectBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 2) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++
    if (bytes[i + 1] === 0) oddNul++
  }
  const pairs = n / 2
  // ASCII in UTF-16 puts a zero in every other byte; binary files have NULs at both parities.
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return 'utf-16le'
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return 'utf-16be'
  return null
}

function declaredDecoder(label: string): Decoder | null {
  const key = label.trim().toLowerCase()
  let decoder = declaredDecoders.get(key)
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(key, { ignoreBOM: true })
    } catch {
      decoder = null
    }
    declaredDecoders.set(key, decoder)
  }
  return decoder
}

/**
 * Decode without normalising. `declared` is a charset the file itself names (an HTML meta tag);
 * it is trusted only when the bytes are not valid UTF-8, since declarations are often stale.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8Loose.decode(bytes.subarray(3)), encoding: 'utf-8' }
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: utf16le.decode(bytes.subarray(2)), encoding: 'utf-16le' }
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: utf16be.decode(bytes.subarray(2)), encoding: 'utf-16be' }
  }
  const utf16 = detectBomlessUtf16(bytes)
  if (utf16 === 'utf-16le') return { text: utf16le.decode(bytes), encoding: 'utf-16le' }
  if (utf16 === 'utf-16be') return { text: utf16be.decode(bytes), encoding: 'utf-16be' }
  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8' }
  } catch {
    // Not clean UTF-8. A file that is mostly UTF-8 with a few damaged bytes (a bad copy, a
    // truncated character) stays UTF-8 with those bytes replaced; reading it all as
    // Windows-1252 would turn every accent in it into mojibake.
    const evidence = utf8Evidence(bytes)
    if (evidence.valid > evidence.invalid) return { text: utf8Loose.decode(bytes), encoding: 'utf-8' }
  }
  if (declared) {
    const decoder = declaredDecoder(declared)
    // Latin-1 and Windows-1252 labels share one WHATWG decoder, which Node gets wrong (above).
    if (decoder && decoder.encoding !== 'utf-8' && decoder.encoding !== 'windows-1252')
      return { text: decoder.decode(bytes), encoding: decoder.encoding }
  }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
}

/**
 * Well-formed multi-byte UTF-8 sequences against bytes that fit none. Windows-1252 text almost
 * never forms valid sequences by accident (an accented letter is one byte followed by ASCII).
 */
export function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0
  let invalid = 0
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    let ok = length > 0 && i + length <= bytes.length
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80
    if (ok) {
      valid++
      i += length
    } else {
      invalid++
      i++
    }
  }
  return { valid, invalid }
}

const LINE_BREAKS = /\r\n?|\u2028|\u0085/g

/** One line-ending convention and one Unicode form, so equal texts compare and hash equal. */
export function normalizeText(text: string): string {
  let out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  out = out.replace(LINE_BREAKS, '\n').replace(/\u2029/g, '\n\n')
  return out.normalize('NFC')
}

export function decodeText(bytes: Uint8Array, declared?: string | null): Decoded {
  const decoded = decodeBytes(bytes, declared)
  return { text: normalizeText(decoded.text), encoding: decoded.encoding }
}
