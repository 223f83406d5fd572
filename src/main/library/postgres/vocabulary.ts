// The words the full-text vectors hold (paragraphs and headlines), for spelling suggestions. The
// words are as the factdesk text search configuration keeps them: lower case, accents removed,
// each with the number of vectors that hold it, in search_words (schema v7, kept by triggers).
import { writtenAs } from '../fold-term'
import type { Vocabulary } from '../store'
import type { Db } from './connection'

/**
 * search_words' words that start with the SQL text `prefix`: a range of its primary key (COLLATE
 * "C": from the prefix to the prefix followed by the last character there is), counted above 0.
 */
const startingWith = (prefix: string): string =>
  `word >= ${prefix} COLLATE "C" AND word < (${prefix} || chr(1114111)) COLLATE "C"
   AND starts_with(word, ${prefix}) AND rows > 0`

/** The lexeme the configuration reads $1 as (null for none): what search_words holds. */
const LEXEME_OF_1 = `(tsvector_to_array(to_tsvector('factdesk', $1)))[1]`

/** Fewer rows than this: a word rare enough to read all its rows from the full-text index. */
const RARE_ROWS = 1_000

export function createVocabulary(db: Db): Vocabulary {
  return {
    async wordsStartingWith(first, minLength, maxLength) {
      return db.query<{ term: string; rows: number }>(
        `SELECT word AS term, rows FROM search_words
         WHERE ${startingWith('$1')} AND length(word) BETWEEN $2 AND $3`,
        [first, minLength, maxLength]
      )
    },
    async hasPrefix(prefix) {
      if (prefix === '' || !/^[\p{L}\p{N}\p{M}]+$/u.test(prefix)) return false
      // Read from the word table: a search of the vectors for a prefix no word has could be
      // planned as a scan of every paragraph (0.6 s on 100,000 texts) in hope of an early match.
      const [row] = await db.query<{ yes: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM search_words WHERE ${startingWith(`(${LEXEME_OF_1})`)}) AS yes`,
        [prefix]
      )
      return row?.yes === true
    },
    async spelling(term) {
      // Terms are letters and digits only, so quoting makes any of them a safe tsquery word.
      if (!/^[\p{L}\p{N}\p{M}]+$/u.test(term)) return null
      const [count] = await db.query<{ rows: number }>(
        `SELECT rows FROM search_words WHERE word = (${LEXEME_OF_1})`,
        [term]
      )
      if (!count || count.rows <= 0) return null
      // A rare word's few rows are read from the index (sorted, so never looked for by scanning
      // the table in hope of an early match, as the planner may); a common word's first is near.
      const order = count.rows < RARE_ROWS ? 'ORDER BY id + 0' : ''
      for (const sql of [
        `SELECT text FROM paragraphs WHERE tsv @@ to_tsquery('factdesk', $1) ${order} LIMIT 1`,
        `SELECT title AS text FROM texts WHERE title_tsv @@ to_tsquery('factdesk', $1) ${order} LIMIT 1`
      ]) {
        const [row] = await db.query<{ text: string | null }>(sql, [`'${term}'`])
        const written = writtenAs(row?.text, term)
        if (written) return written
      }
      return null
    }
  }
}
