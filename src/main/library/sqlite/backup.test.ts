import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../../shared/errors'
import { seedDemoLibrary } from '../../services/importer'
import { backupLibrary, restoreLibrary } from './backup'
import { openLibrary, type SqliteLibrary as Library } from './index'
import { migrate, SCHEMA_VERSION, schemaVersion } from './schema'
import { bytesOf, makeDoc } from '../../../test-support/library/docs'
import { generatedParagraphs } from '../../../test-support/library/generate'

const SAMPLES = join(__dirname, '../../../../resources/samples')
const FIXED_NOW = (): Date => new Date(2025, 0, 2, 3, 4, 5)
const KEPT = 'library.before-restore-20250102-030405.sqlite'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-backup-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function addTexts(library: Library, from: number, count: number): Promise<void> {
  for (let n = from; n < from + count; n++) {
    const doc = makeDoc(generatedParagraphs(n), { title: `Report ${n}` })
    await library.importDocument({
      fileName: `report-${n}.txt`,
      bytes: bytesOf(doc.cleanedText),
      doc,
      role: 'source'
    })
  }
}

/** A small library file: `texts` generated texts and a check with one decision. */
async function smallLibrary(path: string, texts: number): Promise<void> {
  const library = openLibrary(path)
  await addTexts(library, 0, texts)
  const { id } = await library.checks.create({
    storyId: 1,
    title: 'Report 0',
    sourceIds: null,
    result: JSON.parse(JSON.stringify({ claims: [] }))
  })
  await library.checks.decide({
    checkId: id,
    claimId: 'date-0',
    status: 'verified',
    correctedText: null,
    note: null,
    pinned: []
  })
  await library.close()
}

/** Everything a user would notice of a library, to compare two of them. */
async function contents(library: Library) {
  const checks = await library.checks.list()
  return {
    count: await library.count(),
    texts: (await library.list({ limit: 1000, offset: 0 })).texts.map((t) => [
      t.id,
      t.title,
      t.paragraphCount
    ]),
    search: (await library.search('kyiv', 50)).map((hit) => hit.textId),
    houseNames: (await library.listHouseNames()).map((n) => n.name),
    checks: checks.map((c) => [c.id, c.title, c.total, c.decided]),
    decisions: await Promise.all(checks.map(async (c) => await library.checks.decisions(c.id))),
    history: await Promise.all(checks.map(async (c) => (await library.checks.history(c.id)).length)),
    preferences: await library.preferences.get()
  }
}

function countIn(path: string, table: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  } catch {
    return 0 // the table is not there (yet)
  } finally {
    db.close()
  }
}

async function caught(work: () => unknown): Promise<ApiError> {
  try {
    await work()
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError)
    return error as ApiError
  }
  throw new Error('expected a refusal')
}

describe('backupLibrary', () => {
  it('copies a library in use, with what is only in its WAL, to one file that reopens equal', async () => {
    const path = join(dir, 'library.sqlite')
    const writer = openLibrary(path)
    await seedDemoLibrary(writer, SAMPLES) // the demo story and sources, a check, a house name
    await addTexts(writer, 0, 20)
    await writer.preferences.set({ newsroom: 'The Daily Check' })
    const [check] = await writer.checks.list()
    const claims = (await writer.checks.get(check!.id))!.result.claims
    for (const [n, status] of (['verified', 'disputed', 'corrected'] as const).entries()) {
      await writer.checks.decide({
        checkId: check!.id,
        claimId: claims[n]!.id,
        status,
        correctedText: status === 'corrected' ? 'the right wording' : null,
        note: `note ${n}`,
        pinned: []
      })
    }
    const expected = await contents(writer)
    expect(expected.decisions[0]).toHaveLength(3)
    expect(expected.search.length).toBeGreaterThan(0)

    // The writer has not checkpointed: its latest writes are in the WAL only, so a copy of the
    // main file alone would lose them.
    expect(existsSync(`${path}-wal`)).toBe(true)
    copyFileSync(path, join(dir, 'main-file-only.sqlite'))
    expect(countIn(join(dir, 'main-file-only.sqlite'), 'decisions')).toBeLessThan(3)

    // Made through another connection, while the writer still holds the library open.
    const other = openLibrary(path)
    const result = await backupLibrary(other, join(dir, 'backup.sqlite'))
    await other.close()
    expect(result).toEqual({ path: join(dir, 'backup.sqlite'), bytes: expect.any(Number) })
    expect(readdirSync(dir).filter((name) => name.includes('backup'))).toEqual(['backup.sqlite'])
    // One self-contained file: rollback journal mode in its header (bytes 18 and 19), no WAL beside it.
    const header = readFileSync(result.path).subarray(0, 20)
    expect([header[18], header[19]]).toEqual([1, 1])

    // The writer goes on; the backup is what was there when it was made.
    await addTexts(writer, 100, 2)
    await writer.close()
    const restored = openLibrary(result.path)
    expect(await contents(restored)).toEqual(expected)
    expect(await restored.integrityCheck()).toEqual({ ok: true, problems: [] })
    await restored.close()
  })

  it('refuses to replace an existing file unless asked, leaving it untouched', async () => {
    await smallLibrary(join(dir, 'library.sqlite'), 3)
    const dest = join(dir, 'backup.sqlite')
    writeFileSync(dest, 'an earlier file')
    const library = openLibrary(join(dir, 'library.sqlite'))
    const error = await caught(async () => await backupLibrary(library, dest))
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toBe(
      'backup.sqlite already exists. Choose another name for the backup; the existing file has not been touched.'
    )
    expect(readFileSync(dest, 'utf8')).toBe('an earlier file')

    await backupLibrary(library, dest, { overwrite: true })
    await library.close()
    expect(countIn(dest, 'texts')).toBe(3)
    expect(readdirSync(dir).sort()).toEqual(['backup.sqlite', 'library.sqlite'])
  })

  it('never writes over a library in use, even when asked to replace the file', async () => {
    const path = join(dir, 'library.sqlite')
    await smallLibrary(path, 2)
    const library = openLibrary(path)
    const error = await caught(async () => await backupLibrary(library, path, { overwrite: true }))
    expect(error.code).toBe('CONFLICT')
    expect(await library.count()).toBe(2)
    await library.close()
  })

  it('leaves nothing behind when the backup fails, and names a missing folder', async () => {
    const path = join(dir, 'library.sqlite')
    await smallLibrary(path, 2)
    const library = openLibrary(path)
    await library.close() // copying from a closed connection fails half-way through the work
    const failed = await caught(async () => await backupLibrary(library, join(dir, 'backup.sqlite')))
    expect(failed.code).toBe('INTERNAL')
    expect(failed.message).toMatch(
      /^The backup could not be written to .*backup\.sqlite: .*Nothing was written there\.$/
    )
    expect(readdirSync(dir)).toEqual(['library.sqlite'])

    const db = new Database(path)
    const missing = await caught(
      async () => await backupLibrary(db, join(dir, 'no-such-folder', 'backup.sqlite'))
    )
    db.close()
    expect(missing.code).toBe('NOT_FOUND')
    expect(missing.message).toBe(`The folder ${join(dir, 'no-such-folder')} does not exist.`)
  })
})

