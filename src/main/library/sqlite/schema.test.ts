import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../../shared/errors'
import { openLibrary } from './index'
import { MIGRATIONS, migrate, SCHEMA_VERSION, schemaVersion } from './schema'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-schema-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

interface TextRow {
  id: number
  role: 'story' | 'source'
  title: string
  cleaned: string
  importedAt: string
  words: number
}

/**
 * A row of texts as plain SQL at schema `version` writes it (file old.txt holding "Hi", hash
 * "hash-ID"); its paragraphs are the caller's.
 */
function insertText(db: Database.Database, row: TextRow, version: number): void {
  if (version < 10) {
    db.prepare(
      `INSERT INTO texts (id, role, format, file_name, title, encoding, content_hash, original_bytes,
         original_text, cleaned_text, imported_at, word_count)
       VALUES (@id, @role, 'txt', 'old.txt', @title, 'utf-8', 'hash-' || @id, x'4869', 'Hi', @cleaned,
         @importedAt, @words)`
    ).run(row)
    return
  }
  db.prepare(
    `INSERT INTO texts (id, role, format, file_name, title, encoding, content_hash, imported_at, word_count,
       original_length)
     VALUES (@id, @role, 'txt', 'old.txt', @title, 'utf-8', 'hash-' || @id, @importedAt, @words, 2)`
  ).run(row)
  db.prepare(
    `INSERT INTO text_bodies (text_id, original_head, cleaned_text, original_text, original_bytes)
     VALUES (@id, 'Hi', @cleaned, 'Hi', x'4869')`
  ).run(row)
}

/** Data written with plain SQL as a build of schema `version` would have written it. */
function seedAtVersion(db: Database.Database, version: number): void {
  if (version >= 1) {
    insertText(
      db,
      {
        id: 7,
        role: 'story',
        title: 'Old text',
        cleaned: 'Kamikawa visited Kyiv.\n\nSecond paragraph.',
        importedAt: '2024-01-01T00:00:00.000Z',
        words: 5
      },
      version
    )
    const paragraph = db.prepare('INSERT INTO paragraphs (text_id, idx, start, text) VALUES (7, ?, ?, ?)')
    const index = db.prepare('INSERT INTO paragraphs_fts (rowid, text) VALUES (?, ?)')
    for (const [idx, start, text] of [
      [0, 0, 'Kamikawa visited Kyiv.'],
      [1, 24, 'Second paragraph.']
    ] as const) {
      index.run(paragraph.run(idx, start, text).lastInsertRowid, text)
    }
  }
  if (version >= 2) {
    db.prepare("INSERT INTO house_names (name, added_at) VALUES ('Yoko Kamikawa', '2024-01-01')").run()
  }
  if (version >= 3) {
    const result = JSON.stringify({
      version: 1,
      story: { id: 7, title: 'Old text', publishedAt: null },
      sources: [],
      claims: [],
      generatedAt: '2024-01-01T00:00:00.000Z'
    })
    db.prepare(
      `INSERT INTO checks (id, story_id, title, result_json, created_at, updated_at)
       VALUES (3, 7, 'Old text', ?, '2024-01-01', '2024-01-01')`
    ).run(result)
    db.prepare(
      `INSERT INTO decisions (check_id, claim_id, status, note, updated_at)
       VALUES (3, 'date-0', 'verified', 'kept', '2024-01-01')`
    ).run()
    db.prepare(
      `INSERT INTO decision_history (check_id, claim_id, at, before_json, after_json)
       VALUES (3, 'date-0', '2024-01-01', NULL, ?)`
    ).run(
      JSON.stringify({
        claimId: 'date-0',
        status: 'verified',
        correctedText: null,
        note: 'kept',
        pinned: [],
        updatedAt: '2024-01-01'
      })
    )
  }
  if (version >= 5) {
    // What is indexed so far (the text above) is below the index's mark, as a batch leaves it; then
    // a text committed but not yet indexed (its paragraph waits above the mark for the next
    // batch), as an importer killed before its batch leaves it.
    db.prepare('UPDATE fts_indexed SET upto = (SELECT max(id) FROM paragraphs)').run()
    insertText(
      db,
      {
        id: 8,
        role: 'source',
        title: 'Waiting text',
        cleaned: 'Sybiha waited in Kyiv.',
        importedAt: '2024-01-02T00:00:00.000Z',
        words: 4
      },
      version
    )
    db.prepare(
      "INSERT INTO paragraphs (text_id, idx, start, text) VALUES (8, 0, 0, 'Sybiha waited in Kyiv.')"
    ).run()
  }
}

