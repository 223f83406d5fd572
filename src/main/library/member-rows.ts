// Member and session rows as both stores read them.
import { ApiError } from '../../shared/errors'
import type { Member, MemberRole } from '../../shared/members'
import type { StoredMember } from './store'

export interface MemberRow {
  id: number
  name: string
  role: MemberRole
  created_at: string
  disabled_at: string | null
  password_hash: string
}

export const MEMBER_COLUMNS = 'id, name, role, created_at, disabled_at, password_hash'

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    disabledAt: row.disabled_at
  }
}

export function toStoredMember(row: MemberRow): StoredMember {
  return { ...toMember(row), passwordHash: row.password_hash }
}

export function nameTaken(name: string): ApiError {
  return new ApiError('CONFLICT', `There is already a member called “${name}”.`)
}

export interface SessionRow extends MemberRow {
  csrf_token: string
  expires_at: string
}
