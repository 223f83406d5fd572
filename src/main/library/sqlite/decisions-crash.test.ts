// Kills a process in the middle of a burst of decisions and checks the library it leaves: whole,
// every acknowledged decision kept, and no decision without the history entry that records it.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CheckResult } from '../../../shared/check'
import type { Decision } from '../../../shared/workbench'
import { openLibrary } from './index'
import { consistencyProblems } from '../../../test-support/library/consistency'
import type { DecisionAck } from '../../../test-support/library/decide-many'
import { bytesOf, makeDoc } from '../../../test-support/library/docs'

const CHILD = join(__dirname, '..', '..', '..', 'test-support', 'library', 'decide-many.ts')
/** More than any round gets through: every round ends in a SIGKILL, never in the loop's end. */
const TOTAL = 1_000_000
/**
 * Acknowledgements to wait for before each kill: twelve kills, each at a different moment. A kill
 * is a sample: the more of them, the surer a store that can be caught half-way is caught.
 */
const KILL_AFTER = Array.from({ length: 12 }, (_, i) => 5 * (i + 1))

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-decisions-crash-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

interface HistoryRow {
  id: number
  check_id: number
  claim_id: string
  at: string
  after_json: string
}

/** Decision rows as the Decision JSON a history entry records, built by SQLite from the columns. */
const DECISIONS_AS_JSON = `SELECT check_id, claim_id, json_object('claimId', claim_id, 'status', status,
    'correctedText', corrected_text, 'note', note, 'pinned', json(pinned_json),
    'publish', json(CASE publish WHEN 1 THEN 'true' ELSE 'false' END), 'publicExplanation', public_explanation,
    'updatedAt', updated_at, 'version', version, 'actor', actor) AS json
  FROM decisions`

function readStore(path: string): {
  decisions: Array<{ check_id: number; claim_id: string; json: string }>
  history: HistoryRow[]
} {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return {
      decisions: db
        .prepare<[], { check_id: number; claim_id: string; json: string }>(DECISIONS_AS_JSON)
        .all(),
      history: db
        .prepare<[], HistoryRow>(
          'SELECT id, check_id, claim_id, at, after_json FROM decision_history ORDER BY id'
        )
        .all()
    }
  } finally {
    db.close()
  }
}

/**
 * What a decision written apart from its history looks like: a decision row whose claim has no
 * history, or whose last history entry records something else than the row holds.
 */
function decisionProblems(path: string): string[] {
  const { decisions, history } = readStore(path)
  const last = new Map<string, HistoryRow>()
  for (const entry of history) last.set(`${entry.check_id}/${entry.claim_id}`, entry)
  const problems: string[] = []
  for (const row of decisions) {
    const key = `${row.check_id}/${row.claim_id}`
    const entry = last.get(key)
    if (!entry) problems.push(`decision ${key} has no history entry`)
    else if (!isDeepStrictEqual(JSON.parse(entry.after_json), JSON.parse(row.json))) {
      problems.push(`decision ${key} differs from its last history entry ${entry.id}`)
    }
  }
  // The reverse: a claim's last history entry with no decision row behind it.
  const decided = new Set(decisions.map((row) => `${row.check_id}/${row.claim_id}`))
  for (const [key, entry] of last) {
    if (!decided.has(key))
      problems.push(`history entry ${entry.id} records a decision ${key} that is not there`)
  }
  return problems
}

/** Runs the child until `atLeast` acknowledgements have arrived, SIGKILLs it, returns every one it sent. */
async function decideUntilKilled(path: string, round: number, atLeast: number): Promise<DecisionAck[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, String(TOTAL), String(round)], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const acks: DecisionAck[] = []
  let pending = ''
  let stderr = ''
  let killed = false
  let failed: Error | null = null
  const timer = setTimeout(() => {
    failed = new Error(`round ${round}: only ${acks.length} acknowledgements in 60 s; ${stderr}`)
    child.kill('SIGKILL')
  }, 60_000)
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n')
    pending = lines.pop() ?? '' // a line cut between two chunks waits for its end
    for (const line of lines) {
      if (line.startsWith('ack ')) acks.push(JSON.parse(line.slice(4)) as DecisionAck)
    }
    if (!killed && acks.length >= atLeast) {
      killed = true
      // Not at once: the kill would then always land the same short time after an acknowledgement,
      // early in the next decision. A random delay spreads the kills over the whole loop.
      setTimeout(() => child.kill('SIGKILL'), Math.random() * 25)
    }
  })
  // 'close' comes after the last of stdout has been read: lines already in the pipe still count.
  const ended = await new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('close', (code, signal) => resolve(signal ?? code))
  )
  clearTimeout(timer)
  if (failed) throw failed
  if (ended !== 'SIGKILL') throw new Error(`round ${round}: the child ended with ${String(ended)}: ${stderr}`)
  return acks
}

