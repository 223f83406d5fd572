// The words the full-text vectors hold (paragraphs and headlines), for spelling suggestions. The
// words are as the factdesk text search configuration keeps them: lower case, accents removed,
// each with the number of vectors that hold it, in search_words (schema v7, kept by triggers).
import { writtenAs } from '../fold-term'
import type { Vocabulary } from '../store'
import type { Db } from './connection'

/** Above every character: a prefix's words sort (COLLATE "C") from the prefix up to the prefix and this. */
const LAST_CHARACTER = String.fromCodePoint(0x10ffff)

export function createVocabulary(db: Db): Vocabulary {
  return {
    async wordsStartingWith(first, minLength, maxLength) {
      return db.query<{ term: string; rows: number }>(
        `SELECT word AS term, rows FROM search_words
         WHERE word >= $1 AND word < $2 AND starts_with(word, $1) AND rows > 0
           AND length(word) BETWEEN $3 AND $4`,
        [first, first + LAST_CHARACTER, minLength, maxLength]
      )
    },
    async hasPrefix(prefix) {
      if (prefix === '' || !/^[\p{L}\p{N}\p{M}]+$/u.test(prefix)) return false
      const [row] = await db.query<{ yes: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM paragraphs WHERE tsv @@ to_tsquery('factdesk', $1))
             OR EXISTS (SELECT 1 FROM texts WHERE title_tsv @@ to_tsquery('factdesk', $1)) AS yes`,
        [`'${prefix}':*`]
      )
      return row?.yes === true
    },
    async spelling(term) {
      // Terms are letters and digits only, so quoting makes any of them a safe tsquery word.
      if (!/^[\p{L}\p{N}\p{M}]+$/u.test(term)) return null
      for (const sql of [
        `SELECT text FROM paragraphs WHERE tsv @@ to_tsquery('factdesk', $1) LIMIT 1`,
        `SELECT title AS text FROM texts WHERE title_tsv @@ to_tsquery('factdesk', $1) LIMIT 1`
      ]) {
        const [row] = await db.query<{ text: string | null }>(sql, [`'${term}'`])
        const written = writtenAs(row?.text, term)
        if (written) return written
      }
      return null
    }
  }
}
