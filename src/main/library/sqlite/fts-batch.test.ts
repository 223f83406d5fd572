// Full-text indexing in batches (schema v5): a text commits alone, its paragraphs reach the index
// with those of other texts later; nothing committed may ever be missing from a search.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary, type SqliteLibrary as Library } from './index'
import { MATCH_CLOSE, MATCH_OPEN, splitHighlighted, toFtsQuery } from '../fts-query'
import { INDEX_BATCH_TEXTS, INDEX_IDLE_MS, SEARCH_CANDIDATES } from './library'
import { bytesOf, makeDoc } from '../../../test-support/library/docs'
import { generatedParagraphs } from '../../../test-support/library/generate'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-fts-batch-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function add(library: Library, n: number, paragraphs = generatedParagraphs(n)): Promise<number> {
  const doc = makeDoc(paragraphs, { title: `Report ${n}` })
  return (
    await library.importDocument({
      fileName: `report-${n}.txt`,
      bytes: bytesOf(doc.cleanedText),
      doc,
      role: 'source'
    })
  ).id
}

/** Which of the texts a search for each one's own words finds: every one of them, or the test fails. */
async function findable(library: Library, ns: number[]): Promise<number[]> {
  const found: number[] = []
  for (const n of ns) if ((await library.search(`"Report ${n} part 0"`, 5)).length > 0) found.push(n)
  return found
}

/** Paragraphs waiting above the index's mark and paragraphs in the index, read straight from the file. */
function indexState(path: string): { waiting: number; indexed: number; paragraphs: number } {
  const db = new Database(path, { readonly: true })
  try {
    const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n
    return {
      waiting: n('SELECT count(*) AS n FROM paragraphs WHERE id > (SELECT upto FROM fts_indexed)'),
      // Every generated paragraph starts with "Report N part P:".
      indexed: n("SELECT count(*) AS n FROM paragraphs_fts WHERE paragraphs_fts MATCH 'report'"),
      paragraphs: n('SELECT count(*) AS n FROM paragraphs')
    }
  } finally {
    db.close()
  }
}

