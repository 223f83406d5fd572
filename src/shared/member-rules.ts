// The rules for a desk's members without zod, so the renderer can use them without bundling a
// validator: zod probes `new Function`, which the page's CSP refuses and reports as a violation.
// src/shared/members.ts builds the schemas on these.

/** checker: checks stories; reviewer: checks and reviews; admin: also manages the members. */
export const MEMBER_ROLES = ['checker', 'reviewer', 'admin'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

export const MEMBER_NAME_MAX = 64
/** Long enough to take a passphrase, short enough that hashing it is never the expensive part. */
export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 256

export function isMemberRole(value: unknown): value is MemberRole {
  return (MEMBER_ROLES as readonly unknown[]).includes(value)
}
