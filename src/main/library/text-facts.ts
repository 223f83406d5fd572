// Facts the library derives from a parsed text when storing it.
import { createHash } from 'node:crypto'

/**
 * The text's identity for de-duplication: sha256 of the cleaned text with all whitespace runs
 * collapsed to one space. Collapsing makes the hash blind to line wrapping and paragraph
 * spacing, so one article imported as .txt and again as .html counts as the same text.
 */
export function contentHash(cleanedText: string): string {
  // Every whitespace run becomes one space; the pattern skips runs that already are one space
  // (the same result as replacing /\s+/, without a match per word).
  const normalized = cleanedText.replace(/[^\S ]\s*| \s+/gu, ' ').trim()
  return createHash('sha256').update(normalized, 'utf8').digest('hex')
}

/**
 * How much of a text as imported is stored again on its own, for the reader's "As imported" view
 * (READER_ORIGINAL_CHARS): reading the start of a 48 MB text out of the whole took 250 ms. The
 * migrations that filled it for older texts (SQLite v10, PostgreSQL v4) wrote the number out.
 */
export const ORIGINAL_HEAD_CHARS = 200_000

/** The words countWords counts, as a pattern: kept as the definition its scanner is tested against. */
export const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u
const CONNECTORS = new Set([0x27, 0x2019, 0x2e, 0x2c, 0x2d]) // ' ’ . , -

function isLetterOrDigit(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a)
  return LETTER_OR_DIGIT.test(String.fromCodePoint(code))
}

/**
 * Words as a reader counts them: "10,000", "Iwaya’s" and "Indo-Pacific" are one each — the
 * matches of WORD, counted by one scan over the text (matchAll cost a tenth of a millisecond per
 * article, a tenth of an import's time): a word starts at a letter or digit outside a word, and a
 * connector keeps a word going only between two letters or digits.
 */
export function countWords(text: string): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i) as number
    const width = code > 0xffff ? 2 : 1
    if (isLetterOrDigit(code)) {
      if (!inWord) count++
      inWord = true
    } else if (!(
      inWord &&
      CONNECTORS.has(code) &&
      i + 1 < text.length &&
      isLetterOrDigit(text.codePointAt(i + 1) as number)
    )) {
      inWord = false
    }
    i += width
  }
  return count
}

/**
 * Where each paragraph starts in the cleaned text. The import core promises cleanedText is the
 * paragraphs joined by a blank line; searching forward (rather than adding up lengths) keeps the
 * offsets right even if a core joins them differently, so an offset always points at the text.
 */
export function paragraphStarts(cleanedText: string, paragraphs: readonly string[]): number[] {
  let cursor = 0
  return paragraphs.map((paragraph) => {
    const at = cleanedText.indexOf(paragraph, cursor)
    const start = at === -1 ? cursor : at
    cursor = start + (at === -1 ? 0 : paragraph.length)
    return start
  })
}