/** Texts seedAtVersion writes at `version`. */
const seededTexts = (version: number): number => (version >= 5 ? 2 : version >= 1 ? 1 : 0)

describe('migrations', () => {
  it('gives each decision of an older library its version: one per history entry of its claim', async () => {
    const file = join(dir, 'versions.sqlite')
    const old = new Database(file)
    migrate(old, 7)
    seedAtVersion(old, 7)
    const entry = old.prepare(
      `INSERT INTO decision_history (check_id, claim_id, at, before_json, after_json) VALUES (3, ?, '2024-01-02', NULL, ?)`
    )
    const after = (claimId: string) =>
      JSON.stringify({
        claimId,
        status: 'verified',
        correctedText: null,
        note: null,
        pinned: [],
        updatedAt: '2024-01-02'
      })
    entry.run('date-0', after('date-0'))
    entry.run('date-0', after('date-0'))
    // A decision whose history was lost still counts as decided once.
    old
      .prepare(
        `INSERT INTO decisions (check_id, claim_id, status, updated_at) VALUES (3, 'date-9', 'disputed', '2024-01-02')`
      )
      .run()
    old.close()
    const library = openLibrary(file)
    expect((await library.checks.decisions(3)).map((d) => [d.claimId, d.version])).toEqual([
      ['date-0', 3],
      ['date-9', 1]
    ])
    await expect(
      library.checks.decide({
        checkId: 3,
        claimId: 'date-0',
        status: 'open',
        correctedText: null,
        note: null,
        pinned: [],
        version: 2
      })
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    await library.close()
  })

  it('has one migration per schema version', () => {
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length)
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2)
  })

  for (let version = 0; version < SCHEMA_VERSION; version++) {
    it(`upgrades a library written at schema ${version} and keeps its data`, async () => {
      const file = join(dir, `v${version}.sqlite`)
      const old = new Database(file)
      migrate(old, version)
      expect(schemaVersion(old)).toBe(version)
      seedAtVersion(old, version)
      old.close()

      const library = openLibrary(file)
      expect(await library.count()).toBe(seededTexts(version))
      if (version >= 1) {
        expect(await library.get(7)).toMatchObject({
          title: 'Old text',
          paragraphCount: 2,
          originalText: 'Hi',
          cleanedText: 'Kamikawa visited Kyiv.\n\nSecond paragraph.'
        })
        expect(await library.read(7, 0, 10, 1)).toMatchObject({ originalText: 'H', originalLength: 2 })
        expect(await library.originalBytes(7)).toEqual(new Uint8Array([0x48, 0x69]))
        expect((await library.search('kamikawa', 10)).map((h) => h.textId)).toEqual([7])
        // Its headline, indexed by the upgrade.
        expect((await library.search('old', 10)).map((h) => [h.field, h.textId])).toEqual([['headline', 7]])
      }
      if (version >= 5) expect((await library.search('sybiha', 10)).map((h) => h.textId)).toEqual([8])
      expect((await library.listHouseNames()).map((n) => n.name)).toEqual(
        version >= 2 ? ['Yoko Kamikawa'] : []
      )
      // A decision from before publishing was a choice is not published.
      expect(
        (await library.checks.decisions(3)).map((d) => [
          d.claimId,
          d.status,
          d.note,
          d.publish,
          d.publicExplanation
        ])
      ).toEqual(version >= 3 ? [['date-0', 'verified', 'kept', false, null]] : [])
      // A decision made before undo was kept in the history can be undone after the upgrade.
      if (version >= 3) {
        expect(await library.checks.undoState(3)).toMatchObject({ canUndo: true, canRedo: false })
        expect((await library.checks.undo(3))?.decision).toMatchObject({ claimId: 'date-0', status: 'open' })
      }
      // The new table works after the upgrade.
      await library.addHouseName('Andrii Sybiha')
      expect(await library.integrityCheck()).toEqual({ ok: true, problems: [] })
      await library.close()

      const check = new Database(file, { readonly: true })
      expect(schemaVersion(check)).toBe(SCHEMA_VERSION)
      check.close()
    })
  }

  it('schema 7 indexes the headlines of an older library and gives its decisions and their history the publishing fields', () => {
    const file = join(dir, 'v5.sqlite')
    const old = new Database(file)
    migrate(old, 5)
    seedAtVersion(old, 5)
    old
      .prepare(
        `INSERT INTO decision_history (check_id, claim_id, at, before_json, after_json)
         VALUES (3, 'date-0', '2024-01-01', NULL, '{"claimId":"date-0","status":"verified","note":"kept"}')`
      )
      .run()
    migrate(old, 7)
    const titles = (match: string): number[] =>
      old
        .prepare<[string], { id: number }>(
          'SELECT rowid AS id FROM titles_fts WHERE titles_fts MATCH ? ORDER BY rowid'
        )
        .all(match)
        .map((r) => r.id)
    // Text 8's paragraphs still wait for their batch; its headline is indexed with the rest.
    expect(titles('text')).toEqual([7, 8])
    expect(titles('waiting')).toEqual([8])
    expect(old.prepare('SELECT publish, public_explanation FROM decisions').all()).toEqual([
      { publish: 0, public_explanation: null }
    ])
    // Every entry gets the two fields, the one made by hand here as the ones seeded before.
    const history = old.prepare<[], { after_json: string }>('SELECT after_json FROM decision_history').all()
    expect(history.length).toBeGreaterThan(0)
    for (const entry of history)
      expect(JSON.parse(entry.after_json)).toMatchObject({
        claimId: 'date-0',
        status: 'verified',
        note: 'kept',
        publish: false,
        publicExplanation: null
      })
    old.close()
  })

  it('opens a current library holding texts that wait for the index, and indexes them', async () => {
    const file = join(dir, 'waiting.sqlite')
    const current = new Database(file)
    migrate(current)
    seedAtVersion(current, SCHEMA_VERSION)
    current.close()
    const library = openLibrary(file)
    expect(await library.count()).toBe(seededTexts(SCHEMA_VERSION))
    expect((await library.search('kyiv', 10)).map((h) => h.textId).sort()).toEqual([7, 8])
    expect(await library.integrityCheck()).toEqual({ ok: true, problems: [] })
    await library.close()
  })

  it('opens a current library without migrating it again', async () => {
    const file = join(dir, 'current.sqlite')
    await openLibrary(file).close()
    const library = openLibrary(file)
    expect(await library.count()).toBe(0)
    await library.close()
  })

  it.each(['delete', 'wal'])(
    'refuses a library from a newer build (journal %s) and leaves it byte for byte as it was',
    (journal) => {
      const file = join(dir, 'future.sqlite')
      const future = new Database(file)
      future.pragma(`journal_mode = ${journal}`)
      migrate(future)
      future.exec('CREATE TABLE from_the_future (x)')
      future.pragma(`user_version = ${SCHEMA_VERSION + 3}`)
      future.close()
      const before = readFileSync(file)
      const filesBefore = readdirSync(dir)

      let thrown: unknown
      try {
        openLibrary(file)
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(ApiError)
      expect((thrown as ApiError).code).toBe('LIBRARY_TOO_NEW')
      expect((thrown as ApiError).message).toBe(
        `future.sqlite was written by a newer version of Factdesk (schema ${SCHEMA_VERSION + 3}; this version reads up to ${SCHEMA_VERSION}). Open it with the newer version; it has not been changed.`
      )
      expect(readFileSync(file).equals(before)).toBe(true)
      expect(readdirSync(dir)).toEqual(filesBefore)
    }
  )

  it('uses WAL with foreign keys on for a file library', async () => {
    const file = join(dir, 'wal.sqlite')
    await openLibrary(file).close()
    const db = new Database(file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })
})
