// Checks and decisions on PostgreSQL. A decision and its history entry are written in one
// transaction, as on SQLite; the check's row is locked first (FOR UPDATE), so two editors deciding
// on one check at once write their entries one after the other and undo sees them in that order,
// and the decision is written only over the version it was read at (a version-checked upsert), so
// a decide made on a stale version is refused even by a server that took no lock. Each decision
// sends a notice (NOTIFY, delivered on commit) that every server on the database hears, for the
// editors watching the check there.
import type { CheckResult, ClaimKind } from '../../../shared/check'
import type { DecisionInput } from '../../../shared/workbench'
import { undoStacks, undoStateOf, type HistoryLink } from '../../core/decisions/undo-stacks'
import { createDecisionFeed } from '../decision-feed'
import {
  changedMeanwhile,
  DECISION_COLUMNS,
  nextDecision,
  staleDecision,
  replayInput,
  toCheckSummary,
  toDecision,
  toHistoryEntry,
  type CheckRow,
  type DecisionRow,
  type HistoryRow
} from '../rows'
import type { ChecksStore, SavedDecision } from '../store'
import type { Db } from './connection'
import type { NoticeChannel } from './notice-channel'

/** Checks whose claim ids hasClaim keeps. */
const CLAIM_ID_CHECKS = 20
const HISTORY_COLUMNS = 'id, claim_id, at, before_json, after_json, undoes, redoes, actor'
// "Decided" counts claims with a status other than open.
const CHECK_COLUMNS = `c.id, c.story_id, c.title, c.source_ids_json, c.result_json, c.created_at, c.updated_at,
  (SELECT count(*)::int FROM decisions d WHERE d.check_id = c.id AND d.status <> 'open') AS decided`

/** What a decision's notice says: enough to read it back (a notice holds at most 8,000 bytes). */
interface DecisionNotice {
  checkId: number
  entryId: number
}

