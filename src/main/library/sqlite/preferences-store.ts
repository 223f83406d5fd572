// Preferences in SQLite: one row a key, the value as JSON so a later preference of another type
// (a number, a list) fits the same table. A value read back is checked against the shared schema:
// a row edited by hand into something invalid reads as unset rather than breaking every report.
import type { Database } from 'better-sqlite3'
import type { PreferencesStore } from '../store'
import { ApiError } from '../../../shared/errors'
import {
  NO_PREFERENCES,
  PREFERENCE_KEYS,
  preferencesSchema,
  type PreferenceKey,
  type Preferences
} from '../../../shared/preferences'

export function createPreferencesStore(db: Database): PreferencesStore {
  const stmt = {
    all: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM preferences'),
    upsert: db.prepare<[string, string]>(
      'INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
    ),
    remove: db.prepare<[string]>('DELETE FROM preferences WHERE key = ?')
  }

  function get(): Preferences {
    const prefs: Preferences = { ...NO_PREFERENCES }
    for (const row of stmt.all.all()) {
      if (!(PREFERENCE_KEYS as string[]).includes(row.key)) continue
      const key = row.key as PreferenceKey
      let value: unknown
      try {
        value = JSON.parse(row.value)
      } catch {
        continue
      }
      const parsed = preferencesSchema.shape[key].safeParse(value)
      if (parsed.success) prefs[key] = parsed.data
    }
    return prefs
  }

  const set = db.transaction((changes: Partial<Preferences>): Preferences => {
    for (const key of PREFERENCE_KEYS) {
      if (!Object.prototype.hasOwnProperty.call(changes, key)) continue
      const value = changes[key]
      if (value === undefined) continue
      // Checked here too: the store is also called by code that did not come through dispatch.
      const parsed = preferencesSchema.shape[key].safeParse(value)
      if (!parsed.success) {
        throw new ApiError(
          'BAD_REQUEST',
          `The ${key} preference is not valid: ${parsed.error.issues[0]?.message}`
        )
      }
      const valid = parsed.data
      if (valid === null) stmt.remove.run(key)
      else stmt.upsert.run(key, JSON.stringify(valid))
    }
    return get()
  })

  return { get: async () => get(), set: async (changes) => set(changes) }
}
