// Shape tests shared by the cleaners. They look at the form of a paragraph (length, punctuation,
// list marker), never at what it is about.

export const LIST_MARKER = /^(?:[-*•–—·▪◦►»]\s+|\d{1,3}[.)]\s+)/u
const CLOSERS = /["'”’»)\]]+$/u

export function wordCount(text: string): number {
  let count = 0
  for (const part of text.split(' ')) if (/[\p{L}\p{N}]/u.test(part)) count++
  return count
}

/**
 * Shaped like a headline or a link title: short, several words, and not closing a sentence
 * with a period (headlines end bare, or with ? or a closing quote).
 */
export function isHeadlineShaped(text: string, maxLength = 160): boolean {
  if (text.length > maxLength || text.length < 8) return false
  const words = wordCount(text)
  if (words < 2 && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{4}/u.test(text)) return false
  const bare = text.replace(CLOSERS, '')
  return !/[.,;:。]$/u.test(bare) && /^[\p{Lu}\p{Lo}\p{N}"“‘'«¿¡]/u.test(text)
}

export function isListItem(text: string): boolean {
  return LIST_MARKER.test(text)
}
