// A desk's members and sessions on PostgreSQL.
import { memberNameKey } from '../member-name'
import {
  MEMBER_COLUMNS,
  nameTaken,
  toMember,
  toStoredMember,
  type MemberRow,
  type SessionRow
} from '../member-rows'
import type { MembersStore, SessionsStore } from '../store'
import type { Db } from './connection'

export function createMembersStore(db: Db, now: () => string = () => new Date().toISOString()): MembersStore {
  return {
    async add({ name, role, passwordHash }) {
      const trimmed = name.trim()
      const [row] = await db.query<MemberRow>(
        `INSERT INTO members (name, name_key, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (name_key) DO NOTHING RETURNING ${MEMBER_COLUMNS}`,
        [trimmed, memberNameKey(trimmed), passwordHash, role, now()]
      )
      if (!row) throw nameTaken(trimmed)
      return toMember(row)
    },
    async list() {
      const rows = await db.query<MemberRow>(
        `SELECT ${MEMBER_COLUMNS} FROM members ORDER BY name_key COLLATE "C", id`
      )
      return rows.map(toMember)
    },
    async byName(name) {
      const [row] = await db.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE name_key = $1`, [
        memberNameKey(name)
      ])
      return row ? toStoredMember(row) : null
    },
    disable: (id) =>
      db.transaction(async (tx) => {
        const [row] = await tx.query<MemberRow>(
          `UPDATE members SET disabled_at = coalesce(disabled_at, $1) WHERE id = $2 RETURNING ${MEMBER_COLUMNS}`,
          [now(), id]
        )
        if (!row) return null
        await tx.query('DELETE FROM sessions WHERE member_id = $1', [id])
        return toMember(row)
      }),
    async enable(id) {
      const [row] = await db.query<MemberRow>(
        `UPDATE members SET disabled_at = NULL WHERE id = $1 RETURNING ${MEMBER_COLUMNS}`,
        [id]
      )
      return row ? toMember(row) : null
    },
    setPassword: (id, passwordHash, keepSession) =>
      db.transaction(async (tx) => {
        const [row] = await tx.query<MemberRow>(
          `UPDATE members SET password_hash = $1 WHERE id = $2 RETURNING ${MEMBER_COLUMNS}`,
          [passwordHash, id]
        )
        if (!row) return null
        await tx.query('DELETE FROM sessions WHERE member_id = $1 AND id_hash IS DISTINCT FROM $2', [
          id,
          keepSession ?? null
        ])
        return toMember(row)
      }),
    async countActive(role) {
      const [row] = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM members WHERE role = $1 AND disabled_at IS NULL',
        [role]
      )
      return row?.n ?? 0
    }
  }
}

export function createSessionsStore(db: Db): SessionsStore {
  return {
    async create({ idHash, memberId, csrfToken, expiresAt }) {
      await db.query(
        `INSERT INTO sessions (id_hash, member_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
        [idHash, memberId, csrfToken, new Date().toISOString(), expiresAt]
      )
    },
    async get(idHash, at) {
      const [row] = await db.query<SessionRow>(
        `SELECT m.id, m.name, m.role, m.created_at, m.disabled_at, m.password_hash, s.csrf_token, s.expires_at
         FROM sessions s JOIN members m ON m.id = s.member_id
         WHERE s.id_hash = $1 AND s.expires_at > $2 AND m.disabled_at IS NULL`,
        [idHash, at]
      )
      return row ? { member: toMember(row), csrfToken: row.csrf_token, expiresAt: row.expires_at } : null
    },
    async delete(idHash) {
      await db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash])
    },
    async deleteExpired(at) {
      return (await db.query('DELETE FROM sessions WHERE expires_at <= $1 RETURNING id_hash', [at])).length
    }
  }
}
