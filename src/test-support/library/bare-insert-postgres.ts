// The quick way to fill a large desk library on PostgreSQL, for the desk benchmark: the rows
// importDocument writes for a plain-text file whose paragraphs are given (the same columns, the
// content hash, word count and paragraph starts computed by the store's own functions, the
// paragraphs' tsvectors and the GIN indexes made by PostgreSQL from the generated columns), but
// a thousand texts per statement instead of a transaction per text. Texts whose content is
// already stored are skipped, as the import skips them.
import type { Db } from '../../main/library/postgres/connection'
import { contentHash, countWords, ORIGINAL_HEAD_CHARS, paragraphStarts } from '../../main/library/text-facts'
import type { BareText } from './bare-insert'

const BATCH_TEXTS = 1_000

/** Inserts into a migrated desk database; returns the texts written. */
export async function bareInsertPostgres(db: Db, texts: Iterable<BareText>): Promise<number> {
  let written = 0
  let batch: BareText[] = []
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return
    const bodies = batch.map((t) => t.paragraphs.join('\n\n'))
    const hashes = bodies.map(contentHash)
    const at = new Date().toISOString()
    await db.transaction(async (tx) => {
      const ids = await tx.query<{ id: number; content_hash: string }>(
        `INSERT INTO texts (role, format, file_name, title, encoding, content_hash, removed_json,
           imported_at, word_count, original_length)
         SELECT 'source', 'txt', f, t, 'utf-8', h, '[]', $5, w, length(b)
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $6::int[]) AS x (f, t, h, b, w)
         ON CONFLICT (content_hash) DO NOTHING RETURNING id, content_hash`,
        [batch.map((t) => t.fileName), batch.map((t) => t.title), hashes, bodies, at, bodies.map(countWords)]
      )
      const bodyOf = new Map(hashes.map((hash, n) => [hash, bodies[n]!]))
      await tx.query(
        `INSERT INTO text_bodies (text_id, original_head, cleaned_text, original_text, original_bytes)
         SELECT i, left(b, ${ORIGINAL_HEAD_CHARS}), b, b, convert_to(b, 'UTF8')
         FROM unnest($1::int[], $2::text[]) AS x (i, b)`,
        [ids.map((row) => row.id), ids.map((row) => bodyOf.get(row.content_hash)!)]
      )
      const idOf = new Map(ids.map((row) => [row.content_hash, row.id]))
      const textIds: number[] = []
      const indexes: number[] = []
      const starts: number[] = []
      const paragraphs: string[] = []
      batch.forEach((text, n) => {
        const id = idOf.get(hashes[n]!)
        if (id === undefined) return
        idOf.delete(hashes[n]!) // the same content twice in one batch is stored once
        const at = paragraphStarts(bodies[n]!, text.paragraphs)
        text.paragraphs.forEach((p, i) => {
          textIds.push(id)
          indexes.push(i)
          starts.push(at[i] ?? 0)
          paragraphs.push(p)
        })
      })
      await tx.query(
        `INSERT INTO paragraphs (text_id, idx, start, text)
         SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[])`,
        [textIds, indexes, starts, paragraphs]
      )
      written += ids.length
    })
    batch = []
  }
  for (const text of texts) {
    batch.push(text)
    if (batch.length === BATCH_TEXTS) await flush()
  }
  await flush()
  return written
}
