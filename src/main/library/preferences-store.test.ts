import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/errors'
import { openLibrary } from './index'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-prefs-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('preferences in the library', () => {
  it('starts with none set', () => {
    const library = openLibrary(':memory:')
    expect(library.preferences.get()).toEqual({ newsroom: null, newsroomUrl: null, checkedBy: null })
    library.close()
  })

  it('sets only the keys given, clears a key set to null, and keeps them in the file', () => {
    const path = join(dir, 'lib.sqlite')
    const library = openLibrary(path)
    expect(library.preferences.set({ newsroom: 'Example Desk', checkedBy: 'Ana Ruiz' })).toEqual({
      newsroom: 'Example Desk',
      newsroomUrl: null,
      checkedBy: 'Ana Ruiz'
    })
    library.preferences.set({ newsroomUrl: 'https://desk.example/' })
    library.preferences.set({ checkedBy: null })
    library.close()

    const again = openLibrary(path)
    expect(again.preferences.get()).toEqual({
      newsroom: 'Example Desk',
      newsroomUrl: 'https://desk.example/',
      checkedBy: null
    })
    again.close()
    const db = new Database(path, { readonly: true })
    expect(db.prepare('SELECT key, value FROM preferences ORDER BY key').all()).toEqual([
      { key: 'newsroom', value: '"Example Desk"' },
      { key: 'newsroomUrl', value: '"https://desk.example/"' }
    ])
    db.close()
  })

  it('refuses an invalid value with a typed error and changes nothing, not even the valid keys beside it', () => {
    const library = openLibrary(':memory:')
    library.preferences.set({ newsroom: 'Example Desk' })
    const attempt = () =>
      library.preferences.set({ newsroom: 'Other Desk', newsroomUrl: 'javascript:alert(1)' })
    expect(attempt).toThrow(ApiError)
    expect(attempt).toThrow(/newsroomUrl/)
    expect(() => library.preferences.set({ checkedBy: 'Two\nlines' })).toThrow(ApiError)
    expect(() => library.preferences.set({ checkedBy: 'x'.repeat(201) })).toThrow(ApiError)
    expect(library.preferences.get()).toEqual({
      newsroom: 'Example Desk',
      newsroomUrl: null,
      checkedBy: null
    })
    library.close()
  })

  it('reads a row edited by hand into something invalid as unset, and ignores unknown keys', () => {
    const path = join(dir, 'lib.sqlite')
    openLibrary(path).close()
    const db = new Database(path)
    const put = db.prepare('INSERT INTO preferences (key, value) VALUES (?, ?)')
    put.run('newsroom', 'not json')
    put.run('newsroomUrl', JSON.stringify('ftp://desk.example'))
    put.run('checkedBy', JSON.stringify('Ana Ruiz'))
    put.run('theme', JSON.stringify('dark'))
    db.close()
    const library = openLibrary(path)
    expect(library.preferences.get()).toEqual({ newsroom: null, newsroomUrl: null, checkedBy: 'Ana Ruiz' })
    library.close()
  })
})
