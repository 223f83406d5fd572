// factdesk desk push against a real PostgreSQL (FACTDESK_TEST_DATABASE_URL; each test in a schema
// of its own). What the desk holds is compared with the library through the store interface only,
// with ids replaced by what they stand for (a text by its content, a history entry by its place),
// since every id changes on the way.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Library } from '../store'
import { addText as add, fillLibrary } from '../../../test-support/library/desk-content'
import { portable } from '../../../test-support/library/portable'
import { openDesk, openPostgresLibrary, type OpenDesk } from '../postgres'
import { openLibrary } from '../sqlite'
import {
  DESK_ONLY_COLUMNS,
  LOCAL_TABLES,
  PUSHED_TABLES,
  deskColumns,
  libraryColumns,
  libraryTables
} from './copy-columns'
import { pushLibraryFile } from './push'

const url = process.env['FACTDESK_TEST_DATABASE_URL']
const suite = url ? describe : describe.skip
const reason = url
  ? ''
  : ' (skipped: FACTDESK_TEST_DATABASE_URL is not set; npm test and npm run test:stores set it)'

suite(`factdesk desk push${reason}`, () => {
  let dir: string
  let libraryPath: string
  let schema: string
  let desk: OpenDesk
  let n = 0

  const deskLibrary = () => openPostgresLibrary(url!, { schema })
  const withLibrary = async <T>(work: (library: Library) => Promise<T>): Promise<T> => {
    const library = openLibrary(libraryPath)
    try {
      return await work(library)
    } finally {
      await library.close()
    }
  }
  const withDeskLibrary = async <T>(work: (library: Library) => Promise<T>): Promise<T> => {
    const library = await deskLibrary()
    try {
      return await work(library)
    } finally {
      await library.close()
    }
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-push-'))
    libraryPath = join(dir, 'mine.sqlite')
    schema = `factdesk_push_${process.pid}_${++n}`
    desk = await openDesk(url!, { schema })
  })
  afterEach(async () => {
    await desk.close()
    rmSync(dir, { recursive: true, force: true })
  })
  afterAll(async () => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    for (let i = 1; i <= n; i++)
      await client.query(`DROP SCHEMA IF EXISTS factdesk_push_${process.pid}_${i} CASCADE`)
    await client.end()
  })

  it('copies texts, checks, decisions with their history, editor claims and house names; the desk reads the same', async () => {
    // The desk already has texts, so its ids differ from the library's: a reference left
    // unmapped would show.
    await withDeskLibrary(async (d) => {
      await add(d, ['A desk text about something else entirely.'])
      await add(d, ['Another desk text, on the harbour.'])
    })
    await withLibrary(fillLibrary)
    const summary = await pushLibraryFile(libraryPath, desk.db)
    expect(summary).toEqual({
      texts: { added: 3, existing: 0 },
      checks: { added: 1, existing: 0, changedHere: 0 },
      decisions: 2,
      historyEntries: 5,
      editorClaims: 1,
      reviewSteps: 2,
      houseNames: { added: 2, existing: 0 }
    })

    const mine = await withLibrary(portable)
    const theirs = await withDeskLibrary(portable)
    expect(theirs.checks).toEqual(mine.checks)
    expect(theirs.houseNames).toEqual(mine.houseNames)
    for (const text of mine.texts) expect(theirs.texts).toContainEqual(text)
    expect(theirs.texts).toHaveLength(5)

    await withDeskLibrary(async (d) => {
      // References point at the desk's texts: the check's story is the pushed story.
      const [check] = await d.checks.list()
      const story = (await d.get(check!.storyId))!
      expect(story.title).toBe('Blast kills 12')
      const stored = (await d.checks.get(check!.id))!
      expect(stored.result.story.id).toBe(story.id)
      const wire = (await d.search('Forty', 10)).find((h) => h.field === 'paragraph')!
      expect(stored.result.claims[0]!.evidence[0]!.sourceId).toBe(wire.textId)
      expect((await d.checks.decisions(check!.id))[0]!.pinned[0]!.sourceId).toBe(wire.textId)
      // The full-text index has the pushed texts, headlines too.
      expect((await d.search('blast', 10)).map((h) => h.field)).toContain('headline')
      // Undo goes on from where the library was: the last undo can be redone.
      expect(await d.checks.undoState(check!.id)).toMatchObject({ canUndo: true, canRedo: true })
    })
  })

  it('adds nothing the second time', async () => {
    await withLibrary(fillLibrary)
    await pushLibraryFile(libraryPath, desk.db)
    const once = await withDeskLibrary(portable)
    const again = await pushLibraryFile(libraryPath, desk.db)
    expect(again).toEqual({
      texts: { added: 0, existing: 3 },
      checks: { added: 0, existing: 1, changedHere: 0 },
      decisions: 0,
      historyEntries: 0,
      editorClaims: 0,
      reviewSteps: 0,
      houseNames: { added: 0, existing: 2 }
    })
    expect(await withDeskLibrary(portable)).toEqual(once)
  })

  it('says which checks were decided here since they were pushed, and leaves the desk’s as they are', async () => {
    await withLibrary(fillLibrary)
    await pushLibraryFile(libraryPath, desk.db)
    const once = await withDeskLibrary(portable)
    await withLibrary(async (l) => {
      const [check] = await l.checks.list()
      const [claim] = (await l.checks.get(check!.id))!.result.claims
      await l.checks.decide({
        checkId: check!.id,
        claimId: claim!.id,
        status: 'disputed',
        correctedText: null,
        note: 'Decided after the push.',
        pinned: []
      })
    })
    const again = await pushLibraryFile(libraryPath, desk.db)
    expect(again.checks).toEqual({ added: 0, existing: 1, changedHere: 1 })
    expect(again.historyEntries).toBe(0)
    expect(await withDeskLibrary(portable)).toEqual(once)
  })

  it('maps a text the desk already has (same cleaned content) to that text', async () => {
    const deskStory = await withDeskLibrary((d) =>
      add(d, ['12 people died in the blast on Friday.', 'More later.'], {
        title: 'The desk’s own headline',
        role: 'story'
      })
    )
    await withLibrary(fillLibrary)
    const summary = await pushLibraryFile(libraryPath, desk.db)
    expect(summary.texts).toEqual({ added: 2, existing: 1 })
    await withDeskLibrary(async (d) => {
      expect(await d.count()).toBe(3)
      const [check] = await d.checks.list()
      expect(check!.storyId).toBe(deskStory.id)
      expect((await d.checks.get(check!.id))!.result.story.id).toBe(deskStory.id)
      expect((await d.get(deskStory.id))!.title).toBe('The desk’s own headline')
    })
  })

  it('leaves the desk exactly as it was when a row fails midway', async () => {
    await withDeskLibrary((d) => add(d, ['A desk text about something else entirely.']))
    await withLibrary(fillLibrary)
    // PostgreSQL's text cannot hold a NUL character, SQLite's can: the last decision fails, after
    // the texts, house names, the check and the first decision were written.
    const raw = new Database(libraryPath)
    raw.prepare(`UPDATE decisions SET note = 'bad' || char(0) || 'note' WHERE claim_id = 'c2'`).run()
    raw.close()
    const before = await withDeskLibrary(portable)
    await expect(pushLibraryFile(libraryPath, desk.db)).rejects.toThrow(/0x00/)
    expect(await withDeskLibrary(portable)).toEqual(before)
  })

  it('refuses, writing nothing, a library column the desk does not have', async () => {
    await withLibrary(fillLibrary)
    const raw = new Database(libraryPath)
    raw.exec(`ALTER TABLE decisions ADD COLUMN reviewer TEXT`)
    raw.close()
    await expect(pushLibraryFile(libraryPath, desk.db)).rejects.toThrow(/desk has no reviewer in decisions/)
    expect(await withDeskLibrary((d) => d.count())).toBe(0)
  })

  it('knows every table of the library, and each pushed one has the same columns in both stores', async () => {
    await withLibrary(async () => undefined)
    const raw = new Database(libraryPath, { readonly: true })
    try {
      const known = new Set([...Object.keys(PUSHED_TABLES), ...Object.keys(LOCAL_TABLES)])
      expect(libraryTables(raw).filter((t) => !known.has(t))).toEqual([])
      for (const table of Object.keys(PUSHED_TABLES)) {
        // Every library column has its place in the desk, and the desk has no column of its own
        // that nobody decided what a pushed row should hold.
        const desks = [...(await deskColumns(desk.db, table)).keys()]
          .filter((column) => !(`${table}.${column}` in DESK_ONLY_COLUMNS))
          .sort()
        expect({ table, columns: desks }).toEqual({ table, columns: libraryColumns(raw, table).sort() })
      }
    } finally {
      raw.close()
    }
  })
})
