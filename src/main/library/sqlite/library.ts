// The library's operations over an open, migrated connection. Every statement is prepared once
// here; every change that touches more than one row runs in one transaction.
import { createChecksStore } from './checks-store'
import { createReviewsStore } from './reviews-store'
import { createPreferencesStore } from './preferences-store'
import { createMembersStore, createSessionsStore } from './members-store'
import type { Database } from 'better-sqlite3'
import type { RemovedBlock, SearchHit, TextSummary } from '../../../shared/domain'
import { ApiError } from '../../../shared/errors'
import { MATCH_CLOSE, MATCH_OPEN, toFtsAnyQuery, toFtsQuery } from '../fts-query'
import { toDetail, toHeadlineHit, toParagraphHit, toSummary, type DetailRow, type SummaryRow } from '../rows'
import type { HouseName, ImportDocumentInput, ImportDocumentResult, Library } from '../store'
import { HEADLINE_CANDIDATES, HEADLINE_SHARE, SEARCH_CANDIDATES } from '../search-limits'
import { contentHash, countWords, ORIGINAL_HEAD_CHARS, paragraphStarts } from '../text-facts'
import { createVocabulary } from './vocabulary'

export interface IntegrityReport {
  ok: boolean
  /** What SQLite and FTS5 found wrong, in their words; empty when ok. */
  problems: string[]
}

/** The SQLite store: the Library, and what only a file on this machine can do. */
export interface SqliteLibrary extends Library {
  integrityCheck(): Promise<IntegrityReport>
  /**
   * Copies the database as this connection sees it (what is still in the WAL included) to a new
   * file, page by page through SQLite's online backup. backupLibrary() is the safe way to call it.
   */
  copyTo(destination: string): Promise<void>
  /**
   * importDocument for a connection of an import worker's own: the text and its full-text index
   * entries in one transaction, so no other connection ever finds its paragraphs waiting for the
   * index and indexes them itself (seconds for a 45 MB text, on the thread that answers requests).
   * `mayCommit` is asked last, inside the transaction: false rolls everything back (a cancel).
   */
  importIndexed(input: ImportDocumentInput, mayCommit: () => boolean): ImportDocumentResult
}

interface ReaderRow extends SummaryRow {
  encoding: string
  removed_json: string
  original_start: string
  original_length: number
}

const SUMMARY_COLUMNS = `t.id, t.role, t.format, t.file_name, t.title, t.outlet, t.byline, t.published_at,
  t.url, t.imported_at, t.word_count,
  (SELECT count(*) FROM paragraphs p WHERE p.text_id = t.id) AS paragraph_count`

/** This connection's scratch full-text table for search snippets (temp: never in the file). */
const SNIPPETS = 'search_snippets'

// How many matches a search ranks, as the PostgreSQL store does: search-limits.ts.
export { HEADLINE_CANDIDATES, HEADLINE_SHARE, SEARCH_CANDIDATES }

/** Imported texts whose paragraphs wait for the full-text index before they are indexed together. */
export const INDEX_BATCH_TEXTS = 200
/** Texts still waiting are indexed once imports pause this long (they are also indexed before any search). */
export const INDEX_IDLE_MS = 250

export interface IndexBatches {
  /** Whether any paragraph or headline waits for the index (a read; any connection may have written it). */
  waiting(): boolean
  /** Adds every waiting paragraph and headline to the index in one transaction; returns how many paragraphs. */
  indexWaiting(): number
  /** After a text was deleted (its index entries with it): the marks follow what is left. */
  afterDelete(): void
}

/**
 * The full-text index's batches, as statements on `db` (see the v5 and v6 migrations): the
 * paragraphs above the mark and the headlines of the texts above theirs. Shared with the
 * benchmark's floor (src/test-support/library/bare-insert.ts) so both do exactly the same work.
 */
