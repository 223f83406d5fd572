// The people of a desk: who may sign in and what each may do. Zod only, so the renderer can
// import it.
import { z } from 'zod'
import { CONTROL_CHARACTERS } from './preference-rules'

/** checker: checks stories; reviewer: checks and reviews; admin: also manages the members. */
export const memberRoleSchema = z.enum(['checker', 'reviewer', 'admin'])
export type MemberRole = z.infer<typeof memberRoleSchema>

export const MEMBER_NAME_MAX = 64
/** Long enough to take a passphrase, short enough that hashing it is never the expensive part. */
export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 256

/** A member's name: what they sign in with and what their decisions are signed with. */
export const memberNameSchema = z
  .string()
  .trim()
  .min(1, 'A member needs a name.')
  .max(MEMBER_NAME_MAX)
  .refine((v) => !CONTROL_CHARACTERS.test(v), 'must be one line of text, without control characters')

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `A password needs at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX)

export const memberSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: memberRoleSchema,
  createdAt: z.string(),
  /** When the member was disabled (they can no longer sign in); null while active. */
  disabledAt: z.string().nullable()
})
export type Member = z.infer<typeof memberSchema>

/** Who this page is signed in as, on a desk; `desk: false` in single-user serve and the app. */
export const sessionInfoSchema = z.object({
  desk: z.boolean(),
  member: z.object({ name: z.string(), role: memberRoleSchema }).nullable()
})
export type SessionInfo = z.infer<typeof sessionInfoSchema>