describe('indexing in batches', () => {
  it('finds a text the moment it is imported: a search first indexes the texts still waiting', async () => {
    const library = openLibrary(':memory:')
    await add(library, 1)
    await add(library, 2)
    expect(await findable(library, [1, 2])).toEqual([1, 2])
    expect(await library.indexPending()).toBe(0) // the search left nothing waiting
    await library.close()
  })

  it('indexes every INDEX_BATCH_TEXTS imported texts together, and the rest on request', async () => {
    const path = join(dir, 'library.sqlite')
    const library = openLibrary(path)
    for (let n = 0; n < INDEX_BATCH_TEXTS - 1; n++) await add(library, n)
    const before = indexState(path)
    expect(before).toMatchObject({ waiting: before.paragraphs, indexed: 0 })
    await add(library, INDEX_BATCH_TEXTS - 1)
    const full = indexState(path)
    expect(full).toMatchObject({ waiting: 0, indexed: full.paragraphs })
    await add(library, INDEX_BATCH_TEXTS)
    await add(library, INDEX_BATCH_TEXTS + 1)
    const rest =
      generatedParagraphs(INDEX_BATCH_TEXTS).length + generatedParagraphs(INDEX_BATCH_TEXTS + 1).length
    expect(indexState(path).waiting).toBe(rest)
    expect(await library.indexPending()).toBe(rest)
    const after = indexState(path)
    expect(after).toMatchObject({ waiting: 0, indexed: after.paragraphs })
    await library.close()
  })

  it('indexes the texts still waiting once imports pause', async () => {
    const path = join(dir, 'library.sqlite')
    const library = openLibrary(path)
    await add(library, 1)
    await add(library, 2)
    expect(indexState(path).waiting).toBe(generatedParagraphs(1).length + generatedParagraphs(2).length)
    await new Promise((resolve) => setTimeout(resolve, INDEX_IDLE_MS * 2))
    expect(indexState(path)).toMatchObject({ waiting: 0, indexed: indexState(path).paragraphs })
    await library.close()
  })

  it('indexes what waits when the library is closed', async () => {
    const path = join(dir, 'library.sqlite')
    const library = openLibrary(path)
    await add(library, 1)
    await library.close()
    const state = indexState(path)
    expect(state).toMatchObject({ waiting: 0, indexed: state.paragraphs })
  })

  it('catches up on open with texts a crashed importer committed but never indexed', async () => {
    const path = join(dir, 'library.sqlite')
    await openLibrary(path).close()
    // What an importer killed between a text's commit and its batch leaves behind, in plain SQL.
    const db = new Database(path)
    const paragraphs = generatedParagraphs(7)
    const cleaned = paragraphs.join('\n\n')
    const id = db
      .prepare(
        `INSERT INTO texts (role, format, file_name, title, encoding, content_hash, imported_at, word_count)
         VALUES ('source', 'txt', 'report-7.txt', 'Report 7', 'utf-8', 'hash-7', '2025-01-01', 1)`
      )
      .run().lastInsertRowid
    db.prepare(
      `INSERT INTO text_bodies (text_id, original_head, cleaned_text, original_text, original_bytes)
       VALUES (?, ?, ?, ?, x'00')`
    ).run(id, cleaned, cleaned, cleaned)
    let start = 0
    paragraphs.forEach((text, idx) => {
      db.prepare('INSERT INTO paragraphs (text_id, idx, start, text) VALUES (?, ?, ?, ?)').run(
        id,
        idx,
        start,
        text
      )
      start += text.length + 2
    })
    db.close()
    expect(indexState(path)).toMatchObject({ waiting: paragraphs.length, indexed: 0 })

    const library = openLibrary(path)
    expect(indexState(path)).toMatchObject({ waiting: 0, indexed: paragraphs.length })
    expect(await findable(library, [7])).toEqual([7])
    expect(await library.integrityCheck()).toEqual({ ok: true, problems: [] })
    await library.close()
  })

  it('deletes a text that is still waiting without touching the index of the others', async () => {
    const library = openLibrary(':memory:')
    const gone = await add(library, 1)
    await add(library, 2)
    expect(await library.delete(gone)).toBe(true)
    expect(await findable(library, [1, 2])).toEqual([2])
    expect(await library.integrityCheck()).toEqual({ ok: true, problems: [] })
    await library.close()
  })

  it('indexes a text whose paragraphs take the ids of a deleted newest text', async () => {
    const path = join(dir, 'library.sqlite')
    const library = openLibrary(path)
    await add(library, 1)
    const newest = await add(library, 2)
    await library.indexPending()
    expect(await library.delete(newest)).toBe(true)
    await add(library, 3) // its paragraphs get the ids text 2's had: they must still count as waiting
    expect(indexState(path).waiting).toBe(generatedParagraphs(3).length)
    expect(await findable(library, [1, 2, 3])).toEqual([1, 3])
    expect(await library.integrityCheck()).toEqual({ ok: true, problems: [] })
    await library.close()
  })

  it('a second connection searching finds what the first one has not indexed yet', async () => {
    const path = join(dir, 'library.sqlite')
    const writer = openLibrary(path)
    const reader = openLibrary(path)
    await add(writer, 1)
    expect(await findable(reader, [1])).toEqual([1])
    expect(await writer.indexPending()).toBe(0) // the reader indexed it, once
    expect(await reader.integrityCheck()).toEqual({ ok: true, problems: [] })
    await writer.close()
    await reader.close()
  })
})

describe('search while another program holds the write lock', () => {
  it('waits the busy timeout, then searches the index as it is instead of failing', async () => {
    const path = join(dir, 'library.sqlite')
    const writer = openLibrary(path)
    const reader = openLibrary(path)
    await add(writer, 1)
    await writer.indexPending()
    await add(writer, 2) // waiting for the index
    const lock = new Database(path)
    lock.exec('BEGIN IMMEDIATE')
    try {
      // One search (each waits out the busy timeout): the first paragraph of every indexed text.
      expect((await reader.search('"part 0"', 50)).map((hit) => hit.title)).toEqual(['Report 1'])
    } finally {
      lock.exec('ROLLBACK')
      lock.close()
    }
    expect(await findable(reader, [1, 2])).toEqual([1, 2])
    await reader.close()
    await writer.close()
  }, 30_000)
})