export function createIndexBatches(db: Database): IndexBatches {
  const waiting = db.prepare<[], { yes: number }>(
    `SELECT (SELECT coalesce(max(id), 0) FROM paragraphs) > (SELECT upto FROM fts_indexed)
       OR (SELECT coalesce(max(id), 0) FROM texts) > (SELECT titles_upto FROM fts_indexed) AS yes`
  )
  // One statement for the whole batch, in rowid order (FTS5 appends ascending rowids cheaply).
  const index = db.prepare(
    `INSERT INTO paragraphs_fts (rowid, text)
     SELECT id, text FROM paragraphs WHERE id > (SELECT upto FROM fts_indexed) ORDER BY id`
  )
  const indexTitles = db.prepare(
    `INSERT INTO titles_fts (rowid, title)
     SELECT id, title FROM texts WHERE id > (SELECT titles_upto FROM fts_indexed) ORDER BY id`
  )
  const mark = db.prepare(
    `UPDATE fts_indexed SET upto = (SELECT coalesce(max(id), 0) FROM paragraphs),
       titles_upto = (SELECT coalesce(max(id), 0) FROM texts)`
  )
  const indexTransaction = db.transaction((): number => {
    const { changes } = index.run()
    indexTitles.run()
    mark.run()
    return changes
  })
  return {
    waiting: () => waiting.get()?.yes === 1,
    // IMMEDIATE: take the write lock before reading the mark, so a connection indexing the same
    // paragraphs at the same moment waits for this one instead of failing to upgrade its read.
    indexWaiting: () => indexTransaction.immediate(),
    afterDelete: () => {
      mark.run()
    }
  }
}

/** The rows of the ranked ids as hits, in rank order; an id without its row (gone since) is left out. */
function inRankOrder<R>(
  top: ReadonlyArray<{ id: number; score: number }>,
  rows: ReadonlyMap<number, R>,
  hit: (row: R, rank: number) => SearchHit
): SearchHit[] {
  return top.flatMap(({ id, score }) => {
    const row = rows.get(id)
    return row ? [hit(row, score)] : []
  })
}

/** Thrown inside an import's transaction to roll it back: its caller no longer wants it stored. */
export class ImportNotCommitted extends Error {
  constructor() {
    super('The import was cancelled before it was committed.')
  }
}

/** Ids and roles travel to SQL as one JSON array, so each statement is prepared once for any list length. */
const jsonList = (values: readonly unknown[] | undefined): string | null =>
  values && values.length > 0 ? JSON.stringify(values) : null

