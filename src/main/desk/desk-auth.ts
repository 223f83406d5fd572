// Signing in to a desk: a name and password traded for a session (a random id in an HttpOnly
// cookie, and a CSRF token the page sends back in a header), sessions kept in the store so a
// restart or a second server behind the same database keeps them.
import { createHash, randomBytes } from 'node:crypto'
import { ApiError } from '../../shared/errors'
import type { MemberRole } from '../../shared/members'
import type { DeskMember } from '../api/dispatch'
import type { Library } from '../library'
import { LoginLimit } from './login-limit'
import { verifyPassword } from './passwords'

/** A session lasts a working day and a half: long enough for a shift, short enough to end by itself. */
export const SESSION_HOURS = 12

export interface DeskSession {
  member: DeskMember
  csrfToken: string
}

export interface SignedIn extends DeskSession {
  /** The cookie's value: known to the browser only; the store keeps its digest. */
  sessionId: string
  maxAgeSeconds: number
}

/** Refused for now: too many wrong passwords; try again in `retryAfter` seconds. */
export class LoginLimited extends ApiError {
  constructor(readonly retryAfter: number) {
    super('TOO_MANY_REQUESTS', `Too many failed sign-ins; try again in ${retryAfter} seconds.`)
  }
}

export interface DeskAuth {
  /** Throws UNAUTHORIZED for a wrong name or password (one sentence for both), LoginLimited when refusing. */
  signIn(name: string, password: string, address: string): Promise<SignedIn>
  session(sessionId: string): Promise<DeskSession | null>
  signOut(sessionId: string): Promise<void>
}

const digest = (sessionId: string): string => createHash('sha256').update(sessionId).digest('hex')

/** What the store keeps of a session's id (its digest): how a handler names the session it was called in. */
export const sessionKeyOf = digest

export function createDeskAuth(
  library: Library,
  options: { limit?: LoginLimit; now?: () => number } = {}
): DeskAuth {
  const limit = options.limit ?? new LoginLimit()
  const now = options.now ?? Date.now
  const iso = (): string => new Date(now()).toISOString()
  return {
    async signIn(name, password, address) {
      const keys = [`name:${name.trim().toLowerCase()}`, `addr:${address}`]
      const wait = limit.retryAfter(keys)
      if (wait > 0) throw new LoginLimited(wait)
      const stored = await library.members.byName(name)
      const active = stored && stored.disabledAt === null ? stored : null
      // Always hash, so a wrong name takes as long as a wrong password.
      const ok = await verifyPassword(password, active?.passwordHash ?? null)
      if (!ok || !active) {
        limit.fail(keys)
        throw new ApiError('UNAUTHORIZED', 'That name and password do not match a member of this desk.')
      }
      limit.succeed(keys[0]!)
      const sessionId = randomBytes(32).toString('base64url')
      const csrfToken = randomBytes(32).toString('base64url')
      const maxAgeSeconds = SESSION_HOURS * 3600
      await library.sessions.deleteExpired(iso())
      await library.sessions.create({
        idHash: digest(sessionId),
        memberId: active.id,
        csrfToken,
        expiresAt: new Date(now() + maxAgeSeconds * 1000).toISOString()
      })
      return { sessionId, csrfToken, maxAgeSeconds, member: memberOf(active) }
    },
    async session(sessionId) {
      const found = await library.sessions.get(digest(sessionId), iso())
      return found ? { member: memberOf(found.member), csrfToken: found.csrfToken } : null
    },
    async signOut(sessionId) {
      await library.sessions.delete(digest(sessionId))
    }
  }
}

function memberOf(member: { id: number; name: string; role: MemberRole }): DeskMember {
  return { id: member.id, name: member.name, role: member.role }
}
