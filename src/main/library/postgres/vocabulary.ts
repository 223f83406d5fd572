// The words the full-text vectors hold (paragraphs and headlines), for spelling suggestions. The
// words are as the factdesk text search configuration keeps them: lower case, accents removed.
// ts_stat reads every vector, which is fine for the suggestions a failed search asks for; a
// large desk would keep a word table instead (not needed yet).
import { writtenAs } from '../fold-term'
import type { Vocabulary } from '../store'
import type { Db } from './connection'

const ALL_VECTORS = 'SELECT tsv FROM paragraphs UNION ALL SELECT title_tsv FROM texts'

export function createVocabulary(db: Db): Vocabulary {
  return {
    async wordsStartingWith(first, minLength, maxLength) {
      return db.query<{ term: string; rows: number }>(
        `SELECT word AS term, ndoc AS rows FROM ts_stat($1)
         WHERE starts_with(word, $2) AND length(word) BETWEEN $3 AND $4`,
        [ALL_VECTORS, first, minLength, maxLength]
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
