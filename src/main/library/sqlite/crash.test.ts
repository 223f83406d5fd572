// Kills an importer mid-run and checks the library it leaves: every text whole or absent.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from './index'
import { INDEX_BATCH_TEXTS } from './library'
import { consistencyProblems } from '../../../test-support/library/consistency'
import { bytesOf, makeDoc } from '../../../test-support/library/docs'
import { generatedParagraphs } from '../../../test-support/library/generate'

const CHILD = join(__dirname, '..', '..', '..', 'test-support', 'library', 'import-many.ts')
const TOTAL = 5000
const KILL_EVERY = 200
const ROUNDS = 5

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-crash-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Texts committed so far, read as another process would (the importer holds the write lock). */
function committedTexts(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true })
    try {
      return (db.prepare('SELECT count(*) AS n FROM texts').get() as { n: number }).n
    } finally {
      db.close()
    }
  } catch {
    return 0 // not created or not migrated yet
  }
}

/** Starts the importer, waits until `atLeast` texts are committed, SIGKILLs it; returns the count seen. */
async function importUntilKilled(path: string, atLeast: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, String(TOTAL)], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code))
  )
  const deadline = Date.now() + 60_000
  let seen = 0
  while ((seen = committedTexts(path)) < atLeast) {
    if (child.exitCode !== null) throw new Error(`the importer exited early: ${stderr}`)
    if (Date.now() > deadline) throw new Error(`the importer committed only ${seen} texts in 60 s`)
    await sleep(10)
  }
  child.kill('SIGKILL')
  expect(await exited).toBe('SIGKILL')
  return seen
}

describe('a crash during import', () => {
  it('leaves every text whole or absent, and both indexes intact', async () => {
    const path = join(dir, 'library.sqlite')
    // Several kills, each resuming the same import (texts already in are duplicates and skipped):
    // each kill is another chance to land inside a text, so a store that commits a text piecemeal
    // fails this test nearly every run rather than now and then.
    for (let round = 1; round <= ROUNDS; round++) {
      const seen = await importUntilKilled(path, round * KILL_EVERY)
      const survived = committedTexts(path)
      // Killed mid-run: some texts in, not all of them (else this round proved nothing).
      expect(survived).toBeGreaterThanOrEqual(seen)
      expect(survived).toBeLessThan(TOTAL)
      expect(await consistencyProblems(path), `after kill ${round}`).toEqual([])
    }
  }, 120_000)

  it('a kill between texts committing and their batch reaching the index loses nothing to search', async () => {
    const path = join(dir, 'library.sqlite')
    // The importer kills itself after a batch and a half: the first batch is indexed, the rest is
    // committed and waits above the index's mark, as when an importer dies between a text's
    // commit and its batch.
    const killAfter = INDEX_BATCH_TEXTS + INDEX_BATCH_TEXTS / 2
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, path, String(TOTAL), String(killAfter)],
      {
        stdio: ['ignore', 'ignore', 'pipe']
      }
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const ended = await new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code))
    )
    expect(ended, stderr).toBe('SIGKILL')
    const db = new Database(path, { readonly: true })
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n
    expect(count('SELECT count(*) AS n FROM texts')).toBe(killAfter)
    // The texts whose paragraphs wait above the index's mark.
    expect(
      count('SELECT count(DISTINCT text_id) AS n FROM paragraphs WHERE id > (SELECT upto FROM fts_indexed)')
    ).toBe(killAfter - INDEX_BATCH_TEXTS)
    db.close()
    // Reopened: every text is found by its own words, and the index matches the paragraphs.
    expect(await consistencyProblems(path)).toEqual([])
    const library = openLibrary(path)
    for (let n = 0; n < killAfter; n++) {
      expect(
        (await library.search(`"Report ${n} part 0"`, 5)).map((hit) => hit.title),
        `text ${n}`
      ).toContain(`Report ${n}`)
    }
    await library.close()
  }, 60_000)

  it('the check does notice a half-imported text and a broken full-text index', async () => {
    const path = join(dir, 'damaged.sqlite')
    const library = openLibrary(path)
    for (let n = 0; n < 3; n++) {
      const doc = makeDoc(generatedParagraphs(n))
      await library.importDocument({
        fileName: `${n}.txt`,
        bytes: bytesOf(doc.cleanedText),
        doc,
        role: 'source'
      })
    }
    await library.close()
    expect(await consistencyProblems(path)).toEqual([])

    const db = new Database(path)
    db.prepare('DELETE FROM paragraphs WHERE text_id = 2 AND idx = 1').run()
    expect(await consistencyProblems(path)).toEqual([
      expect.stringMatching(/^text 2 has \d+ of its \d+ paragraphs$/)
    ])
    // A paragraph that bypassed the index although the index claims it (it is below the mark of
    // what is indexed): FTS5's check against its content table must object.
    db.prepare("INSERT INTO paragraphs (text_id, idx, start, text) VALUES (2, 99, 0, 'unindexed')").run()
    db.prepare('UPDATE fts_indexed SET upto = (SELECT max(id) FROM paragraphs)').run()
    db.close()
    expect((await consistencyProblems(path)).some((p) => p.startsWith('full-text index:'))).toBe(true)
  })
})
