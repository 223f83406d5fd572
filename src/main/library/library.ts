// The library's operations over an open, migrated connection. Every statement is prepared once
// here; every change that touches more than one row runs in one transaction.
import { createChecksStore, type ChecksStore } from './checks-store'
import { createPreferencesStore, type PreferencesStore } from './preferences-store'
import type { Database } from 'better-sqlite3'
import type {
  DocumentFormat,
  ParsedDocument,
  RemovedBlock,
  SearchHit,
  TextDetail,
  TextRole,
  TextSummary
} from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import { MATCH_CLOSE, MATCH_OPEN, splitHighlighted, toFtsAnyQuery, toFtsQuery } from './fts-query'
import { contentHash, countWords, paragraphStarts } from './text-facts'

export interface ImportDocumentInput {
  fileName: string
  /** The file as imported, kept so a text can always be shown (or re-cleaned) as it arrived. */
  bytes: Uint8Array
  doc: ParsedDocument
  role: TextRole
}

export interface ImportDocumentResult {
  status: 'imported' | 'duplicate'
  /** The new text, or for a duplicate the text already holding this content. */
  id: number
  title: string | null
}

export interface ListOptions {
  role?: TextRole
  limit: number
  offset: number
}

export interface Passage {
  textId: number
  paragraphId: number
  index: number
  text: string
  start: number
}

export interface PassageOptions {
  limit: number
  excludeTextIds?: readonly number[]
  roles?: readonly TextRole[]
}

export interface HouseName {
  id: number
  name: string
  note: string | null
  addedAt: string
}

export interface IntegrityReport {
  ok: boolean
  /** What SQLite and FTS5 found wrong, in their words; empty when ok. */
  problems: string[]
}

export interface Library {
  importDocument(input: ImportDocumentInput): ImportDocumentResult
  list(options: ListOptions): { texts: TextSummary[]; total: number }
  get(id: number): TextDetail | null
  /** The file's bytes as imported, or null for an unknown id. */
  originalBytes(id: number): Uint8Array | null
  search(query: string, limit: number): SearchHit[]
  searchPassages(terms: readonly string[], options: PassageOptions): Passage[]
  delete(id: number): boolean
  setRole(id: number, role: TextRole): TextSummary | null
  count(): number
  integrityCheck(): IntegrityReport
  listHouseNames(): HouseName[]
  addHouseName(name: string, note?: string | null): HouseName
  removeHouseName(id: number): boolean
  /** Checks and the editor's decisions. */
  checks: ChecksStore
  /** The newsroom, its address and the checker's name, kept with the library. */
  preferences: PreferencesStore
  /**
   * Copies the database as this connection sees it (what is still in the WAL included) to a new
   * file, page by page through SQLite's online backup. backupLibrary() is the safe way to call it.
   */
  copyTo(destination: string): Promise<void>
  close(): void
}

interface SummaryRow {
  id: number
  role: TextRole
  format: DocumentFormat
  file_name: string
  title: string | null
  outlet: string | null
  byline: string | null
  published_at: string | null
  url: string | null
  imported_at: string
  word_count: number
  paragraph_count: number
}

interface DetailRow extends SummaryRow {
  encoding: string
  content_hash: string
  original_text: string
  cleaned_text: string
  removed_json: string
}

const SUMMARY_COLUMNS = `t.id, t.role, t.format, t.file_name, t.title, t.outlet, t.byline, t.published_at,
  t.url, t.imported_at, t.word_count,
  (SELECT count(*) FROM paragraphs p WHERE p.text_id = t.id) AS paragraph_count`

function toSummary(row: SummaryRow): TextSummary {
  return {
    id: row.id,
    role: row.role,
    format: row.format,
    fileName: row.file_name,
    title: row.title,
    outlet: row.outlet,
    byline: row.byline,
    publishedAt: row.published_at,
    url: row.url,
    importedAt: row.imported_at,
    paragraphCount: row.paragraph_count,
    wordCount: row.word_count
  }
}

/** Ids and roles travel to SQL as one JSON array, so each statement is prepared once for any list length. */
const jsonList = (values: readonly unknown[] | undefined): string | null =>
  values && values.length > 0 ? JSON.stringify(values) : null

