// Checks that a library file is whole: SQLite's and FTS5's own integrity checks, and no text
// with fewer (or more) paragraphs than its cleaned text holds — what a half-imported text looks like.
import Database from 'better-sqlite3'
import { openLibrary } from '../index'

export function consistencyProblems(path: string): string[] {
  // Opening through openLibrary is what the app does after a crash (WAL recovery included).
  const library = openLibrary(path)
  const problems = library.integrityCheck().problems
  library.close()

  const db = new Database(path, { readonly: true })
  const rows = db
    .prepare<[], { id: number; cleaned_text: string; n: number; max_idx: number | null }>(
      `SELECT t.id, t.cleaned_text, count(p.id) AS n, max(p.idx) AS max_idx
       FROM texts t LEFT JOIN paragraphs p ON p.text_id = t.id GROUP BY t.id`
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