describe('search', () => {
  it('gives what FTS5 alone gives below the candidate cap: the same hits, order, scores and snippets', async () => {
    const path = join(dir, 'library.sqlite')
    const library = openLibrary(path)
    for (let n = 0; n < 60; n++) await add(library, n)
    await add(library, 100, [
      'Le café de Zelenskyy à Kyiv, où le ministre a parlé de sécurité pendant une heure entière.',
      `A long paragraph about the minister's visit: ${'the delegation discussed security support and grain ports again '.repeat(8)}and then the minister left Kyiv.`
    ])
    await library.indexPending()
    const raw = new Database(path, { readonly: true })
    const direct = raw.prepare<
      [{ match: string; open: string; close: string }],
      { id: number; rank: number; marked: string }
    >(
      `SELECT rowid AS id, rank, snippet(paragraphs_fts, 0, @open, @close, '…', 32) AS marked
       FROM paragraphs_fts WHERE paragraphs_fts MATCH @match ORDER BY rank, rowid DESC LIMIT 50`
    )
    for (const query of [
      'minister',
      'secur',
      'cafe',
      '"grain ports"',
      'kyiv minister',
      'report 7',
      'secu "support troops"',
      'zzz'
    ]) {
      const expected = direct.all({ match: toFtsQuery(query)!, open: MATCH_OPEN, close: MATCH_CLOSE })
      const hits = (await library.search(query, 50, { headlines: false })).flatMap((h) =>
        h.field === 'paragraph' ? [h] : []
      )
      expect(
        hits.map((h) => h.paragraphId),
        query
      ).toEqual(expected.map((e) => e.id))
      expect(
        hits.map((h) => h.rank),
        query
      ).toEqual(expected.map((e) => e.rank))
      expect(
        hits.map((h) => h.snippet),
        query
      ).toEqual(expected.map((e) => splitHighlighted(e.marked)))
    }
    raw.close()
    await library.close()
  })
})

describe('search ranking over many matches', () => {
  /** `count` one-paragraph texts mentioning Kyiv once, in a few long texts to keep the test quick. */
  async function fill(library: Library, count: number): Promise<void> {
    const perText = 1000
    for (let t = 0; t * perText < count; t++) {
      const paragraphs = Array.from(
        { length: Math.min(perText, count - t * perText) },
        (_, i) =>
          `Filler ${t}-${i}: officials in Kyiv met again on a quiet day of routine talks and statements.`
      )
      await add(library, 1000 + t, paragraphs)
    }
  }

  it('ranks every match by bm25 when there are at most SEARCH_CANDIDATES of them', async () => {
    const library = openLibrary(':memory:')
    await add(library, 1, ['Kyiv, Kyiv, Kyiv.']) // the oldest, and the best match
    await fill(library, 500)
    const hits = await library.search('kyiv', 50)
    expect(hits[0]).toMatchObject({ paragraphIndex: 0, title: 'Report 1' })
    expect(hits.map((h) => h.rank)).toEqual([...hits.map((h) => h.rank)].sort((a, b) => a - b))
    await library.close()
  })

  it('ranks the newest SEARCH_CANDIDATES matches of a very common word, with snippets', async () => {
    const library = openLibrary(':memory:')
    await add(library, 1, ['Kyiv, Kyiv, Kyiv.']) // the best match, but older than the newest SEARCH_CANDIDATES
    await fill(library, SEARCH_CANDIDATES)
    await add(library, 2, ['Kyiv and Kyiv again.']) // the best among the newest
    const hits = await library.search('kyiv', 50)
    expect(hits).toHaveLength(50)
    expect(hits[0]).toMatchObject({ title: 'Report 2', paragraphIndex: 0 })
    expect(hits.some((h) => h.title === 'Report 1')).toBe(false)
    expect(hits.map((h) => h.rank)).toEqual([...hits.map((h) => h.rank)].sort((a, b) => a - b))
    for (const hit of hits) expect(hit.snippet.filter((s) => s.match).map((s) => s.text)).toContain('Kyiv')
    // A rarer word still finds the old text.
    expect((await library.search('"Kyiv, Kyiv, Kyiv"', 5)).map((h) => h.title)).toEqual(['Report 1'])
    await library.close()
  })
})
