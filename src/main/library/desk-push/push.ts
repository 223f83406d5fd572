// factdesk desk push: one person's SQLite library copied into a desk's PostgreSQL database, in one
// PostgreSQL transaction, so a failure anywhere leaves the desk exactly as it was.
//
// Ids are the desk's to give, so every text, check and history entry gets a new one and each
// reference follows it (remap-ids.ts). Pushing again adds nothing twice, by content rather than by
// a record of earlier pushes (no table of the desk's schema is needed for it, and a library copied
// or renamed is still recognised):
// - a text is known by its cleaned content (content_hash, the desk's own duplicate rule), so a
//   text the desk already has, pushed before or imported there by anyone, is mapped to that one;
// - a check is known by its story and the moment it was created (to the millisecond): a check
//   already there is left as it is, with its decisions and history, and nothing of it is copied
//   again: decisions made in the library after its first push are not carried over (merging them
//   with the desk's own would overwrite other editors' work), but such checks are counted, by
//   history entries the desk does not have, so the summary says so;
// - a house name by its spelling, whatever its case (the desk's unique rule).
import { existsSync } from 'node:fs'
import Database, { type Database as Connection } from 'better-sqlite3'
import type { CheckResult } from '../../../shared/check'
import { ApiError } from '../../../shared/errors'
import type { Decision, PinnedEvidence } from '../../../shared/workbench'
import type { Db } from '../postgres/connection'
import { openLibrary } from '../sqlite'
import { PUSHED_TABLES, tableCopy, toDeskValue, type PushedTable, type TableCopy } from './copy-columns'
import { remapDecision, remapPinned, remapResult, remapSourceIds } from './remap-ids'

export interface PushSummary {
  texts: { added: number; existing: number }
  /** `changedHere`: of the existing ones, checks decided in the library since (not carried over). */
  checks: { added: number; existing: number; changedHere: number }
  decisions: number
  historyEntries: number
  editorClaims: number
  reviewSteps: number
  houseNames: { added: number; existing: number }
}

/** Any number: two pushes at once wait for each other instead of both adding the same check. */
const PUSH_LOCK = 0x64657368

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 30_000

type Row = Record<string, unknown>

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

/**
 * Pushes the library at `libraryPath` (an existing file; brought up to this build's schema
 * first, refused if a newer build wrote it) into `desk`. Reads the library in one read
 * transaction, so what is pushed is one consistent moment of it even while the app writes.
 */
export async function pushLibraryFile(libraryPath: string, desk: Db): Promise<PushSummary> {
  // openLibrary would create a missing file and push an empty library.
  if (!existsSync(libraryPath)) throw new ApiError('NOT_FOUND', `There is no library ${libraryPath}.`)
  await openLibrary(libraryPath).close()
  const library = new Database(libraryPath, { readonly: true, fileMustExist: true })
  try {
    library.exec('BEGIN')
    try {
      return await pushLibrary(library, desk)
    } finally {
      library.exec('COMMIT')
    }
  } finally {
    library.close()
  }
}

export function pushLibrary(library: Connection, desk: Db): Promise<PushSummary> {
  return desk.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK])
    const push = await startPush(library, tx)
    await pushTexts(push)
    await pushHouseNames(push)
    for (const id of push.ids('checks')) await pushCheck(push, id)
    return push.summary
  })
}

/** One push in progress: both databases, the columns each table copies, the texts mapped so far. */
interface Push {
  tx: Db
  /** The library's rows of `table`, with the columns the push copies. */
  read(table: PushedTable, where: string, ...params: unknown[]): Row[]
  /** The library's ids of `table`, in the order they were made. */
  ids(table: PushedTable, where?: string, ...params: unknown[]): number[]
  /** Inserts rows into the desk's `table`; what `suffix` returns (RETURNING id). */
  insert(table: PushedTable, rows: Row[], suffix?: string): Promise<Array<{ id: number }>>
  /** A library text's content hash, read without its row. */
  contentHash(id: number): string
  textIds: Map<number, number>
  summary: PushSummary
}

