// Checks that a library file is whole: SQLite's and FTS5's own integrity checks, no text with
// fewer (or more) paragraphs than its cleaned text holds — what a half-imported text looks like —
// and every text found by a search for its own words once the library is reopened.
import Database from 'better-sqlite3'
import { openLibrary } from '../../main/library/sqlite'

/** Texts searched for by their own words: the newest (the likeliest to be awaiting the index) and a spread of the rest. */
const NEWEST_SEARCHED = 250
const SEARCH_EVERY = 50

export async function consistencyProblems(path: string): Promise<string[]> {
  // Opening through openLibrary is what the app does after a crash (WAL recovery included).
  const library = openLibrary(path)
  const problems = (await library.integrityCheck()).problems
  const ids = (await library.list({ limit: 100_000, offset: 0 })).texts.map((text) => text.id)
  for (const [i, id] of ids.entries()) {
    if (i >= NEWEST_SEARCHED && i % SEARCH_EVERY !== 0) continue
    // The opening words of the text's first paragraph, as a quoted phrase.
    const words = (await library.get(id))?.paragraphs[0]?.text.match(/[\p{L}\p{N}]+/gu)?.slice(0, 6) ?? []
    if (words.length === 0) continue
    if (!(await library.search(`"${words.join(' ')}"`, 50)).some((hit) => hit.textId === id)) {
      problems.push(`search misses text ${id}`)
    }
  }
  await library.close()

  const db = new Database(path, { readonly: true })
  const rows = db
    .prepare<[], { id: number; cleaned_text: string; n: number; max_idx: number | null }>(
      `SELECT t.id, b.cleaned_text, count(p.id) AS n, max(p.idx) AS max_idx
       FROM texts t JOIN text_bodies b ON b.text_id = t.id LEFT JOIN paragraphs p ON p.text_id = t.id
       GROUP BY t.id`
    )
    .all()
  db.close()
  for (const row of rows) {
    // The generated texts are their paragraphs joined by a blank line (the import core's promise).
    const expected = row.cleaned_text.split('\n\n').length
    if (row.n !== expected || row.max_idx !== expected - 1) {
      problems.push(`text ${row.id} has ${row.n} of its ${expected} paragraphs`)
    }
  }
  return problems
}
