// A word scanner for the hot paths (indexing every paragraph of the library, collecting every
// capitalized word): a char-code loop with an ASCII fast path. A Unicode-class regex in an exec
// loop cost ~5x more over a 1,000-source library.

/** 0 = not yet classified, 1 = part of a word, 2 = not; for the 65,536 UTF-16 code units. */
const CLASS = new Uint8Array(65536)
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u
const UPPER = /\p{Lu}/u
const LOWER = /\p{Ll}/u

export function isWordCode(code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
  let c = CLASS[code]!
  if (c === 0) {
    // Surrogate halves are letters outside the BMP often enough (and harmless otherwise).
    c = (code >= 0xd800 && code <= 0xdfff) || WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2
    CLASS[code] = c
  }
  return c === 1
}

export function isUpperCode(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90
  return UPPER.test(String.fromCharCode(code))
}

export function isLowerCode(code: number): boolean {
  if (code < 128) return code >= 97 && code <= 122
  return LOWER.test(String.fromCharCode(code))
}

/** Calls `onWord(start, end)` for every maximal run of letters, marks and digits. */
export function scanWords(text: string, onWord: (start: number, end: number) => void): void {
  const n = text.length
  let i = 0
  while (i < n) {
    while (i < n && !isWordCode(text.charCodeAt(i))) i++
    if (i >= n) return
    const start = i
    while (i < n && isWordCode(text.charCodeAt(i))) i++
    onWord(start, i)
  }
}

/**
 * The words (3+ characters) of a text that are in `only`, lower-cased; null when lower-casing
 * changes the text's length (a rare letter like "İ"), where the caller goes word by word. The text
 * is lower-cased once, not word by word: this runs over every paragraph of the library.
 */
export function wordsAmong(text: string, only: ReadonlySet<string>): string[] | null {
  const lower = text.toLowerCase()
  if (lower.length !== text.length) return null
  const out: string[] = []
  const n = lower.length
  let i = 0
  while (i < n) {
    while (i < n && !isWordCode(lower.charCodeAt(i))) i++
    const start = i
    while (i < n && isWordCode(lower.charCodeAt(i))) i++
    if (i - start > 2) {
      const w = lower.slice(start, i)
      if (only.has(w)) out.push(w)
    }
  }
  return out
}
