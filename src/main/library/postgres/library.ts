// The library's texts on PostgreSQL: paragraphs carry their own tsvector (a generated column with
// a GIN index), so a text is searchable the moment its transaction commits and there is no
// index batch to wait for.
import type { RemovedBlock, SearchHit, TextSummary } from '../../../shared/domain'
import { ApiError } from '../../../shared/errors'
import { MATCH_CLOSE, MATCH_OPEN } from '../fts-query'
import {
  toDetail,
  toHeadlineHit,
  toParagraph,
  toParagraphHit,
  toSummary,
  type DetailRow,
  type HitRow,
  type ParagraphRow,
  type SummaryRow
} from '../rows'
import { HEADLINE_CANDIDATES, HEADLINE_SHARE, SEARCH_CANDIDATES } from '../search-limits'
import type { HouseName, Library } from '../store'
import { contentHash, countWords, ORIGINAL_HEAD_CHARS, paragraphStarts } from '../text-facts'
import { createChecksStore } from './checks-store'
import { createReviewsStore } from './reviews-store'
import type { NoticeChannel } from './notice-channel'
import type { Db } from './connection'
import { createPreferencesStore } from './preferences-store'
import { createMembersStore, createSessionsStore } from './members-store'
import { toTsAnyQuery, toTsQuery } from './ts-query'
import { createVocabulary } from './vocabulary'

const SUMMARY_COLUMNS = `t.id, t.role, t.format, t.file_name, t.title, t.outlet, t.byline, t.published_at,
  t.url, t.imported_at, t.word_count,
  (SELECT count(*)::int FROM paragraphs p WHERE p.text_id = t.id) AS paragraph_count`

// ts_headline's options: the highlight markers splitHighlighted reads, and a window of about
// the 32 words SQLite's snippet() gives.
const SNIPPET_OPTIONS = `StartSel=${MATCH_OPEN}, StopSel=${MATCH_CLOSE}, MaxWords=32, MinWords=12, ShortWord=0, MaxFragments=1`
const HEADLINE_OPTIONS = `StartSel=${MATCH_OPEN}, StopSel=${MATCH_CLOSE}, HighlightAll=true`

/** The newest rows a search looks in first (searchedMatches): some 10,000 texts' worth. */
export const RECENT_ROWS = { texts: 10_000, paragraphs: 200_000 }

/** How much further back each next window of a search reaches than the one before. */
const WINDOW_GROWTH = 4

export interface PostgresLibraryOptions {
  /** RECENT_ROWS, made small by tests so a small table has old rows. */
  recentRows?: { texts: number; paragraphs: number }
}

