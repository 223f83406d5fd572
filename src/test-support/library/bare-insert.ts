// The benchmark's floor: the same rows in the same tables and the same full-text index, written
// the way the library writes them — one transaction per text (its row and its paragraphs), and
// the paragraphs of every INDEX_BATCH_TEXTS texts indexed in one more, by the library's own batch
// statements — with none of the import path's work: no decoding, cleaning, metadata or derived
// facts. Also the quick way to fill a large library.
import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import { CACHE_KIB, WAL_AUTOCHECKPOINT_PAGES } from '../../main/library/sqlite'
import { createIndexBatches, INDEX_BATCH_TEXTS } from '../../main/library/sqlite/library'
import { ORIGINAL_HEAD_CHARS } from '../../main/library/text-facts'

export interface BareText {
  fileName: string
  title: string
  paragraphs: string[]
}

/** Inserts into an existing library file (create it with openLibrary first); returns the texts written. */
export function bareInsert(path: string, texts: Iterable<BareText>): number {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`) // as openLibrary sets it
  db.pragma('foreign_keys = ON')
  db.pragma(`cache_size = ${-CACHE_KIB}`) // as openLibrary sets it, so the floor is a fair one
  const insertText = db.prepare(`INSERT INTO texts (role, format, file_name, title, encoding,
      content_hash, imported_at, word_count, original_length)
    VALUES ('source', 'txt', ?, ?, 'utf-8', ?, ?, 0, length(?))`)
  const insertBody = db.prepare(`INSERT INTO text_bodies (text_id, original_head, cleaned_text, original_text,
      original_bytes) VALUES (?, substr(?, 1, ${ORIGINAL_HEAD_CHARS}), ?, ?, ?)`)
  const insertParagraph = db.prepare('INSERT INTO paragraphs (text_id, idx, start, text) VALUES (?, ?, ?, ?)')
  const batches = createIndexBatches(db)
  const insert = db.transaction((text: BareText) => {
    const body = text.paragraphs.join('\n\n')
    const hash = createHash('sha256').update(body).digest('hex')
    const id = insertText.run(text.fileName, text.title, hash, new Date().toISOString(), body).lastInsertRowid
    insertBody.run(id, body, body, body, Buffer.from(body))
    let start = 0
    text.paragraphs.forEach((paragraph, index) => {
      insertParagraph.run(id, index, start, paragraph)
      start += paragraph.length + 2
    })
  })
  let written = 0
  try {
    for (const text of texts) {
      insert(text)
      if (++written % INDEX_BATCH_TEXTS === 0) batches.indexWaiting()
    }
    batches.indexWaiting()
  } finally {
    db.close()
  }
  return written
}
