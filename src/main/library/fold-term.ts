/** Lower case without accents: the form the full-text indexes keep a word in (SQLite's unicode61
 * remove_diacritics 2, and the PostgreSQL store's unaccented simple configuration), so spelling
 * suggestions compare like with like. */
export function foldTerm(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu

/** The word of `text` the index holds as `term` ("kakmikawa" in "Kakmikawa spoke" → "Kakmikawa"). */
export function writtenAs(text: string | null | undefined, term: string): string | undefined {
  return text?.match(TOKEN)?.find((token) => foldTerm(token) === term)
}
