// Recognising what a file is from its first bytes, so a photo renamed .txt is refused with a
// useful message instead of being imported as a page of mojibake.

export type SniffKind = 'pdf' | 'zip' | 'ole' | 'rtf' | 'binary'

export interface Sniffed {
  kind: SniffKind
  /** How the file is described to the user: "a PNG image". */
  label: string
}

interface Signature {
  offset: number
  bytes: number[]
  kind: SniffKind
  label: string
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0))

const SIGNATURES: Signature[] = [
  { offset: 0, bytes: ascii('%PDF-'), kind: 'pdf', label: 'a PDF document' },
  { offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'zip', label: 'a ZIP archive' },
  { offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'zip', label: 'a ZIP archive' },
  { offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'ole', label: 'an old-style Office document' },
  { offset: 0, bytes: ascii('{\\rtf'), kind: 'rtf', label: 'an RTF document' },
  { offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'binary', label: 'a PNG image' },
  { offset: 0, bytes: [0xff, 0xd8, 0xff], kind: 'binary', label: 'a JPEG image' },
  { offset: 0, bytes: ascii('GIF87a'), kind: 'binary', label: 'a GIF image' },
  { offset: 0, bytes: ascii('GIF89a'), kind: 'binary', label: 'a GIF image' },
  { offset: 8, bytes: ascii('WEBP'), kind: 'binary', label: 'a WebP image' },
  { offset: 8, bytes: ascii('WAVE'), kind: 'binary', label: 'a WAV audio file' },
  { offset: 8, bytes: ascii('AVI '), kind: 'binary', label: 'an AVI video' },
  { offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00], kind: 'binary', label: 'a TIFF image' },
  { offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a], kind: 'binary', label: 'a TIFF image' },
  { offset: 0, bytes: [0x00, 0x00, 0x01, 0x00], kind: 'binary', label: 'an icon image' },
  { offset: 4, bytes: ascii('ftyp'), kind: 'binary', label: 'an MP4/QuickTime/HEIC media file' },
  { offset: 0, bytes: [0x49, 0x44, 0x33, 0x03], kind: 'binary', label: 'an MP3 audio file' },
  { offset: 0, bytes: [0x49, 0x44, 0x33, 0x04], kind: 'binary', label: 'an MP3 audio file' },
  { offset: 0, bytes: ascii('OggS'), kind: 'binary', label: 'an Ogg media file' },
  { offset: 0, bytes: ascii('fLaC'), kind: 'binary', label: 'a FLAC audio file' },
  { offset: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3], kind: 'binary', label: 'a Matroska/WebM video' },
  { offset: 0, bytes: [0x1f, 0x8b], kind: 'binary', label: 'a gzip archive' },
  { offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: 'binary', label: 'a 7-Zip archive' },
  { offset: 0, bytes: ascii('Rar!\x1a\x07'), kind: 'binary', label: 'a RAR archive' },
  { offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], kind: 'binary', label: 'an xz archive' },
  { offset: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd], kind: 'binary', label: 'a Zstandard archive' },
  { offset: 4, bytes: ascii('1AY&SY'), kind: 'binary', label: 'a bzip2 archive' },
  { offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'binary', label: 'an ELF executable' },
  { offset: 0, bytes: [0xfe, 0xed, 0xfa, 0xce], kind: 'binary', label: 'a Mach-O executable' },
  { offset: 0, bytes: [0xfe, 0xed, 0xfa, 0xcf], kind: 'binary', label: 'a Mach-O executable' },
  { offset: 0, bytes: [0xce, 0xfa, 0xed, 0xfe], kind: 'binary', label: 'a Mach-O executable' },
  { offset: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe], kind: 'binary', label: 'a Mach-O executable' },
  { offset: 0, bytes: [0xca, 0xfe, 0xba, 0xbe], kind: 'binary', label: 'a compiled program' },
  { offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d], kind: 'binary', label: 'a WebAssembly module' },
  { offset: 0, bytes: ascii('SQLite format 3\0'), kind: 'binary', label: 'an SQLite database' },
  { offset: 0, bytes: ascii('wOFF'), kind: 'binary', label: 'a web font' },
  { offset: 0, bytes: ascii('wOF2'), kind: 'binary', label: 'a web font' }
]

function matchesAt(bytes: Uint8Array, offset: number, sig: number[]): boolean {
  if (bytes.length < offset + sig.length) return false
  for (let i = 0; i < sig.length; i++) if (bytes[offset + i] !== sig[i]) return false
  return true
}

export function sniffBytes(bytes: Uint8Array): Sniffed | null {
  for (const sig of SIGNATURES) {
    if (matchesAt(bytes, sig.offset, sig.bytes)) return { kind: sig.kind, label: sig.label }
  }
  // "MZ" alone could begin a text file; a Windows executable also has NULs in its header.
  if (matchesAt(bytes, 0, [0x4d, 0x5a]) && bytes.length >= 64 && bytes.subarray(2, 64).includes(0)) {
    return { kind: 'binary', label: 'a Windows executable' }
  }
  return null
}

// C0 controls other than tab, newline, vertical tab, form feed and carriage return; DEL; C1 controls
// (which a Windows-1252 reading of binary produces for its undefined bytes).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f-\x9f]/g

/** Whether decoded "text" is really binary: NULs, a haze of control characters, or replacement marks. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text
  if (sample.length === 0) return false
  if (sample.includes('\u0000')) return true
  const controls = sample.match(CONTROL)?.length ?? 0
  if (controls / sample.length > 0.01 && controls > 1) return true
  let replacement = 0
  for (let i = sample.indexOf('\ufffd'); i !== -1; i = sample.indexOf('\ufffd', i + 1)) replacement++
  return replacement / sample.length > 0.05 && replacement > 2
}

/** Whether text that arrived without a telling extension is an HTML page. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(text.slice(0, 2048))
}