async function startPush(library: Connection, tx: Db): Promise<Push> {
  // Every table's columns first: a column the desk lacks refuses the push before any row.
  const copies = new Map<PushedTable, TableCopy>()
  for (const table of Object.keys(PUSHED_TABLES) as PushedTable[])
    copies.set(table, await tableCopy(library, tx, table))
  const copy = (table: PushedTable) => copies.get(table)!
  const hashOf = library.prepare('SELECT content_hash FROM texts WHERE id = ?').pluck()
  return {
    tx,
    read: (table, where, ...params) =>
      library
        .prepare(`SELECT ${copy(table).columns.map(quote).join(', ')} FROM ${table} ${where}`)
        .all(...params) as Row[],
    ids: (table, where = '', ...params) =>
      library
        .prepare(`SELECT id FROM ${table} ${where} ORDER BY id`)
        .pluck()
        .all(...params) as number[],
    insert: (table, rows, suffix) => insert(tx, copy(table), rows, suffix),
    contentHash: (id) => hashOf.get(id) as string,
    textIds: new Map(),
    summary: {
      texts: { added: 0, existing: 0 },
      checks: { added: 0, existing: 0, changedHere: 0 },
      decisions: 0,
      historyEntries: 0,
      editorClaims: 0,
      reviewSteps: 0,
      houseNames: { added: 0, existing: 0 }
    }
  }
}

/** Every text, new to the desk or mapped to the desk's text with the same cleaned content. */
async function pushTexts(push: Push): Promise<void> {
  const { tx, textIds, summary } = push
  const deskText = async (hash: unknown): Promise<number | undefined> =>
    (await tx.query<{ id: number }>('SELECT id FROM texts WHERE content_hash = $1', [hash]))[0]?.id
  for (const id of push.ids('texts')) {
    // The hash first: a text the desk has is not read, nor its bytes sent, again.
    const hash = push.contentHash(id)
    let deskId = await deskText(hash)
    if (deskId === undefined) {
      const [text] = push.read('texts', 'WHERE id = ?', id)
      // ON CONFLICT: an editor may import the same article while the push runs.
      const [added] = await push.insert(
        'texts',
        [text!],
        'ON CONFLICT (content_hash) DO NOTHING RETURNING id'
      )
      if (added) {
        const [body] = push.read('text_bodies', 'WHERE text_id = ?', id)
        await push.insert('text_bodies', [{ ...body, text_id: added.id }])
        const paragraphs = push.read('paragraphs', 'WHERE text_id = ? ORDER BY idx', id)
        await push.insert(
          'paragraphs',
          paragraphs.map((p) => ({ ...p, text_id: added.id }))
        )
        textIds.set(id, added.id)
        summary.texts.added++
        continue
      }
      deskId = await deskText(hash)
    }
    textIds.set(id, deskId!)
    summary.texts.existing++
  }
}

async function pushHouseNames(push: Push): Promise<void> {
  for (const name of push.read('house_names', 'ORDER BY id')) {
    const added = await push.insert(
      'house_names',
      [name],
      'ON CONFLICT (lower(name)) DO NOTHING RETURNING id'
    )
    if (added.length > 0) push.summary.houseNames.added++
    else push.summary.houseNames.existing++
  }
}

