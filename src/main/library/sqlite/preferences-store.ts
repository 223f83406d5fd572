// Preferences in SQLite (see preference-rows.ts for how values are kept and checked).
import type { Database } from 'better-sqlite3'
import type { Preferences } from '../../../shared/preferences'
import { preferencesFromRows, preferenceWrites } from '../preference-rows'
import type { PreferencesStore } from '../store'

export function createPreferencesStore(db: Database): PreferencesStore {
  const stmt = {
    all: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM preferences'),
    upsert: db.prepare<[string, string]>(
      'INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
    ),
    remove: db.prepare<[string]>('DELETE FROM preferences WHERE key = ?')
  }

  const get = (): Preferences => preferencesFromRows(stmt.all.all())

  // Every value is checked before the first is written, so an invalid one changes nothing.
  const set = db.transaction((changes: Partial<Preferences>): Preferences => {
    for (const [key, value] of preferenceWrites(changes)) {
      if (value === null) stmt.remove.run(key)
      else stmt.upsert.run(key, value)
    }
    return get()
  })

  return { get: async () => get(), set: async (changes) => set(changes) }
}
