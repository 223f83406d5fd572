// Preferences on PostgreSQL (see preference-rows.ts for how values are kept and checked).
import { preferencesFromRows, preferenceWrites } from '../preference-rows'
import type { PreferencesStore } from '../store'
import type { Db } from './connection'

export function createPreferencesStore(db: Db): PreferencesStore {
  const get = async (tx: Db) =>
    preferencesFromRows(await tx.query<{ key: string; value: string }>('SELECT key, value FROM preferences'))
  return {
    get: () => get(db),
    async set(changes) {
      // Every value is checked before the transaction starts, so an invalid one changes nothing.
      const writes = preferenceWrites(changes)
      return db.transaction(async (tx) => {
        for (const [key, value] of writes) {
          if (value === null) await tx.query('DELETE FROM preferences WHERE key = $1', [key])
          else
            await tx.query(
              'INSERT INTO preferences (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
              [key, value]
            )
        }
        return get(tx)
      })
    }
  }
}
