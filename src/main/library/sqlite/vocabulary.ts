// The words the full-text indexes hold (paragraphs and headlines), read through FTS5's fts5vocab
// tables: what spelling suggestions are chosen from. The words are as the tokenizer keeps them:
// lower case, accents removed ("Kakmikawa" is "kakmikawa").
import type { Database } from 'better-sqlite3'
import { writtenAs } from '../fold-term'
import type { Vocabulary } from '../store'

/** The smallest string above every string starting with `prefix`, in SQLite's (code point) order. */
function after(prefix: string): string {
  const last = prefix.codePointAt(prefix.length - 1) ?? 0
  const head = prefix.slice(0, prefix.length - (last > 0xffff ? 2 : 1))
  return head + String.fromCodePoint(Math.min(last + 1, 0x10ffff))
}

const INDEXES = [
  { vocab: 'paragraphs_vocab', fts: 'paragraphs_fts', content: 'paragraphs', column: 'text' },
  { vocab: 'titles_vocab', fts: 'titles_fts', content: 'texts', column: 'title' }
] as const

/** `beforeRead` brings the indexes up to date (texts may wait for their batch). */
export function createVocabulary(db: Database, beforeRead: () => void): Vocabulary {
  // This connection's own views of the indexes' terms (temp: nothing is written to the file).
  for (const { vocab, fts } of INDEXES)
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${vocab} USING fts5vocab(main, ${fts}, row)`)
  const words = db.prepare<
    [{ from: string; to: string; min: number; max: number }],
    { term: string; rows: number }
  >(
    `SELECT term, sum(doc) AS rows FROM (
       ${INDEXES.map(
         ({ vocab }) =>
           `SELECT term, doc FROM temp.${vocab} WHERE term >= @from AND term < @to
              AND length(term) BETWEEN @min AND @max`
       ).join(' UNION ALL ')}
     ) GROUP BY term`
  )
  const prefixed = db.prepare<[{ from: string; to: string }], { yes: number }>(
    `SELECT ${INDEXES.map(
      ({ vocab }) => `EXISTS (SELECT 1 FROM temp.${vocab} WHERE term >= @from AND term < @to)`
    ).join(' OR ')} AS yes`
  )
  const holders = INDEXES.map(({ fts, content, column }) =>
    db.prepare<[string], { text: string | null }>(
      `SELECT c.${column} AS text FROM ${fts} f JOIN ${content} c ON c.id = f.rowid
       WHERE ${fts} MATCH ? LIMIT 1`
    )
  )
  return {
    async wordsStartingWith(first, minLength, maxLength) {
      beforeRead()
      return words.all({ from: first, to: after(first), min: minLength, max: maxLength })
    },
    async hasPrefix(prefix) {
      beforeRead()
      return prefix !== '' && prefixed.get({ from: prefix, to: after(prefix) })?.yes === 1
    },
    async spelling(term) {
      // Terms are letters and digits only, so quoting makes any of them a safe FTS5 phrase.
      if (!/^[\p{L}\p{N}\p{M}]+$/u.test(term)) return null
      beforeRead()
      for (const holder of holders) {
        const text = holder.get(`"${term}"`)?.text
        const written = writtenAs(text, term)
        if (written) return written
      }
      return null
    }
  }
}
