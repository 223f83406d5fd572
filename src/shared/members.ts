// The people of a desk: who may sign in and what each may do. Zod only, so the renderer can
// import it.
import { z } from 'zod'
import { MEMBER_NAME_MAX, MEMBER_ROLES, PASSWORD_MAX, PASSWORD_MIN } from './member-rules'
import { CONTROL_CHARACTERS } from './preference-rules'

export { MEMBER_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, type MemberRole } from './member-rules'

export const memberRoleSchema = z.enum(MEMBER_ROLES)

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