export function createPostgresLibrary(
  db: Db,
  notices: NoticeChannel,
  close: () => Promise<void>,
  options: PostgresLibraryOptions = {}
): Library {
  const recentRows = options.recentRows ?? RECENT_ROWS
  const summary = async (id: number): Promise<TextSummary | null> => {
    const [row] = await db.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM texts t WHERE t.id = $1`, [id])
    return row ? toSummary(row) : null
  }

  /**
   * The ids of the rows of `table` whose `column` matches `query` that a search ranks, newest
   * first: ranking every match of a common word took seconds on 100,000 texts (search-limits.ts).
   * So the newest RECENT_ROWS rows are searched first; when they hold fewer than `enough` matches
   * (a list of results), the window reaches back WINDOW_GROWTH times as far, and so on, until it
   * does or the table's start is reached. Each window's matches come from the full-text index
   * ANDed with the id's BRIN index (schema v6), so a window costs the matches inside it, not the
   * word's matches in the whole table: without it the planner, misjudging how many rows a phrase
   * of correlated words matches, read every one of them (27,945 heap rows, 0.7 s, for 2,744 in
   * the window). Unlike SQLite, a common word's best older matches are left out: from texts older
   * than the newest RECENT_ROWS paragraphs (some 10,000 texts).
   */
  const searchedMatches = async (
    table: 'texts' | 'paragraphs',
    column: 'title_tsv' | 'tsv',
    query: string,
    candidates: number,
    enough: number
  ): Promise<number[]> => {
    const [top] = await db.query<{ id: number }>(`SELECT coalesce(max(id), 0) AS id FROM ${table}`)
    const newest = top?.id ?? 0
    const ids: number[] = []
    let span = recentRows[table]
    for (let to = newest; to > 0 && ids.length < enough; span *= WINDOW_GROWTH) {
      const from = Math.max(0, newest - span)
      // In the newest window a common word's newest matches may be found by walking the primary
      // key back; an older one is only searched for a word too rare for that, so there its
      // matches are sorted (`id + 0`), never found by walking most of the window.
      const order = to === newest ? 'id' : 'id + 0'
      const rows = await db.query<{ id: number }>(
        `SELECT id FROM ${table} WHERE ${column} @@ to_tsquery('factdesk', $1) AND id > $2 AND id <= $3
         ORDER BY ${order} DESC LIMIT $4`,
        [query, from, to, candidates - ids.length]
      )
      for (const row of rows) ids.push(row.id)
      to = from
    }
    return ids
  }

  // The best `limit` of the newest matches by ts_rank (negated: lower is better, as bm25 on
  // SQLite), then the highlighted text of those few only: ts_headline re-reads the text, too dear
  // for every match. The matches are joined by id from a list (unnest), not `id = ANY (list)`,
  // which the planner may answer from the BRIN index by testing every id against every range
  // (4.6 s for 5,000 ids).
  const headlineHits = async (query: string, limit: number): Promise<SearchHit[]> => {
    const ids = await searchedMatches('texts', 'title_tsv', query, HEADLINE_CANDIDATES, limit)
    if (ids.length === 0) return []
    const rows = await db.query<HitRow & { rank: number }>(
      `SELECT t.id AS text_id, t.title, t.outlet, t.published_at, top.rank,
         ts_headline('factdesk', coalesce(t.title, ''), q, $3) AS marked
       FROM (SELECT t.id, -ts_rank(t.title_tsv, q, 1) AS rank
             FROM unnest($4::int[]) AS found (id) JOIN texts t ON t.id = found.id, to_tsquery('factdesk', $1) q
             ORDER BY rank, t.id DESC LIMIT $2) top
       JOIN texts t ON t.id = top.id, to_tsquery('factdesk', $1) q
       ORDER BY top.rank, t.id DESC`,
      [query, limit, HEADLINE_OPTIONS, ids]
    )
    return rows.map((row) => toHeadlineHit(row, row.rank))
  }

  const paragraphHits = async (query: string, limit: number): Promise<SearchHit[]> => {
    if (limit <= 0) return []
    const ids = await searchedMatches('paragraphs', 'tsv', query, SEARCH_CANDIDATES, limit)
    if (ids.length === 0) return []
    const rows = await db.query<HitRow & { paragraph_id: number; idx: number; rank: number }>(
      `SELECT p.id AS paragraph_id, p.text_id, p.idx, t.title, t.outlet, t.published_at, top.rank,
         ts_headline('factdesk', p.text, q, $3) AS marked
       FROM (SELECT p.id, -ts_rank(p.tsv, q, 1) AS rank
             FROM unnest($4::int[]) AS found (id) JOIN paragraphs p ON p.id = found.id, to_tsquery('factdesk', $1) q
             ORDER BY rank, p.id DESC LIMIT $2) top
       JOIN paragraphs p ON p.id = top.id JOIN texts t ON t.id = p.text_id, to_tsquery('factdesk', $1) q
       ORDER BY top.rank, p.id DESC`,
      [query, limit, SNIPPET_OPTIONS, ids]
    )
    return rows.map((row) => toParagraphHit(row, row.rank))
  }

  return {
    async importDocument({ fileName, bytes, doc, role }) {
      const hash = contentHash(doc.cleanedText)
      return db.transaction(async (tx) => {
        // ON CONFLICT: two editors importing the same article at once get one text between them.
        const [inserted] = await tx.query<{ id: number }>(
          `INSERT INTO texts (role, format, file_name, title, outlet, byline, published_at, url, encoding,
             content_hash, removed_json, imported_at, word_count, original_length)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, length($14::text))
           ON CONFLICT (content_hash) DO NOTHING RETURNING id`,
          [
            role,
            doc.format,
            fileName,
            doc.title,
            doc.outlet,
            doc.byline,
            doc.publishedAt,
            doc.url,
            doc.encoding,
            hash,
            JSON.stringify(doc.removed),
            new Date().toISOString(),
            countWords(doc.cleanedText),
            doc.originalText
          ]
        )
        if (!inserted) {
          const [existing] = await tx.query<{ id: number; title: string | null }>(
            'SELECT id, title FROM texts WHERE content_hash = $1',
            [hash]
          )
          return { status: 'duplicate' as const, id: existing!.id, title: existing!.title }
        }
        await tx.query(
          `INSERT INTO text_bodies (text_id, original_head, cleaned_text, original_text, original_bytes)
           VALUES ($1, left($2::text, ${ORIGINAL_HEAD_CHARS}), $3, $2, $4)`,
          [
            inserted.id,
            doc.originalText,
            doc.cleanedText,
            Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
          ]
        )
        const starts = paragraphStarts(doc.cleanedText, doc.paragraphs)
        await tx.query(
          `INSERT INTO paragraphs (text_id, idx, start, text)
           SELECT $1, idx, start, text FROM unnest($2::int[], $3::int[], $4::text[]) AS p (idx, start, text)`,
          [
            inserted.id,
            doc.paragraphs.map((_, i) => i),
            doc.paragraphs.map((_, i) => starts[i] ?? 0),
            doc.paragraphs
          ]
        )
        return { status: 'imported' as const, id: inserted.id, title: doc.title }
      })
    },

    indexPending: async () => 0,

    async list({ role, limit, offset }) {
      const rows = await db.query<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM texts t WHERE ($1::text IS NULL OR t.role = $1)
         ORDER BY t.imported_at DESC, t.id DESC LIMIT $2 OFFSET $3`,
        [role ?? null, limit, offset]
      )
      const [total] = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM texts WHERE ($1::text IS NULL OR role = $1)',
        [role ?? null]
      )
      return { texts: rows.map(toSummary), total: total?.n ?? 0 }
    },

    async get(id) {
      const [row] = await db.query<DetailRow>(
        `SELECT ${SUMMARY_COLUMNS}, t.encoding, t.content_hash, b.original_text, b.cleaned_text, t.removed_json
         FROM texts t JOIN text_bodies b ON b.text_id = t.id WHERE t.id = $1`,
        [id]
      )
      if (!row) return null
      const paragraphs = await db.query<ParagraphRow>(
        'SELECT id, idx, text, start FROM paragraphs WHERE text_id = $1 ORDER BY idx',
        [id]
      )
      return toDetail(row, paragraphs)
    },

    summary,

    async read(id, offset, limit, originalChars) {
      const [row] = await db.query<
        SummaryRow & {
          encoding: string
          removed_json: string
          original_start: string
          original_length: number
        }
      >(
        // CASE evaluates only the branch taken: the whole original is read only for more than its head.
        `SELECT ${SUMMARY_COLUMNS}, t.encoding, t.removed_json, t.original_length,
           CASE WHEN least($2, t.original_length) <= length(b.original_head) THEN left(b.original_head, $2)
             ELSE left(b.original_text, $2) END AS original_start
         FROM texts t JOIN text_bodies b ON b.text_id = t.id WHERE t.id = $1`,
        [id, originalChars]
      )
      if (!row) return null
      const paragraphs = await db.query<ParagraphRow>(
        'SELECT id, idx, text, start FROM paragraphs WHERE text_id = $1 AND idx >= $2 ORDER BY idx LIMIT $3',
        [id, offset, limit]
      )
      return {
        ...toSummary(row),
        encoding: row.encoding,
        removed: JSON.parse(row.removed_json) as RemovedBlock[],
        offset,
        paragraphs: paragraphs.map(toParagraph),
        originalText: row.original_start,
        originalLength: row.original_length
      }
    },

    async paragraphsAt(id, indexes) {
      const [exists] = await db.query('SELECT 1 FROM texts WHERE id = $1', [id])
      if (!exists) return null
      return db.query<{ index: number; text: string }>(
        'SELECT idx AS "index", text FROM paragraphs WHERE text_id = $1 AND idx = ANY($2::int[]) ORDER BY idx',
        [id, [...indexes]]
      )
    },

    async originalBytes(id) {
      const [row] = await db.query<{ original_bytes: Buffer }>(
        'SELECT original_bytes FROM text_bodies WHERE text_id = $1',
        [id]
      )
      return row ? new Uint8Array(row.original_bytes) : null
    },

    async search(input, limit, { headlines = true } = {}) {
      const query = toTsQuery(input)
      if (!query) return []
      const titled = headlines
        ? await headlineHits(query, Math.max(1, Math.floor(limit / HEADLINE_SHARE)))
        : []
      return [...titled, ...(await paragraphHits(query, limit - titled.length))]
    },

    async searchPassages(terms, { limit, excludeTextIds, roles }) {
      const query = toTsAnyQuery(terms)
      if (!query) return []
      return db.query<{ textId: number; paragraphId: number; index: number; text: string; start: number }>(
        `SELECT p.text_id AS "textId", p.id AS "paragraphId", p.idx AS "index", p.text, p.start
         FROM paragraphs p JOIN texts t ON t.id = p.text_id, to_tsquery('factdesk', $1) q
         WHERE p.tsv @@ q
           AND ($2::int[] IS NULL OR p.text_id <> ALL ($2))
           AND ($3::text[] IS NULL OR t.role = ANY ($3))
         ORDER BY ts_rank(p.tsv, q, 1) DESC, p.id LIMIT $4`,
        [query, excludeTextIds?.length ? excludeTextIds : null, roles?.length ? roles : null, limit]
      )
    },

    async delete(id) {
      return (await db.query('DELETE FROM texts WHERE id = $1 RETURNING id', [id])).length > 0
    },

    async setRole(id, role) {
      const changed = await db.query('UPDATE texts SET role = $1 WHERE id = $2 RETURNING id', [role, id])
      return changed.length > 0 ? summary(id) : null
    },

    async setMeta(id, meta) {
      const current = await summary(id)
      if (!current) return null
      const next = { ...current, ...meta }
      await db.query(
        'UPDATE texts SET title = $1, outlet = $2, byline = $3, published_at = $4, url = $5 WHERE id = $6',
        [next.title, next.outlet, next.byline, next.publishedAt, next.url, id]
      )
      return summary(id)
    },

    async count() {
      const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM texts')
      return row?.n ?? 0
    },

    async listHouseNames() {
      const rows = await db.query<{ id: number; name: string; note: string | null; added_at: string }>(
        'SELECT id, name, note, added_at FROM house_names ORDER BY lower(name), name'
      )
      return rows.map((row) => ({ id: row.id, name: row.name, note: row.note, addedAt: row.added_at }))
    },

    async addHouseName(name, note = null): Promise<HouseName> {
      const trimmed = name.trim()
      if (trimmed === '') throw new ApiError('BAD_REQUEST', 'A house name cannot be empty.')
      const addedAt = new Date().toISOString()
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO house_names (name, note, added_at) VALUES ($1, $2, $3)
         ON CONFLICT (lower(name)) DO NOTHING RETURNING id`,
        [trimmed, note, addedAt]
      )
      if (!row) throw new ApiError('CONFLICT', `“${trimmed}” is already in the house names.`)
      return { id: row.id, name: trimmed, note, addedAt }
    },

    async removeHouseName(id) {
      return (await db.query('DELETE FROM house_names WHERE id = $1 RETURNING id', [id])).length > 0
    },

    checks: createChecksStore(db, notices),
    reviews: createReviewsStore(db, notices),
    preferences: createPreferencesStore(db),
    members: createMembersStore(db),
    sessions: createSessionsStore(db),
    vocabulary: createVocabulary(db),
    close
  }
}