export function createLibrary(db: Database): Library {
  const stmt = {
    findByHash: db.prepare<[string], { id: number; title: string | null }>(
      'SELECT id, title FROM texts WHERE content_hash = ?'
    ),
    insertText: db.prepare(`INSERT INTO texts (role, format, file_name, title, outlet, byline,
        published_at, url, encoding, content_hash, original_bytes, original_text, cleaned_text,
        removed_json, imported_at, word_count)
      VALUES (@role, @format, @fileName, @title, @outlet, @byline, @publishedAt, @url, @encoding,
        @contentHash, @bytes, @originalText, @cleanedText, @removedJson, @importedAt, @wordCount)`),
    insertParagraph: db.prepare<[number, number, number, string]>(
      'INSERT INTO paragraphs (text_id, idx, start, text) VALUES (?, ?, ?, ?)'
    ),
    // Not a trigger: see the v1 migration for why indexing is an explicit statement.
    indexParagraph: db.prepare<[number | bigint, string]>(
      'INSERT INTO paragraphs_fts (rowid, text) VALUES (?, ?)'
    ),
    list: db.prepare<[{ role: string | null; limit: number; offset: number }], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM texts t WHERE (@role IS NULL OR t.role = @role)
       ORDER BY t.imported_at DESC, t.id DESC LIMIT @limit OFFSET @offset`
    ),
    total: db.prepare<[{ role: string | null }], { n: number }>(
      'SELECT count(*) AS n FROM texts WHERE (@role IS NULL OR role = @role)'
    ),
    summary: db.prepare<[number], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM texts t WHERE t.id = ?`),
    detail: db.prepare<[number], DetailRow>(
      `SELECT ${SUMMARY_COLUMNS}, t.encoding, t.content_hash, t.original_text, t.cleaned_text,
         t.removed_json FROM texts t WHERE t.id = ?`
    ),
    paragraphs: db.prepare<[number], { id: number; idx: number; text: string; start: number }>(
      'SELECT id, idx, text, start FROM paragraphs WHERE text_id = ? ORDER BY idx'
    ),
    originalBytes: db.prepare<[number], { original_bytes: Buffer }>(
      'SELECT original_bytes FROM texts WHERE id = ?'
    ),
    // The FTS query runs alone first, ordered by its own rank with the LIMIT applied, so FTS5
    // sorts inside the index and snippet() is computed only for the rows returned; the join for
    // titles happens afterwards on at most `limit` rows.
    search: db.prepare<
      [{ match: string; open: string; close: string; limit: number }],
      {
        paragraph_id: number
        text_id: number
        idx: number
        title: string | null
        outlet: string | null
        published_at: string | null
        marked: string
        rank: number
      }
    >(
      `WITH hits AS MATERIALIZED (
         SELECT rowid AS paragraph_id, rank,
           snippet(paragraphs_fts, 0, @open, @close, '…', 32) AS marked
         FROM paragraphs_fts WHERE paragraphs_fts MATCH @match ORDER BY rank LIMIT @limit
       )
       SELECT h.paragraph_id, p.text_id, p.idx, t.title, t.outlet, t.published_at, h.marked, h.rank
       FROM hits h JOIN paragraphs p ON p.id = h.paragraph_id JOIN texts t ON t.id = p.text_id
       ORDER BY h.rank`
    ),
    passages: db.prepare<
      [{ match: string; exclude: string | null; roles: string | null; limit: number }],
      { textId: number; paragraphId: number; index: number; text: string; start: number }
    >(
      `SELECT p.text_id AS textId, p.id AS paragraphId, p.idx AS "index", p.text, p.start
       FROM paragraphs_fts f
       JOIN paragraphs p ON p.id = f.rowid
       JOIN texts t ON t.id = p.text_id
       WHERE paragraphs_fts MATCH @match
         AND (@exclude IS NULL OR p.text_id NOT IN (SELECT value FROM json_each(@exclude)))
         AND (@roles IS NULL OR t.role IN (SELECT value FROM json_each(@roles)))
       ORDER BY f.rank LIMIT @limit`
    ),
    delete: db.prepare<[number]>('DELETE FROM texts WHERE id = ?'),
    setRole: db.prepare<[string, number]>('UPDATE texts SET role = ? WHERE id = ?'),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM texts'),
    listNames: db.prepare<[], { id: number; name: string; note: string | null; added_at: string }>(
      'SELECT id, name, note, added_at FROM house_names ORDER BY name COLLATE NOCASE'
    ),
    findName: db.prepare<[string], { id: number }>('SELECT id FROM house_names WHERE name = ?'),
    addName: db.prepare<[string, string | null, string]>(
      'INSERT INTO house_names (name, note, added_at) VALUES (?, ?, ?)'
    ),
    removeName: db.prepare<[number]>('DELETE FROM house_names WHERE id = ?')
  }

  // One transaction per text: the row, its paragraphs and (through the triggers) their index
  // entries commit together or not at all, so a crash never leaves half a text behind.
  const importTransaction = db.transaction((input: ImportDocumentInput): ImportDocumentResult => {
    const { doc } = input
    const hash = contentHash(doc.cleanedText)
    const existing = stmt.findByHash.get(hash)
    if (existing) return { status: 'duplicate', id: existing.id, title: existing.title }
    const { lastInsertRowid } = stmt.insertText.run({
      role: input.role,
      format: doc.format,
      fileName: input.fileName,
      title: doc.title,
      outlet: doc.outlet,
      byline: doc.byline,
      publishedAt: doc.publishedAt,
      url: doc.url,
      encoding: doc.encoding,
      contentHash: hash,
      bytes: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength),
      originalText: doc.originalText,
      cleanedText: doc.cleanedText,
      removedJson: JSON.stringify(doc.removed),
      importedAt: new Date().toISOString(),
      wordCount: countWords(doc.cleanedText)
    })
    const id = Number(lastInsertRowid)
    const starts = paragraphStarts(doc.cleanedText, doc.paragraphs)
    doc.paragraphs.forEach((text, index) => {
      const paragraph = stmt.insertParagraph.run(id, index, starts[index] ?? 0, text)
      stmt.indexParagraph.run(paragraph.lastInsertRowid, text)
    })
    return { status: 'imported', id, title: doc.title }
  })

  const summary = (id: number): TextSummary | null => {
    const row = stmt.summary.get(id)
    return row ? toSummary(row) : null
  }

  const toHouseName = (row: {
    id: number
    name: string
    note: string | null
    added_at: string
  }): HouseName => ({
    id: row.id,
    name: row.name,
    note: row.note,
    addedAt: row.added_at
  })

  return {
    importDocument: (input) => importTransaction(input),

    list({ role, limit, offset }) {
      const texts = stmt.list.all({ role: role ?? null, limit, offset }).map(toSummary)
      const total = stmt.total.get({ role: role ?? null })?.n ?? 0
      return { texts, total }
    },

    get(id) {
      const row = stmt.detail.get(id)
      if (!row) return null
      return {
        ...toSummary(row),
        encoding: row.encoding,
        contentHash: row.content_hash,
        originalText: row.original_text,
        cleanedText: row.cleaned_text,
        paragraphs: stmt.paragraphs
          .all(id)
          .map((p) => ({ id: p.id, index: p.idx, text: p.text, start: p.start })),
        removed: JSON.parse(row.removed_json) as RemovedBlock[]
      }
    },

    originalBytes(id) {
      const row = stmt.originalBytes.get(id)
      return row ? new Uint8Array(row.original_bytes) : null
    },

    search(query, limit) {
      const match = toFtsQuery(query)
      if (!match) return []
      return stmt.search.all({ match, open: MATCH_OPEN, close: MATCH_CLOSE, limit }).map((row) => ({
        textId: row.text_id,
        paragraphId: row.paragraph_id,
        paragraphIndex: row.idx,
        title: row.title,
        outlet: row.outlet,
        publishedAt: row.published_at,
        snippet: splitHighlighted(row.marked),
        rank: row.rank
      }))
    },

    searchPassages(terms, { limit, excludeTextIds, roles }) {
      const match = toFtsAnyQuery(terms)
      if (!match) return []
      return stmt.passages.all({ match, exclude: jsonList(excludeTextIds), roles: jsonList(roles), limit })
    },

    delete: (id) => stmt.delete.run(id).changes > 0,

    setRole(id, role) {
      return stmt.setRole.run(role, id).changes > 0 ? summary(id) : null
    },

    count: () => stmt.count.get()?.n ?? 0,

    integrityCheck() {
      const problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>)
        .map((row) => row.integrity_check)
        .filter((message) => message !== 'ok')
      for (const row of db.pragma('foreign_key_check') as Array<{ table: string; rowid: number }>) {
        problems.push(`foreign key: row ${row.rowid} of ${row.table} points at nothing`)
      }
      try {
        // rank = 1 makes FTS5 also compare the index with the paragraphs table it indexes.
        db.exec("INSERT INTO paragraphs_fts (paragraphs_fts, rank) VALUES ('integrity-check', 1)")
      } catch (error) {
        problems.push(`full-text index: ${(error as Error).message}`)
      }
      return { ok: problems.length === 0, problems }
    },

    listHouseNames: () => stmt.listNames.all().map(toHouseName),

    addHouseName(name, note = null) {
      const trimmed = name.trim()
      if (trimmed === '') throw new ApiError('BAD_REQUEST', 'A house name cannot be empty.')
      if (stmt.findName.get(trimmed)) {
        throw new ApiError('CONFLICT', `“${trimmed}” is already in the house names.`)
      }
      const addedAt = new Date().toISOString()
      const { lastInsertRowid } = stmt.addName.run(trimmed, note, addedAt)
      return { id: Number(lastInsertRowid), name: trimmed, note, addedAt }
    },

    removeHouseName: (id) => stmt.removeName.run(id).changes > 0,

    checks: createChecksStore(db),
    preferences: createPreferencesStore(db),
    copyTo: async (destination) => {
      await db.backup(destination)
    },
    close: () => db.close()
  }
}