export function createLibrary(db: Database): SqliteLibrary {
  // The search's scratch index for snippets (see searchTop below): this connection's own, in
  // memory, reading the paragraphs' text through a temp view (external content), so a search
  // empties it at once with 'delete-all'. Its tokenizer must stay the one paragraphs_fts was
  // created with (the v1 migration), or snippets would mark other words.
  db.exec(
    `CREATE TEMP VIEW IF NOT EXISTS ${SNIPPETS}_content AS SELECT id, text FROM main.paragraphs;
     CREATE VIRTUAL TABLE IF NOT EXISTS temp.${SNIPPETS} USING fts5(text, content = '${SNIPPETS}_content',
       content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2')`
  )
  /** The best `limit` by bm25 of the newest `candidates` rows of `index` that match (see searchTop). */
  const rankNewest = (index: 'paragraphs_fts' | 'titles_fts') =>
    db.prepare<[{ match: string; candidates: number; limit: number }], { id: number; score: number }>(
      `SELECT id, score FROM (
         SELECT rowid AS id, bm25(${index}) AS score FROM ${index}
         WHERE ${index} MATCH @match ORDER BY rowid DESC LIMIT @candidates
       ) ORDER BY score, id DESC LIMIT @limit`
    )
  const stmt = {
    findByHash: db.prepare<[string], { id: number; title: string | null }>(
      'SELECT id, title FROM texts WHERE content_hash = ?'
    ),
    insertText: db.prepare(`INSERT INTO texts (role, format, file_name, title, outlet, byline,
        published_at, url, encoding, content_hash, removed_json, imported_at, word_count, original_length)
      VALUES (@role, @format, @fileName, @title, @outlet, @byline, @publishedAt, @url, @encoding,
        @contentHash, @removedJson, @importedAt, @wordCount, length(@originalText))`),
    // Lengths and the head are counted by SQLite, as the v10 migration counted them for older texts.
    insertBody:
      db.prepare(`INSERT INTO text_bodies (text_id, original_head, cleaned_text, original_text, original_bytes)
      VALUES (@id, substr(@originalText, 1, ${ORIGINAL_HEAD_CHARS}), @cleanedText, @originalText, @bytes)`),
    insertParagraph: db.prepare<[number, number, number, string]>(
      'INSERT INTO paragraphs (text_id, idx, start, text) VALUES (?, ?, ?, ?)'
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
      `SELECT ${SUMMARY_COLUMNS}, t.encoding, t.content_hash, b.original_text, b.cleaned_text,
         t.removed_json FROM texts t JOIN text_bodies b ON b.text_id = t.id WHERE t.id = ?`
    ),
    paragraphs: db.prepare<[number], { id: number; idx: number; text: string; start: number }>(
      'SELECT id, idx, text, start FROM paragraphs WHERE text_id = ? ORDER BY idx'
    ),
    readerHead: db.prepare<[{ id: number; chars: number }], ReaderRow>(
      // CASE evaluates only the branch taken: the whole original is read only for more than its head.
      `SELECT ${SUMMARY_COLUMNS}, t.encoding, t.removed_json, t.original_length,
         CASE WHEN min(@chars, t.original_length) <= length(b.original_head) THEN substr(b.original_head, 1, @chars)
           ELSE substr(b.original_text, 1, @chars) END AS original_start
       FROM texts t JOIN text_bodies b ON b.text_id = t.id WHERE t.id = @id`
    ),
    paragraphPage: db.prepare<
      [number, number, number],
      { id: number; idx: number; text: string; start: number }
    >('SELECT id, idx, text, start FROM paragraphs WHERE text_id = ? AND idx >= ? ORDER BY idx LIMIT ?'),
    paragraphsAt: db.prepare<[number, string], { index: number; text: string }>(
      `SELECT idx AS "index", text FROM paragraphs
       WHERE text_id = ? AND idx IN (SELECT value FROM json_each(?)) ORDER BY idx`
    ),
    exists: db.prepare<[number], { id: number }>('SELECT id FROM texts WHERE id = ?'),
    originalBytes: db.prepare<[number], { original_bytes: Buffer }>(
      'SELECT original_bytes FROM text_bodies WHERE text_id = ?'
    ),
    // A search in two steps, each measured on a 100,000-text library (bench/library.bench.ts):
    // - top: bm25 costs about a microsecond per matching paragraph, so a very common word
    //   ("Korea": 400,000 paragraphs) took half a second to rank. Only the newest
    //   SEARCH_CANDIDATES matches are ranked: FTS5 walks the matches newest first and stops there
    //   (a query with fewer matches is ranked whole, as before; the scores are bm25 over the whole
    //   library either way). The ranking is SQLite's ORDER BY … LIMIT, a top-N sort, rather than
    //   FTS5's ORDER BY rank, which sorts every match (~25% slower).
    // - snippets: snippet() in the ranking query would be made for every candidate (SQLite
    //   computes a row's columns before sorting it), and reaching 50 scattered paragraphs back
    //   through the library's index costs a pass over the matches per lookup, or per rowid range
    //   (every word is searched as a prefix, and FTS5 expands a prefix again each time): a quarter
    //   of the time at 100,000 texts. So the hits' paragraphs are indexed in a small FTS5 table of
    //   this connection's own (temp, same tokenizer) and their snippets made there: the same query
    //   on the same text gives the same snippet, whatever else the index holds (a test compares).
    searchTop: rankNewest('paragraphs_fts'),
    snippetsFill: db.prepare<[string]>(
      `INSERT INTO temp.${SNIPPETS} (rowid, text)
       SELECT id, text FROM paragraphs WHERE id IN (SELECT value FROM json_each(?))`
    ),
    snippets: db.prepare<
      [{ match: string; open: string; close: string }],
      {
        paragraph_id: number
        text_id: number
        idx: number
        title: string | null
        outlet: string | null
        published_at: string | null
        marked: string
      }
    >(
      `SELECT s.rowid AS paragraph_id, p.text_id, p.idx, t.title, t.outlet, t.published_at,
         snippet(${SNIPPETS}, 0, @open, @close, '…', 32) AS marked
       FROM temp.${SNIPPETS} s JOIN paragraphs p ON p.id = s.rowid JOIN texts t ON t.id = p.text_id
       WHERE ${SNIPPETS} MATCH @match`
    ),
    snippetsClear: db.prepare(`INSERT INTO temp.${SNIPPETS} (${SNIPPETS}) VALUES ('delete-all')`),
    // Headlines are searched as paragraphs are (newest candidates ranked, see above), then marked:
    // highlight() reads each headline from texts, so only the few hits shown are marked.
    headlineTop: rankNewest('titles_fts'),
    headlines: db.prepare<
      [{ match: string; ids: string; open: string; close: string }],
      { id: number; title: string | null; outlet: string | null; published_at: string | null; marked: string }
    >(
      `SELECT t.id, t.title, t.outlet, t.published_at, highlight(titles_fts, 0, @open, @close) AS marked
       FROM titles_fts f JOIN texts t ON t.id = f.rowid
       WHERE titles_fts MATCH @match AND f.rowid IN (SELECT value FROM json_each(@ids))`
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
    setMeta: db.prepare<[string | null, string | null, string | null, string | null, string | null, number]>(
      'UPDATE texts SET title = ?, outlet = ?, byline = ?, published_at = ?, url = ? WHERE id = ?'
    ),
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

  const batches = createIndexBatches(db)
  /** Texts this connection imported since it last indexed. */
  let waiting = 0
  let idleTimer: NodeJS.Timeout | null = null

  const indexPending = (): number => {
    waiting = 0
    if (idleTimer) {
      clearTimeout(idleTimer)
      idleTimer = null
    }
    // Paragraphs committed by any connection (or by one that crashed) may wait, so the check is
    // made in the database, not on this connection's count. Reading it takes no write lock.
    return batches.waiting() ? batches.indexWaiting() : 0
  }

  /**
   * For when the texts are already safely committed and indexing can wait: after an import and
   * when imports pause. Should it fail (another program holding the write lock past the busy
   * timeout, a full disk), the paragraphs stay waiting and the next search, open or close indexes
   * them (and reports a lasting failure); an imported text is never reported as failed for it.
   */
  const indexQuietly = (): void => {
    try {
      indexPending()
    } catch {
      // Left waiting; see above.
    }
  }

  /**
   * Before reading the index (a search) or letting go of the file (close): nothing committed may
   * be unsearchable. Should another program hold the write lock past the busy timeout, the search
   * runs on the index as it is rather than fail; any other error is thrown.
   */
  const indexUnlessBusy = (): void => {
    try {
      indexPending()
    } catch (error) {
      if (!(error as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw error
    }
  }

  const indexWhenIdle = (): void => {
    if (idleTimer) {
      idleTimer.refresh()
      return
    }
    idleTimer = setTimeout(() => {
      idleTimer = null
      if (db.open) indexQuietly()
    }, INDEX_IDLE_MS)
    // A waiting index never keeps a command-line run alive; close() indexes what is left.
    idleTimer.unref()
  }

  // One transaction per text: the row and its paragraphs commit together or not at all, so a crash
  // never leaves half a text behind. The paragraphs reach the full-text index in a later batch.
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
      originalText: doc.originalText,
      removedJson: JSON.stringify(doc.removed),
      importedAt: new Date().toISOString(),
      wordCount: countWords(doc.cleanedText)
    })
    const id = Number(lastInsertRowid)
    stmt.insertBody.run({
      id,
      originalText: doc.originalText,
      cleanedText: doc.cleanedText,
      bytes: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength)
    })
    const starts = paragraphStarts(doc.cleanedText, doc.paragraphs)
    doc.paragraphs.forEach((text, index) => {
      stmt.insertParagraph.run(id, index, starts[index] ?? 0, text)
    })
    return { status: 'imported', id, title: doc.title }
  })

  // IMMEDIATE: the write lock is taken before the duplicate check reads, so the check and the
  // write see one snapshot and the transaction cannot fail to upgrade halfway (SQLITE_BUSY_SNAPSHOT).
  const importIndexedTransaction = db.transaction(
    (input: ImportDocumentInput, mayCommit: () => boolean): ImportDocumentResult => {
      const result = importTransaction(input)
      if (result.status === 'imported') batches.indexWaiting()
      if (!mayCommit()) throw new ImportNotCommitted()
      return result
    }
  )

  const deleteTransaction = db.transaction((id: number): boolean => {
    // The delete trigger removes a paragraph's index entries, so its text must be indexed first.
    indexPending()
    const deleted = stmt.delete.run(id).changes > 0
    if (deleted) batches.afterDelete()
    return deleted
  })

  const headlineHits = (match: string, limit: number): SearchHit[] => {
    const top = stmt.headlineTop.all({ match, candidates: HEADLINE_CANDIDATES, limit })
    if (top.length === 0) return []
    const ids = JSON.stringify(top.map((hit) => hit.id))
    const rows = new Map(
      stmt.headlines.all({ match, ids, open: MATCH_OPEN, close: MATCH_CLOSE }).map((row) => [row.id, row])
    )
    return inRankOrder(top, rows, (row, rank) => toHeadlineHit({ ...row, text_id: row.id }, rank))
  }

  const paragraphHits = (match: string, limit: number): SearchHit[] => {
    const top = stmt.searchTop.all({ match, candidates: SEARCH_CANDIDATES, limit })
    if (top.length === 0) return []
    stmt.snippetsFill.run(JSON.stringify(top.map((hit) => hit.id)))
    const rows = new Map(
      stmt.snippets.all({ match, open: MATCH_OPEN, close: MATCH_CLOSE }).map((row) => [row.paragraph_id, row])
    )
    stmt.snippetsClear.run()
    return inRankOrder(top, rows, toParagraphHit)
  }

  // One read transaction: the ranking and the rows it names are the same snapshot of the library.
  // Rows written to the temp table never outlive it (cleared, or rolled back on error).
  const searchTransaction = db.transaction(
    (match: string, limit: number, headlines: boolean): SearchHit[] => {
      const titled = headlines ? headlineHits(match, Math.max(1, Math.floor(limit / HEADLINE_SHARE))) : []
      return [...titled, ...paragraphHits(match, limit - titled.length)]
    }
  )

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

  // A library left with texts waiting (a crash between a text's commit and its batch) catches up
  // as soon as it is opened (or at the next search, should another connection be writing now).
  indexUnlessBusy()

  return {
    async importDocument(input) {
      const result = importTransaction(input)
      if (result.status === 'imported') {
        if (++waiting >= INDEX_BATCH_TEXTS) indexQuietly()
        else indexWhenIdle()
      }
      return result
    },

    indexPending: async () => indexPending(),

    async list({ role, limit, offset }) {
      const texts = stmt.list.all({ role: role ?? null, limit, offset }).map(toSummary)
      const total = stmt.total.get({ role: role ?? null })?.n ?? 0
      return { texts, total }
    },

    async get(id) {
      const row = stmt.detail.get(id)
      return row ? toDetail(row, stmt.paragraphs.all(id)) : null
    },

    summary: async (id) => summary(id),

    async read(id, offset, limit, originalChars) {
      const row = stmt.readerHead.get({ id, chars: originalChars })
      if (!row) return null
      return {
        ...toSummary(row),
        encoding: row.encoding,
        removed: JSON.parse(row.removed_json) as RemovedBlock[],
        offset,
        paragraphs: stmt.paragraphPage
          .all(id, offset, limit)
          .map((p) => ({ id: p.id, index: p.idx, text: p.text, start: p.start })),
        originalText: row.original_start,
        originalLength: row.original_length
      }
    },

    async paragraphsAt(id, indexes) {
      if (!stmt.exists.get(id)) return null
      return stmt.paragraphsAt.all(id, JSON.stringify(indexes))
    },

    async originalBytes(id) {
      const row = stmt.originalBytes.get(id)
      return row ? new Uint8Array(row.original_bytes) : null
    },

    async search(query, limit, { headlines = true } = {}) {
      const match = toFtsQuery(query)
      if (!match) return []
      indexUnlessBusy()
      return searchTransaction(match, limit, headlines)
    },

    async searchPassages(terms, { limit, excludeTextIds, roles }) {
      const match = toFtsAnyQuery(terms)
      if (!match) return []
      indexUnlessBusy()
      return stmt.passages.all({ match, exclude: jsonList(excludeTextIds), roles: jsonList(roles), limit })
    },

    delete: async (id) => deleteTransaction(id),

    async setRole(id, role) {
      return stmt.setRole.run(role, id).changes > 0 ? summary(id) : null
    },

    async setMeta(id, meta) {
      const current = summary(id)
      if (!current) return null
      const next = { ...current, ...meta }
      stmt.setMeta.run(next.title, next.outlet, next.byline, next.publishedAt, next.url, id)
      return summary(id)
    },

    count: async () => stmt.count.get()?.n ?? 0,

    async integrityCheck() {
      // Texts waiting for the index are not damage: index them, then compare index and paragraphs.
      indexPending()
      const problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>)
        .map((row) => row.integrity_check)
        .filter((message) => message !== 'ok')
      for (const row of db.pragma('foreign_key_check') as Array<{ table: string; rowid: number }>) {
        problems.push(`foreign key: row ${row.rowid} of ${row.table} points at nothing`)
      }
      // rank = 1 makes FTS5 also compare each index with the table it indexes.
      for (const [index, name] of [
        ['paragraphs_fts', 'full-text index'],
        ['titles_fts', 'headline index']
      ] as const) {
        try {
          db.exec(`INSERT INTO ${index} (${index}, rank) VALUES ('integrity-check', 1)`)
        } catch (error) {
          problems.push(`${name}: ${(error as Error).message}`)
        }
      }
      return { ok: problems.length === 0, problems }
    },

    listHouseNames: async () => stmt.listNames.all().map(toHouseName),

    async addHouseName(name, note = null) {
      const trimmed = name.trim()
      if (trimmed === '') throw new ApiError('BAD_REQUEST', 'A house name cannot be empty.')
      if (stmt.findName.get(trimmed)) {
        throw new ApiError('CONFLICT', `“${trimmed}” is already in the house names.`)
      }
      const addedAt = new Date().toISOString()
      const { lastInsertRowid } = stmt.addName.run(trimmed, note, addedAt)
      return { id: Number(lastInsertRowid), name: trimmed, note, addedAt }
    },

    removeHouseName: async (id) => stmt.removeName.run(id).changes > 0,

    checks: createChecksStore(db),
    reviews: createReviewsStore(db),
    preferences: createPreferencesStore(db),
    members: createMembersStore(db),
    sessions: createSessionsStore(db),
    vocabulary: createVocabulary(db, indexUnlessBusy),
    importIndexed: (input, mayCommit) => importIndexedTransaction.immediate(input, mayCommit),
    copyTo: async (destination) => {
      if (db.open) indexPending()
      await db.backup(destination)
    },
    async close() {
      try {
        if (db.open) indexUnlessBusy()
      } finally {
        if (idleTimer) clearTimeout(idleTimer)
        db.close()
      }
    }
  }
}