export function createChecksStore(
  db: Db,
  notices: NoticeChannel,
  now: () => string = () => new Date().toISOString()
): ChecksStore {
  const feed = createDecisionFeed()
  /**
   * The claim ids of the checks decided on lately, with the digest of the result they were read
   * from: a decide asks whether its claim exists, and parsing a long story's result (hundreds of
   * KB, here or in the database) on every decide cost 30 ms each (bench/desk.bench.ts); a digest
   * of the stored text is a millisecond, and any change of the result (here or by another server)
   * changes it.
   */
  const claimIds = new Map<number, { digest: string; ids: Set<string> }>()
  const checkRow = async (tx: Db, id: number): Promise<CheckRow | undefined> =>
    (await tx.query<CheckRow>(`SELECT ${CHECK_COLUMNS} FROM checks c WHERE c.id = $1`, [id]))[0]

  /**
   * Locks the check's row for the transaction; false when there is no such check. Only the id is
   * read: the result (hundreds of KB for a long story) would be read, sent and parsed while every
   * other editor's decide waits for the lock.
   */
  const lockCheck = async (tx: Db, id: number): Promise<boolean> =>
    (await tx.query('SELECT id FROM checks WHERE id = $1 FOR UPDATE', [id])).length > 0

  const historyLinks = (tx: Db, checkId: number): Promise<HistoryLink[]> =>
    tx.query<HistoryLink>('SELECT id, undoes, redoes FROM decision_history WHERE check_id = $1 ORDER BY id', [
      checkId
    ])

  /** Writes one decision and its entry; the caller holds the transaction and the check's lock. */
  async function write(
    tx: Db,
    input: DecisionInput,
    actor: string | null,
    link: { undoes?: number; redoes?: number } = {}
  ): Promise<SavedDecision> {
    const at = now()
    const [beforeRow] = await tx.query<DecisionRow>(
      `SELECT ${DECISION_COLUMNS} FROM decisions WHERE check_id = $1 AND claim_id = $2`,
      [input.checkId, input.claimId]
    )
    const before = beforeRow ? toDecision(beforeRow) : null
    if (input.version !== undefined && input.version !== (before?.version ?? 0))
      throw staleDecision(input, before)
    const decision = { ...nextDecision(input, before, at), actor }
    // Written only over the version read: a row another transaction inserted or changed since
    // then is left alone, and the decide refused.
    const written = await tx.query(
      `INSERT INTO decisions (check_id, claim_id, status, corrected_text, note, pinned_json, publish,
         public_explanation, updated_at, version, actor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (check_id, claim_id) DO UPDATE SET status = excluded.status,
         corrected_text = excluded.corrected_text, note = excluded.note, pinned_json = excluded.pinned_json,
         publish = excluded.publish, public_explanation = excluded.public_explanation,
         updated_at = excluded.updated_at, version = excluded.version, actor = excluded.actor
       WHERE decisions.version = excluded.version - 1
       RETURNING version`,
      [
        input.checkId,
        input.claimId,
        decision.status,
        decision.correctedText,
        decision.note,
        JSON.stringify(decision.pinned),
        decision.publish,
        decision.publicExplanation,
        at,
        decision.version,
        actor
      ]
    )
    if (written.length === 0) {
      const [latest] = await tx.query<DecisionRow>(
        `SELECT ${DECISION_COLUMNS} FROM decisions WHERE check_id = $1 AND claim_id = $2`,
        [input.checkId, input.claimId]
      )
      throw staleDecision(input, latest ? toDecision(latest) : null)
    }
    const [entry] = await tx.query<{ id: number }>(
      `INSERT INTO decision_history (check_id, claim_id, at, before_json, after_json, undoes, redoes, actor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        input.checkId,
        input.claimId,
        at,
        before ? JSON.stringify(before) : null,
        JSON.stringify(decision),
        link.undoes ?? null,
        link.redoes ?? null,
        actor
      ]
    )
    await tx.query('UPDATE checks SET updated_at = $1 WHERE id = $2', [at, input.checkId])
    const notice: DecisionNotice = { checkId: input.checkId, entryId: entry!.id }
    await tx.query('SELECT pg_notify($1, $2)', [notices.name, JSON.stringify(notice)])
    return {
      decision,
      entry: { id: entry!.id, claimId: input.claimId, at, before, after: decision, ...link, actor }
    }
  }

  const replay = (
    checkId: number,
    side: 'undo' | 'redo',
    entryId: number | undefined,
    actor: string | null
  ): Promise<SavedDecision | null> =>
    db.transaction(async (tx) => {
      if (!(await lockCheck(tx, checkId))) return null
      const stacks = undoStacks(await historyLinks(tx, checkId))
      const targetId = (side === 'undo' ? stacks.done : stacks.undone).at(-1)
      if (entryId !== undefined && targetId !== entryId) throw changedMeanwhile(side, undoStateOf(stacks))
      if (targetId === undefined) return null
      const [row] = await tx.query<HistoryRow>(
        `SELECT ${HISTORY_COLUMNS} FROM decision_history WHERE id = $1`,
        [targetId]
      )
      const target = toHistoryEntry(row!)
      return write(
        tx,
        replayInput(checkId, target, side),
        actor,
        side === 'undo' ? { undoes: targetId } : { redoes: targetId }
      )
    })

  /**
   * A notice read back for this server's watchers of its check, in the order the notices came
   * (each waits for the one before), from the entry: it holds the decision as written.
   */
  let delivered: Promise<void> = Promise.resolve()
  function onNotice(payload: string): void {
    let notice: DecisionNotice
    try {
      notice = JSON.parse(payload) as DecisionNotice
    } catch {
      return // the channel is the store's own, but a stray NOTIFY must not throw in the client
    }
    // A review step's notice shares the channel and names no entry.
    if (typeof notice.entryId !== 'number' || !feed.watching(notice.checkId)) return
    delivered = delivered
      .then(async () => {
        const [row] = await db.query<HistoryRow>(
          `SELECT ${HISTORY_COLUMNS} FROM decision_history WHERE id = $1`,
          [notice.entryId]
        )
        if (!row) return
        const entry = toHistoryEntry(row)
        feed.publish(notice.checkId, {
          decision: { ...entry.after, version: entry.after.version ?? 0 },
          entry
        })
      })
      .catch(() => {})
  }

  /** The check's summary after a change, or null when there is no such check. */
  const changed = async (rows: unknown[], id: number, result: CheckResult) => {
    if (rows.length === 0) return null
    const row = await checkRow(db, id)
    return row ? toCheckSummary(row, result) : null
  }

  return {
    async create({ storyId, title, sourceIds, result }) {
      const at = now()
      const [inserted] = await db.query<{ id: number }>(
        `INSERT INTO checks (story_id, title, source_ids_json, result_json, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
        [storyId, title, sourceIds ? JSON.stringify(sourceIds) : null, JSON.stringify(result), at]
      )
      return toCheckSummary((await checkRow(db, inserted!.id))!, result)
    },
    async list() {
      const rows = await db.query<CheckRow>(
        `SELECT ${CHECK_COLUMNS} FROM checks c ORDER BY c.updated_at DESC, c.id DESC`
      )
      return rows.map((row) => toCheckSummary(row))
    },
    async get(id) {
      const row = await checkRow(db, id)
      if (!row) return null
      const summary = toCheckSummary(row)
      return { summary, result: JSON.parse(row.result_json) as CheckResult }
    },
    async hasClaim(checkId, claimId) {
      const [row] = await db.query<{ digest: string }>(
        'SELECT md5(result_json) AS digest FROM checks WHERE id = $1',
        [checkId]
      )
      if (!row) return null
      let known = claimIds.get(checkId)
      if (known?.digest !== row.digest) {
        // Read with its digest in one statement, so the ids kept are those of the digest kept.
        const [fresh] = await db.query<{ digest: string; result_json: string }>(
          'SELECT md5(result_json) AS digest, result_json FROM checks WHERE id = $1',
          [checkId]
        )
        if (!fresh) return null
        const result = JSON.parse(fresh.result_json) as CheckResult
        known = { digest: fresh.digest, ids: new Set(result.claims.map((c) => c.id)) }
        claimIds.delete(checkId)
        claimIds.set(checkId, known)
        // The checks decided on lately; a map keeps insertion order, so the first is the oldest.
        if (claimIds.size > CLAIM_ID_CHECKS) claimIds.delete(claimIds.keys().next().value!)
      }
      return known.ids.has(claimId)
    },
    async replaceResult(id, result) {
      const rows = await db.query(
        'UPDATE checks SET result_json = $1, updated_at = $2 WHERE id = $3 RETURNING id',
        [JSON.stringify(result), now(), id]
      )
      return changed(rows, id, result)
    },
    async retitle(storyId, title) {
      await db.query('UPDATE checks SET title = $1 WHERE story_id = $2', [title, storyId])
    },
    async replaceSources(id, sourceIds, result) {
      const rows = await db.query(
        'UPDATE checks SET source_ids_json = $1, result_json = $2, updated_at = $3 WHERE id = $4 RETURNING id',
        [sourceIds ? JSON.stringify(sourceIds) : null, JSON.stringify(result), now(), id]
      )
      return changed(rows, id, result)
    },
    async delete(id) {
      return (await db.query('DELETE FROM checks WHERE id = $1 RETURNING id', [id])).length > 0
    },
    async decisions(checkId) {
      const rows = await db.query<DecisionRow>(
        `SELECT ${DECISION_COLUMNS} FROM decisions WHERE check_id = $1 ORDER BY claim_id COLLATE "C"`,
        [checkId]
      )
      return rows.map(toDecision)
    },
    decide: (input, actor = null) =>
      db.transaction(async (tx) => ((await lockCheck(tx, input.checkId)) ? write(tx, input, actor) : null)),
    undo: (checkId, entryId, actor = null) => replay(checkId, 'undo', entryId, actor),
    redo: (checkId, entryId, actor = null) => replay(checkId, 'redo', entryId, actor),
    undoState: async (checkId) => undoStateOf(undoStacks(await historyLinks(db, checkId))),
    async watch(checkId, listener) {
      // Listening starts with the first watcher; from then on this server hears every decision.
      await notices.listen(onNotice)
      return feed.watch(checkId, listener)
    },
    async history(checkId, claimId) {
      const rows =
        claimId === undefined
          ? await db.query<HistoryRow>(
              `SELECT ${HISTORY_COLUMNS} FROM decision_history WHERE check_id = $1 ORDER BY id`,
              [checkId]
            )
          : await db.query<HistoryRow>(
              `SELECT ${HISTORY_COLUMNS} FROM decision_history WHERE check_id = $1 AND claim_id = $2 ORDER BY id`,
              [checkId, claimId]
            )
      return rows.map(toHistoryEntry)
    },
    async addEditorClaim(checkId, claim) {
      const at = now()
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO manual_claims (check_id, start, "end", kind, added_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (check_id, start, "end") DO NOTHING RETURNING id`,
        [checkId, claim.start, claim.end, claim.kind, at]
      )
      return row ? { rowId: row.id, ...claim, addedAt: at } : null
    },
    async editorClaims(checkId) {
      const rows = await db.query<{
        id: number
        kind: ClaimKind
        start: number
        end: number
        added_at: string
      }>('SELECT id, kind, start, "end", added_at FROM manual_claims WHERE check_id = $1 ORDER BY id', [
        checkId
      ])
      return rows.map((r) => ({ rowId: r.id, kind: r.kind, start: r.start, end: r.end, addedAt: r.added_at }))
    }
  }
}