describe('restoreLibrary', () => {
  it('puts the backup in place and keeps the library it replaces beside it', async () => {
    const path = join(dir, 'library.sqlite')
    await smallLibrary(path, 4)
    const library = openLibrary(path)
    await backupLibrary(library, join(dir, 'backup.sqlite'))
    const atBackup = await contents(library)
    await addTexts(library, 50, 3) // work done after the backup: kept, not lost
    const afterwards = await contents(library)
    await library.close()
    const backupBytes = readFileSync(join(dir, 'backup.sqlite'))

    const result = await restoreLibrary(join(dir, 'backup.sqlite'), path, { now: FIXED_NOW })
    expect(result).toEqual({
      libraryPath: path,
      keptAs: join(dir, KEPT),
      backupVersion: SCHEMA_VERSION,
      version: SCHEMA_VERSION
    })
    // No stale WAL or index of the old file left beside the new one; the backup itself untouched.
    expect(readdirSync(dir).sort()).toEqual(['backup.sqlite', KEPT, 'library.sqlite'])
    expect(readFileSync(join(dir, 'backup.sqlite')).equals(backupBytes)).toBe(true)

    const restored = openLibrary(path)
    expect(await contents(restored)).toEqual(atBackup)
    await restored.close()
    const kept = openLibrary(join(dir, KEPT))
    expect(await contents(kept)).toEqual(afterwards)
    await kept.close()

    // A second restore in the same second keeps the first restore's library under another name.
    const again = await restoreLibrary(join(dir, 'backup.sqlite'), path, { now: FIXED_NOW })
    expect(again.keptAs).toBe(join(dir, 'library.before-restore-20250102-030405-2.sqlite'))
  })

  it('brings a backup from an older schema up to this version', async () => {
    const backup = join(dir, 'old-backup.sqlite')
    const old = new Database(backup)
    migrate(old, 2)
    old
      .prepare(
        `INSERT INTO texts (role, format, file_name, title, encoding, content_hash, original_bytes,
           original_text, cleaned_text, imported_at, word_count)
         VALUES ('source', 'txt', 'kyiv.txt', 'Kyiv visit', 'utf-8', 'h1', x'00', 'x',
           'Yoko Kamikawa visited Kyiv.', '2024-11-16T00:00:00.000Z', 4)`
      )
      .run()
    const paragraphId = old
      .prepare(
        "INSERT INTO paragraphs (text_id, idx, start, text) VALUES (1, 0, 0, 'Yoko Kamikawa visited Kyiv.')"
      )
      .run().lastInsertRowid
    old
      .prepare('INSERT INTO paragraphs_fts (rowid, text) VALUES (?, ?)')
      .run(paragraphId, 'Yoko Kamikawa visited Kyiv.')
    old.prepare("INSERT INTO house_names (name, added_at) VALUES ('Yoko Kamikawa', '2024-11-16')").run()
    old.close()
    const path = join(dir, 'library.sqlite')
    await smallLibrary(path, 2)

    const result = await restoreLibrary(backup, path, { now: FIXED_NOW })
    expect(result.backupVersion).toBe(2)
    expect(result.version).toBe(SCHEMA_VERSION)
    const db = new Database(path, { readonly: true })
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION)
    db.close()
    const library = openLibrary(path)
    expect((await library.search('kamikawa', 10)).map((hit) => hit.textId)).toEqual([1])
    expect((await library.listHouseNames()).map((n) => n.name)).toEqual(['Yoko Kamikawa'])
    expect(await library.checks.list()).toEqual([]) // the tables of later versions are there, and empty
    expect((await library.integrityCheck()).ok).toBe(true)
    await library.close()
    // The older backup file is not upgraded in place: it is only read.
    const stillOld = new Database(backup, { readonly: true })
    expect(schemaVersion(stillOld)).toBe(2)
    stillOld.close()
  })

  const refusals: Array<[string, (path: string) => void | Promise<void>, string, RegExp]> = [
    [
      'a file that is not a database',
      (path) => writeFileSync(path, 'Minutes of the editorial meeting.\n'.repeat(200)),
      'BAD_REQUEST',
      /^notes\.sqlite is not a Factdesk library backup: it is not an SQLite database\. Your library has not been changed\.$/
    ],
    [
      'an SQLite database of another program',
      (path) => {
        const db = new Database(path)
        db.exec('CREATE TABLE recipes (name TEXT)')
        db.close()
      },
      'BAD_REQUEST',
      /^notes\.sqlite is not a Factdesk library backup: it holds no Factdesk library\./
    ],
    [
      'an SQLite database that claims a schema version but lacks its tables',
      (path) => {
        const db = new Database(path)
        db.exec('CREATE TABLE texts (id INTEGER PRIMARY KEY)')
        db.pragma('user_version = 3')
        db.close()
      },
      'BAD_REQUEST',
      /^notes\.sqlite is not a Factdesk library backup: it lacks the tables paragraphs, paragraphs_fts, .*house_names.*checks/
    ],
    [
      'a damaged library',
      async (path) => {
        await smallLibrary(path, 30)
        const bytes = readFileSync(path)
        const pageSize = bytes.readUInt16BE(16)
        // Garbage over pages in the middle of the file: the texts' and paragraphs' b-trees.
        bytes.fill(0xa5, pageSize * 4, pageSize * 8)
        writeFileSync(path, bytes)
      },
      'BAD_REQUEST',
      /^notes\.sqlite is damaged and cannot be restored \(.+\)\. Your library has not been changed\.$/
    ],
    [
      'a library from a newer build',
      async (path) => {
        await smallLibrary(path, 1)
        const db = new Database(path)
        db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
        db.close()
      },
      'LIBRARY_TOO_NEW',
      new RegExp(
        `^notes\\.sqlite was written by a newer version of Factdesk \\(schema ${SCHEMA_VERSION + 1}; this version ` +
          `reads up to ${SCHEMA_VERSION}\\)\\. Restore it with the newer version\\. Your library has not been changed\\.$`
      )
    ]
  ]

  it.each(refusals)(
    'refuses %s and leaves the library byte for byte as it was',
    async (_what, make, code, message) => {
      const path = join(dir, 'library.sqlite')
      await smallLibrary(path, 3)
      const backup = join(dir, 'notes.sqlite')
      await make(backup)
      const libraryBefore = readFileSync(path)
      const backupBefore = readFileSync(backup)
      const filesBefore = readdirSync(dir).sort()

      const error = await caught(async () => await restoreLibrary(backup, path, { now: FIXED_NOW }))
      expect(error.code).toBe(code)
      expect(error.message).toMatch(message)
      expect(readFileSync(path).equals(libraryBefore)).toBe(true)
      expect(readFileSync(backup).equals(backupBefore)).toBe(true)
      expect(readdirSync(dir).sort()).toEqual(filesBefore)
    }
  )

  it('refuses while another program holds the library open, changing nothing', async () => {
    const path = join(dir, 'library.sqlite')
    await smallLibrary(path, 3)
    const backup = join(dir, 'backup.sqlite')
    const source = openLibrary(path)
    await backupLibrary(source, backup)
    await source.close()
    const inUse = openLibrary(path)
    await addTexts(inUse, 10, 1)

    const error = await caught(async () => await restoreLibrary(backup, path, { now: FIXED_NOW }))
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toBe(
      'library.sqlite is open in another program (the Factdesk app or factdesk serve). Close it and restore again; nothing has been changed.'
    )
    expect(await inUse.count()).toBe(4)
    await inUse.close()
    expect(readdirSync(dir).sort()).toEqual(['backup.sqlite', 'library.sqlite'])
  })

  it('names a backup that is not there', async () => {
    const error = await caught(
      async () => await restoreLibrary(join(dir, 'nothing.sqlite'), join(dir, 'library.sqlite'))
    )
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toBe(`There is no backup file ${join(dir, 'nothing.sqlite')}.`)
  })
})
