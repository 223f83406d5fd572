// Preferences as every store keeps them: one row a key, the value as JSON so a later preference
// of another type (a number, a list) fits the same table. A value read back is checked against
// the shared schema: a row edited by hand into something invalid reads as unset rather than
// breaking every report.
import { ApiError } from '../../shared/errors'
import {
  NO_PREFERENCES,
  PREFERENCE_KEYS,
  preferencesSchema,
  type PreferenceKey,
  type Preferences
} from '../../shared/preferences'

export function preferencesFromRows(rows: ReadonlyArray<{ key: string; value: string }>): Preferences {
  const prefs: Preferences = { ...NO_PREFERENCES }
  for (const row of rows) {
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

/**
 * The changes to write, each key with its JSON value or null to remove it; throws BAD_REQUEST
 * for an invalid value (before anything is written). Checked here too: stores are also called by
 * code that did not come through dispatch.
 */
export function preferenceWrites(changes: Partial<Preferences>): Array<[PreferenceKey, string | null]> {
  const writes: Array<[PreferenceKey, string | null]> = []
  for (const key of PREFERENCE_KEYS) {
    if (!Object.prototype.hasOwnProperty.call(changes, key)) continue
    const value = changes[key]
    if (value === undefined) continue
    const parsed = preferencesSchema.shape[key].safeParse(value)
    if (!parsed.success) {
      throw new ApiError(
        'BAD_REQUEST',
        `The ${key} preference is not valid: ${parsed.error.issues[0]?.message}`
      )
    }
    writes.push([key, parsed.data === null ? null : JSON.stringify(parsed.data)])
  }
  return writes
}
