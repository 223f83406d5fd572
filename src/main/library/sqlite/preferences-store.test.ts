import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../../shared/errors'
import { openLibrary } from './index'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-prefs-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('preferences in the library', () => {
  it('starts with none set', async () => {
    const library = openLibrary(':memory:')
    expect(await library.preferences.get()).toEqual({ newsroom: null, newsroomUrl: null, checkedBy: null })
    await library.close()
  })

  it('sets only the keys given, clears a key set to null, and keeps them in the file', async () => {
    const path = join(dir, 'lib.sqlite')
    const library = openLibrary(path)
    expect(await library.preferences.set({ newsroom: 'Example Desk', checkedBy: 'Ana Ruiz' })).toEqual({
      newsroom: 'Example Desk',
      newsroomUrl: null,
      checkedBy: 'Ana Ruiz'
    })
    await library.preferences.set({ newsroomUrl: 'https://desk.example/' })
    await library.preferences.set({ checkedBy: null })
    await library.close()

    const again = openLibrary(path)
    expect(await again.preferences.get()).toEqual({
      newsroom: 'Example Desk',
      newsroomUrl: 'https://desk.example/',
      checkedBy: null
    })
    await again.close()
    const db = new Database(path, { readonly: true })
    expect(db.prepare('SELECT key, value FROM preferences ORDER BY key').all()).toEqual([
      { key: 'newsroom', value: '"Example Desk"' },
      { key: 'newsroomUrl', value: '"https://desk.example/"' }
    ])
    db.close()
  })

  it('refuses an invalid value with a typed error and changes nothing, not even the valid keys beside it', async () => {
    const library = openLibrary(':memory:')
    await library.preferences.set({ newsroom: 'Example Desk' })
    const attempt = () =>
      library.preferences.set({ newsroom: 'Other Desk', newsroomUrl: 'javascript:alert(1)' })
    await expect(attempt()).rejects.toThrow(ApiError)
    await expect(attempt()).rejects.toThrow(/newsroomUrl/)
    await expect(library.preferences.set({ checkedBy: 'Two\nlines' })).rejects.toThrow(ApiError)
    await expect(library.preferences.set({ checkedBy: 'x'.repeat(201) })).rejects.toThrow(ApiError)
    expect(await library.preferences.get()).toEqual({
      newsroom: 'Example Desk',
      newsroomUrl: null,
      checkedBy: null
    })
    await library.close()
  })

  it('reads a row edited by hand into something invalid as unset, and ignores unknown keys', async () => {
    const path = join(dir, 'lib.sqlite')
    await openLibrary(path).close()
    const db = new Database(path)
    const put = db.prepare('INSERT INTO preferences (key, value) VALUES (?, ?)')
    put.run('newsroom', 'not json')
    put.run('newsroomUrl', JSON.stringify('ftp://desk.example'))
    put.run('checkedBy', JSON.stringify('Ana Ruiz'))
    put.run('theme', JSON.stringify('dark'))
    db.close()
    const library = openLibrary(path)
    expect(await library.preferences.get()).toEqual({
      newsroom: null,
      newsroomUrl: null,
      checkedBy: 'Ana Ruiz'
    })
    await library.close()
  })
})
