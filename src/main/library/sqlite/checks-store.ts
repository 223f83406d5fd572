// Checks and decisions in SQLite. A decision and its history entry are written in one
// transaction, so an acknowledged decision is never without its history, nor the reverse. The
// transaction takes the write lock as it begins (IMMEDIATE), so the version a decide is checked
// against cannot change before it writes, even from another process on the same file.
import type { Database } from 'better-sqlite3'
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

export function createChecksStore(
  db: Database,
  now: () => string = () => new Date().toISOString()
): ChecksStore {
  const HISTORY_COLUMNS = 'id, claim_id, at, before_json, after_json, undoes, redoes, actor'
  // "Decided" counts claims with a status other than open that still exist in the result.
  const CHECK_COLUMNS = `c.id, c.story_id, c.title, c.source_ids_json, c.result_json, c.created_at, c.updated_at,
    (SELECT count(*) FROM decisions d WHERE d.check_id = c.id AND d.status <> 'open') AS decided`
  const stmt = {
    insert: db.prepare(
      `INSERT INTO checks (story_id, title, source_ids_json, result_json, created_at, updated_at)
       VALUES (@storyId, @title, @sourceIds, @result, @at, @at)`
    ),
    list: db.prepare<[], CheckRow>(
      `SELECT ${CHECK_COLUMNS} FROM checks c ORDER BY c.updated_at DESC, c.id DESC`
    ),
    get: db.prepare<[number], CheckRow>(`SELECT ${CHECK_COLUMNS} FROM checks c WHERE c.id = ?`),
    /** Whether the check exists: what a decide, undo or redo needs to know, without its result. */
    exists: db.prepare<[number], { id: number }>('SELECT id FROM checks WHERE id = ?'),
    hasClaim: db.prepare<[string, number], { found: number }>(
      `SELECT EXISTS (SELECT 1 FROM json_each(c.result_json, '$.claims') j
         WHERE json_extract(j.value, '$.id') = ?) AS found FROM checks c WHERE c.id = ?`
    ),
    replaceResult: db.prepare<[string, string, number]>(
      'UPDATE checks SET result_json = ?, updated_at = ? WHERE id = ?'
    ),
    replaceSources: db.prepare<[string | null, string, string, number]>(
      'UPDATE checks SET source_ids_json = ?, result_json = ?, updated_at = ? WHERE id = ?'
    ),
    touch: db.prepare<[string, number]>('UPDATE checks SET updated_at = ? WHERE id = ?'),
    retitle: db.prepare<[string, number]>('UPDATE checks SET title = ? WHERE story_id = ?'),
    delete: db.prepare<[number]>('DELETE FROM checks WHERE id = ?'),
    decisions: db.prepare<[number], DecisionRow>(
      `SELECT ${DECISION_COLUMNS} FROM decisions WHERE check_id = ? ORDER BY claim_id`
    ),
    decision: db.prepare<[number, string], DecisionRow>(
      `SELECT ${DECISION_COLUMNS} FROM decisions WHERE check_id = ? AND claim_id = ?`
    ),
    // Written only over the version read: a row changed since then is left alone (no change).
    upsert: db.prepare(
      `INSERT INTO decisions (check_id, claim_id, status, corrected_text, note, pinned_json, publish,
         public_explanation, updated_at, version, actor)
       VALUES (@checkId, @claimId, @status, @correctedText, @note, @pinned, @publish, @publicExplanation, @at,
         @version, @actor)
       ON CONFLICT (check_id, claim_id) DO UPDATE SET status = excluded.status,
         corrected_text = excluded.corrected_text, note = excluded.note,
         pinned_json = excluded.pinned_json, publish = excluded.publish,
         public_explanation = excluded.public_explanation, updated_at = excluded.updated_at,
         version = excluded.version, actor = excluded.actor
       WHERE decisions.version = excluded.version - 1`
    ),
    addHistory: db.prepare(
      `INSERT INTO decision_history (check_id, claim_id, at, before_json, after_json, undoes, redoes, actor)
       VALUES (@checkId, @claimId, @at, @before, @after, @undoes, @redoes, @actor)`
    ),
    history: db.prepare<[number], HistoryRow>(
      `SELECT ${HISTORY_COLUMNS} FROM decision_history WHERE check_id = ? ORDER BY id`
    ),
    historyForClaim: db.prepare<[number, string], HistoryRow>(
      `SELECT ${HISTORY_COLUMNS} FROM decision_history WHERE check_id = ? AND claim_id = ? ORDER BY id`
    ),
    historyEntry: db.prepare<[number], HistoryRow>(
      `SELECT ${HISTORY_COLUMNS} FROM decision_history WHERE id = ?`
    ),
    historyLinks: db.prepare<[number], HistoryLink>(
      'SELECT id, undoes, redoes FROM decision_history WHERE check_id = ? ORDER BY id'
    )
  }

  const editorStmt = {
    insert: db.prepare(
      `INSERT INTO manual_claims (check_id, start, end, kind, added_at) VALUES (@checkId, @start, @end, @kind, @at)
       ON CONFLICT (check_id, start, end) DO NOTHING`
    ),
    list: db.prepare<[number], { id: number; kind: ClaimKind; start: number; end: number; added_at: string }>(
      'SELECT id, kind, start, end, added_at FROM manual_claims WHERE check_id = ? ORDER BY id'
    )
  }

  const summary = toCheckSummary

  const toEntry = toHistoryEntry
  const feed = createDecisionFeed()

  /** Writes one decision and its entry; the caller holds the transaction and has checked the check exists. */
  function write(
    input: DecisionInput,
    actor: string | null,
    link: { undoes?: number; redoes?: number } = {}
  ): SavedDecision {
    const at = now()
    const beforeRow = stmt.decision.get(input.checkId, input.claimId)
    const before = beforeRow ? toDecision(beforeRow) : null
    if (input.version !== undefined && input.version !== (before?.version ?? 0))
      throw staleDecision(input, before)
    const decision = { ...nextDecision(input, before, at), actor }
    const written = stmt.upsert.run({
      checkId: input.checkId,
      claimId: input.claimId,
      status: decision.status,
      correctedText: decision.correctedText,
      note: decision.note,
      pinned: JSON.stringify(decision.pinned),
      publish: decision.publish ? 1 : 0,
      publicExplanation: decision.publicExplanation,
      at,
      version: decision.version,
      actor
    })
    if (written.changes === 0) {
      const latest = stmt.decision.get(input.checkId, input.claimId)
      throw staleDecision(input, latest ? toDecision(latest) : null)
    }
    const info = stmt.addHistory.run({
      checkId: input.checkId,
      claimId: input.claimId,
      at,
      before: before ? JSON.stringify(before) : null,
      after: JSON.stringify(decision),
      undoes: link.undoes ?? null,
      redoes: link.redoes ?? null,
      actor
    })
    stmt.touch.run(at, input.checkId)
    return {
      decision,
      entry: {
        id: Number(info.lastInsertRowid),
        claimId: input.claimId,
        at,
        before,
        after: decision,
        ...link,
        actor
      }
    }
  }

  const decideTx = db.transaction((input: DecisionInput, actor: string | null): SavedDecision | null =>
    stmt.exists.get(input.checkId) ? write(input, actor) : null
  )

  /** Undo writes the entry's "before" (a claim that had no decision goes back to open), Redo its "after". */
  const replayTx = db.transaction(
    (
      checkId: number,
      side: 'undo' | 'redo',
      entryId: number | undefined,
      actor: string | null
    ): SavedDecision | null => {
      if (!stmt.exists.get(checkId)) return null
      const stacks = undoStacks(stmt.historyLinks.all(checkId))
      const targetId = (side === 'undo' ? stacks.done : stacks.undone).at(-1)
      if (entryId !== undefined && targetId !== entryId) throw changedMeanwhile(side, undoStateOf(stacks))
      if (targetId === undefined) return null
      const target = toEntry(stmt.historyEntry.get(targetId)!)
      return write(
        replayInput(checkId, target, side),
        actor,
        side === 'undo' ? { undoes: targetId } : { redoes: targetId }
      )
    }
  )

  /** Watchers hear of a decision once it is committed, never of one rolled back. */
  function published(checkId: number, saved: SavedDecision | null): SavedDecision | null {
    if (saved) feed.publish(checkId, saved)
    return saved
  }

  return {
    async create({ storyId, title, sourceIds, result }) {
      const at = now()
      const info = stmt.insert.run({
        storyId,
        title,
        sourceIds: sourceIds ? JSON.stringify(sourceIds) : null,
        result: JSON.stringify(result),
        at
      })
      return summary(stmt.get.get(Number(info.lastInsertRowid))!, result)
    },
    list: async () => stmt.list.all().map((row) => summary(row)),
    async get(id) {
      const row = stmt.get.get(id)
      if (!row) return null
      const result = JSON.parse(row.result_json) as CheckResult
      return { summary: summary(row, result), result }
    },
    async hasClaim(checkId, claimId) {
      const row = stmt.hasClaim.get(claimId, checkId)
      return row ? row.found === 1 : null
    },
    async replaceResult(id, result) {
      if (stmt.replaceResult.run(JSON.stringify(result), now(), id).changes === 0) return null
      return summary(stmt.get.get(id)!, result)
    },
    async retitle(storyId, title) {
      stmt.retitle.run(title, storyId)
    },
    async replaceSources(id, sourceIds, result) {
      const ids = sourceIds ? JSON.stringify(sourceIds) : null
      if (stmt.replaceSources.run(ids, JSON.stringify(result), now(), id).changes === 0) return null
      return summary(stmt.get.get(id)!, result)
    },
    delete: async (id) => stmt.delete.run(id).changes > 0,
    decisions: async (checkId) => stmt.decisions.all(checkId).map(toDecision),
    decide: async (input, actor = null) => published(input.checkId, decideTx.immediate(input, actor)),
    undo: async (checkId, entryId, actor = null) =>
      published(checkId, replayTx.immediate(checkId, 'undo', entryId, actor)),
    redo: async (checkId, entryId, actor = null) =>
      published(checkId, replayTx.immediate(checkId, 'redo', entryId, actor)),
    undoState: async (checkId) => undoStateOf(undoStacks(stmt.historyLinks.all(checkId))),
    watch: async (checkId, listener) => feed.watch(checkId, listener),
    async addEditorClaim(checkId, claim) {
      const at = now()
      const info = editorStmt.insert.run({ checkId, ...claim, at })
      if (info.changes === 0) return null
      return { rowId: Number(info.lastInsertRowid), ...claim, addedAt: at }
    },
    editorClaims: async (checkId) =>
      editorStmt.list
        .all(checkId)
        .map((r) => ({ rowId: r.id, kind: r.kind, start: r.start, end: r.end, addedAt: r.added_at })),
    history: async (checkId, claimId) =>
      (claimId === undefined ? stmt.history.all(checkId) : stmt.historyForClaim.all(checkId, claimId)).map(
        toEntry
      )
  }
}
