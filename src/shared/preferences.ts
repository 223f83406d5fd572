// Preferences kept in the library, so the desktop app, serve mode and the CLI agree on who
// publishes a report and who checked it.
import { z } from 'zod'
import { CONTROL_CHARACTERS, PREFERENCE_LIMITS, webAddressProblem } from './preference-rules'

const singleLine = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((v) => !CONTROL_CHARACTERS.test(v), 'must be one line of text, without control characters')

const webAddress = z
  .string()
  .min(1)
  .max(PREFERENCE_LIMITS.newsroomUrl)
  .superRefine((value, ctx) => {
    const problem = webAddressProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/** Every preference, as stored and as `preferences.get` answers; null where none was set. */
export const preferencesSchema = z.object({
  newsroom: singleLine(PREFERENCE_LIMITS.newsroom).nullable(),
  newsroomUrl: webAddress.nullable(),
  checkedBy: singleLine(PREFERENCE_LIMITS.checkedBy).nullable()
})
export type Preferences = z.infer<typeof preferencesSchema>
export type PreferenceKey = keyof Preferences

export const PREFERENCE_KEYS = Object.keys(preferencesSchema.shape) as PreferenceKey[]

export const NO_PREFERENCES: Preferences = { newsroom: null, newsroomUrl: null, checkedBy: null }

/**
 * One field as a caller sends it: surrounding spaces are dropped, and an empty value (or null)
 * clears the preference. The length limit applies to the trimmed text.
 */
function change<T extends z.ZodType<string | null, string | null>>(stored: T) {
  return z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .pipe(stored)
    .optional()
}

/** What `preferences.set` takes: any of the preferences; a key left out keeps its value. */
export const preferencesChangeSchema = z
  .object({
    newsroom: change(preferencesSchema.shape.newsroom),
    newsroomUrl: change(preferencesSchema.shape.newsroomUrl),
    checkedBy: change(preferencesSchema.shape.checkedBy)
  })
  .strict()
export type PreferencesChange = z.output<typeof preferencesChangeSchema>
