/** Lower case without accents: the form the full-text indexes keep a word in (SQLite's unicode61
 * remove_diacritics 2, and the PostgreSQL store's unaccented simple configuration), so spelling
 * suggestions compare like with like. */
export function foldTerm(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}