describe('a crash during a burst of decisions', () => {
  it('keeps every acknowledged decision, each with its history entry, through twelve SIGKILLs', async () => {
    const path = join(dir, 'library.sqlite')
    const acknowledged: DecisionAck[] = []
    for (const [index, atLeast] of KILL_AFTER.entries()) {
      const round = index + 1
      acknowledged.push(...(await decideUntilKilled(path, round, atLeast)))

      // Reopening is what the app does after a crash (WAL recovery included).
      expect(await consistencyProblems(path), `after kill ${round}`).toEqual([])
      expect(decisionProblems(path), `after kill ${round}`).toEqual([])

      const { decisions, history } = readStore(path)
      const byId = new Map(history.map((entry) => [entry.id, entry]))
      const missing = acknowledged.filter((ack) => {
        const entry = byId.get(ack.entryId)
        const after = entry ? (JSON.parse(entry.after_json) as Decision) : null
        return !(
          entry &&
          after &&
          entry.claim_id === ack.claimId &&
          entry.at === ack.at &&
          after.status === ack.status &&
          after.updatedAt === ack.at
        )
      })
      expect(missing, `acknowledged but lost after kill ${round}`).toEqual([])
      // Each claim's decision is its last acknowledged one or a later one the kill cut off before
      // its acknowledgement: never an older one.
      const lastAck = new Map(acknowledged.map((ack) => [ack.claimId, ack.entryId]))
      const lastEntry = new Map(history.map((entry) => [entry.claim_id, entry.id]))
      for (const [claimId, entryId] of lastAck) {
        expect(lastEntry.get(claimId)!, `claim ${claimId}`).toBeGreaterThanOrEqual(entryId)
      }
      expect(decisions).toHaveLength(lastEntry.size)
      // Writes are synchronous, so at most the one decision in flight per kill was saved unacknowledged.
      expect(history.length).toBeGreaterThanOrEqual(acknowledged.length)
      expect(history.length).toBeLessThanOrEqual(acknowledged.length + round)

      if (round === KILL_AFTER.length) {
        console.log(
          `decisions crash test: ${round} kills survived; ${acknowledged.length} decisions acknowledged, ` +
            `${acknowledged.length - missing.length} found with their history entry; ` +
            `${history.length - acknowledged.length} saved but killed before acknowledging; ` +
            `${decisions.length} claims decided`
        )
      }
    }
  }, 180_000)

  it('the check does notice a decision written without its history, and history without its decision', async () => {
    const path = join(dir, 'damaged.sqlite')
    const library = openLibrary(path)
    const doc = makeDoc(['A story.'])
    const story = await library.importDocument({
      fileName: 's.txt',
      bytes: bytesOf(doc.cleanedText),
      doc,
      role: 'story'
    })
    const { id: checkId } = await library.checks.create({
      storyId: story.id,
      title: 'story',
      sourceIds: null,
      result: { claims: [] } as unknown as CheckResult
    })
    for (const claimId of ['a', 'b', 'c']) {
      await library.checks.decide({
        checkId,
        claimId,
        status: 'verified',
        correctedText: null,
        note: null,
        pinned: []
      })
    }
    await library.close()
    expect(decisionProblems(path)).toEqual([])

    const db = new Database(path)

    // As a decide() that commits the decision and its history in two transactions, killed between them.
    db.prepare("UPDATE decisions SET status = 'disputed' WHERE claim_id = 'a'").run()
    db.prepare(
      "INSERT INTO decisions (check_id, claim_id, status, pinned_json, updated_at) VALUES (?, 'd', 'verified', '[]', 'now')"
    ).run(checkId)
    db.prepare("DELETE FROM decisions WHERE claim_id = 'c'").run()
    db.close()
    expect(decisionProblems(path)).toEqual([
      `decision ${checkId}/a differs from its last history entry 1`,
      `decision ${checkId}/d has no history entry`,
      `history entry 3 records a decision ${checkId}/c that is not there`
    ])
  })
})