/** A check with its decisions, history and editor claims, unless the desk has it already. */
async function pushCheck(push: Push, id: number): Promise<void> {
  const { tx, textIds, summary } = push
  const [check] = push.read('checks', 'WHERE id = ?', id)
  const storyId = textIds.get(check!['story_id'] as number)!
  const [already] = await tx.query(`SELECT id FROM checks WHERE story_id = $1 AND created_at = $2 LIMIT 1`, [
    storyId,
    check!['created_at']
  ])
  if (already) {
    summary.checks.existing++
    // An entry is known by its claim and moment (kept to the millisecond, as pushed).
    const onDesk = await tx.query<{ claim_id: string; at: string }>(
      'SELECT claim_id, at FROM decision_history WHERE check_id = $1',
      [already['id']]
    )
    const known = new Set(onDesk.map((e) => `${e.claim_id} ${e.at}`))
    const here = push.read('decision_history', 'WHERE check_id = ?', id)
    if (here.some((e) => !known.has(`${String(e['claim_id'])} ${String(e['at'])}`)))
      summary.checks.changedHere++
    return
  }
  const sourceIds = check!['source_ids_json'] as string | null
  const [added] = await push.insert(
    'checks',
    [
      {
        ...check,
        story_id: storyId,
        source_ids_json:
          sourceIds === null
            ? null
            : JSON.stringify(remapSourceIds(JSON.parse(sourceIds) as number[], textIds)),
        result_json: JSON.stringify(
          remapResult(JSON.parse(check!['result_json'] as string) as CheckResult, textIds)
        )
      }
    ],
    'RETURNING id'
  )
  const checkId = added!.id
  summary.checks.added++

  const decisions = push.read('decisions', 'WHERE check_id = ? ORDER BY claim_id', id)
  await push.insert(
    'decisions',
    decisions.map((d) => ({
      ...d,
      check_id: checkId,
      pinned_json: JSON.stringify(
        remapPinned(JSON.parse(d['pinned_json'] as string) as PinnedEvidence[], textIds)
      )
    }))
  )
  summary.decisions += decisions.length

  // In the order they were written, so undo reads the same stacks in the desk; an undo or redo
  // names an earlier entry of the same check, already given its desk id.
  const historyIds = new Map<number, number>()
  const historyDecision = (json: unknown) =>
    json === null ? null : JSON.stringify(remapDecision(JSON.parse(json as string) as Decision, textIds))
  const linked = (entry: number | null, from: number): number | null => {
    if (entry === null) return null
    const deskId = historyIds.get(entry)
    if (deskId === undefined)
      throw new ApiError(
        'INTERNAL',
        `History entry ${from} of check ${id} reverses entry ${entry}, which that check does not have; nothing was pushed.`
      )
    return deskId
  }
  for (const entryId of push.ids('decision_history', 'WHERE check_id = ?', id)) {
    const [entry] = push.read('decision_history', 'WHERE id = ?', entryId)
    const [addedEntry] = await push.insert(
      'decision_history',
      [
        {
          ...entry,
          check_id: checkId,
          before_json: historyDecision(entry!['before_json']),
          after_json: historyDecision(entry!['after_json']),
          undoes: linked(entry!['undoes'] as number | null, entryId),
          redoes: linked(entry!['redoes'] as number | null, entryId)
        }
      ],
      'RETURNING id'
    )
    historyIds.set(entryId, addedEntry!.id)
    summary.historyEntries++
  }

  const assignments = push.read('assignments', 'WHERE check_id = ? ORDER BY claim_id', id)
  await push.insert(
    'assignments',
    assignments.map((a) => ({ ...a, check_id: checkId }))
  )
  // Each step names the last decision entry it saw, which now has its desk id.
  const steps = push.read('review_history', 'WHERE check_id = ? ORDER BY id', id)
  await push.insert(
    'review_history',
    steps.map((step) => {
      const entry = step['decision_entry'] as number | null
      return {
        ...step,
        check_id: checkId,
        decision_entry: entry === null ? null : (historyIds.get(entry) ?? null)
      }
    })
  )
  summary.reviewSteps += steps.length

  const claims = push.read('manual_claims', 'WHERE check_id = ? ORDER BY id', id)
  await push.insert(
    'manual_claims',
    claims.map((c) => ({ ...c, check_id: checkId }))
  )
  summary.editorClaims += claims.length
}

/** Inserts `rows` (the library's columns, references already mapped) in as few statements as fit. */
async function insert(tx: Db, copy: TableCopy, rows: Row[], suffix = ''): Promise<Array<{ id: number }>> {
  const { columns, deskTypes, table } = copy
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length))
  const returned: Array<{ id: number }> = []
  for (let from = 0; from < rows.length; from += perStatement) {
    const chunk = rows.slice(from, from + perStatement)
    const params: unknown[] = []
    const tuples = chunk.map((row) => {
      const places = columns.map((column) => {
        params.push(toDeskValue(row[column], deskTypes.get(column)))
        return `$${params.length}`
      })
      return `(${places.join(', ')})`
    })
    returned.push(
      ...(await tx.query<{ id: number }>(
        `INSERT INTO ${table} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`,
        params
      ))
    )
  }
  return returned
}
