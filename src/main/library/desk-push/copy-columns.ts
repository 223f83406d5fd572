// Which tables a push copies and with which columns. Columns are read from both databases when
// the push runs, not written out here: a column added to a table later (by a migration on both
// stores) is copied without anyone remembering to list it, and a library column the desk does not
// have stops the push before it writes anything, instead of being silently left behind.
import type { Database } from 'better-sqlite3'
import { ApiError } from '../../../shared/errors'
import type { Db } from '../postgres/connection'

/**
 * The tables a push copies, in the order it copies them (a row's references come first). For
 * each, whether its rows' `id` is the desk's to give: those ids change and are mapped.
 */
export const PUSHED_TABLES = {
  texts: { newId: true },
  text_bodies: { newId: false },
  paragraphs: { newId: true },
  house_names: { newId: true },
  checks: { newId: true },
  decisions: { newId: false },
  decision_history: { newId: true },
  manual_claims: { newId: true },
  assignments: { newId: false },
  review_history: { newId: true }
} as const satisfies Record<string, { newId: boolean }>

export type PushedTable = keyof typeof PUSHED_TABLES

/** The library's tables a push leaves where they are, and why. */
export const LOCAL_TABLES: Readonly<Record<string, string>> = {
  preferences:
    "the newsroom, its address and the checker's name: the desk has its own, one person's must not replace them",
  fts_indexed: "SQLite's full-text batches; the desk indexes every paragraph as it is stored",
  paragraphs_fts: 'the full-text index of SQLite; the desk makes its own',
  titles_fts: 'the headline index of SQLite; the desk makes its own',
  members:
    'the accounts of a library served as a desk (--desk): the desk keeps its own, and password hashes do not move between desks unasked',
  sessions: "sign-ins to the library's own server, meaningless anywhere else"
}

/**
 * Columns only the desk has ("table.column"), which a pushed row leaves to their default, and why.
 * None yet; a desk-only column added later (who made a decision, say) is listed here with what a
 * pushed row should say, or the column-set test fails.
 */
export const DESK_ONLY_COLUMNS: Readonly<Record<string, string>> = {}

/** The library's own tables: SQLite's internal ones and FTS5's shadow tables are not data. */
export function libraryTables(library: Database): string[] {
  const rows = library
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`
    )
    .all()
  const virtual = new Set(
    library
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`
      )
      .all()
      .map((r) => r.name)
  )
  return rows
    .map((r) => r.name)
    .filter((name) => ![...virtual].some((v) => name !== v && name.startsWith(`${v}_`)))
}

export function libraryColumns(library: Database, table: string): string[] {
  return library
    .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`)
    .all()
    .map((r) => r.name)
}

/** The desk table's columns a row can be given (generated ones are computed), with their types. */
export async function deskColumns(desk: Db, table: string): Promise<Map<string, string>> {
  const rows = await desk.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
     ORDER BY ordinal_position`,
    [table]
  )
  return new Map(rows.map((r) => [r.column_name, r.data_type]))
}

export interface TableCopy {
  table: PushedTable
  /** The library's columns the push writes, the desk's own id left out where the desk gives it. */
  columns: string[]
  /** Each column's type in the desk (SQLite's 0/1 becomes a boolean, a BLOB bytea). */
  deskTypes: Map<string, string>
}

/**
 * The columns to copy for `table`. Refuses, before anything is written, when the library has a
 * column the desk lacks (the desk's build is older, or a migration was added to one store only):
 * pushing would lose it.
 */
export async function tableCopy(library: Database, desk: Db, table: PushedTable): Promise<TableCopy> {
  const deskTypes = await deskColumns(desk, table)
  const columns = libraryColumns(library, table).filter((c) => !(c === 'id' && PUSHED_TABLES[table].newId))
  const missing = columns.filter((c) => !deskTypes.has(c))
  if (deskTypes.size === 0 || missing.length > 0) {
    const what = deskTypes.size === 0 ? `has no table ${table}` : `has no ${missing.join(', ')} in ${table}`
    throw new ApiError(
      'CONFLICT',
      `The desk ${what}, which this library keeps: pushing would lose it. Update Factdesk where the desk is served and push again; nothing was pushed.`
    )
  }
  return { table, columns, deskTypes }
}

/** A library value as the desk's column takes it. */
export function toDeskValue(value: unknown, deskType: string | undefined): unknown {
  if (deskType === 'boolean' && typeof value === 'number') return value !== 0
  return value
}
