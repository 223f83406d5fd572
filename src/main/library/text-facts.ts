// Facts the library derives from a parsed text when storing it.
import { createHash } from 'node:crypto'

/**
 * The text's identity for de-duplication: sha256 of the cleaned text with all whitespace runs
 * collapsed to one space. Collapsing makes the hash blind to line wrapping and paragraph
 * spacing, so one article imported as .txt and again as .html counts as the same text.
 */
export function contentHash(cleanedText: string): string {
  const normalized = cleanedText.replace(/\s+/gu, ' ').trim()
  return createHash('sha256').update(normalized, 'utf8').digest('hex')
}

const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu

/** Words as a reader counts them: "10,000", "Iwaya’s" and "Indo-Pacific" are one each. */
export function countWords(text: string): number {
  let count = 0
  for (const _ of text.matchAll(WORD)) count++
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
