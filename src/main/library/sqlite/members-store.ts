// A desk's members and sessions in SQLite.
import type { Database } from 'better-sqlite3'
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

export function createMembersStore(
  db: Database,
  now: () => string = () => new Date().toISOString()
): MembersStore {
  const stmt = {
    insert: db.prepare(
      `INSERT INTO members (name, name_key, password_hash, role, created_at)
       VALUES (@name, @key, @passwordHash, @role, @at) ON CONFLICT (name_key) DO NOTHING`
    ),
    byId: db.prepare<[number], MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE id = ?`),
    byKey: db.prepare<[string], MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE name_key = ?`),
    list: db.prepare<[], MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members ORDER BY name_key, id`),
    disable: db.prepare<[string, number]>(
      'UPDATE members SET disabled_at = coalesce(disabled_at, ?) WHERE id = ?'
    ),
    endSessions: db.prepare<[number]>('DELETE FROM sessions WHERE member_id = ?'),
    enable: db.prepare<[number]>('UPDATE members SET disabled_at = NULL WHERE id = ?'),
    setPassword: db.prepare<[string, number]>('UPDATE members SET password_hash = ? WHERE id = ?'),
    endOtherSessions: db.prepare<[number, string]>(
      'DELETE FROM sessions WHERE member_id = ? AND id_hash <> ?'
    ),
    countActive: db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM members WHERE role = ? AND disabled_at IS NULL'
    )
  }
  const disable = db.transaction((id: number) => {
    if (stmt.disable.run(now(), id).changes === 0) return null
    stmt.endSessions.run(id)
    return toMember(stmt.byId.get(id)!)
  })
  const setPassword = db.transaction((id: number, passwordHash: string, keepSession?: string) => {
    if (stmt.setPassword.run(passwordHash, id).changes === 0) return null
    if (keepSession === undefined) stmt.endSessions.run(id)
    else stmt.endOtherSessions.run(id, keepSession)
    return toMember(stmt.byId.get(id)!)
  })
  return {
    async add({ name, role, passwordHash }) {
      const trimmed = name.trim()
      const info = stmt.insert.run({
        name: trimmed,
        key: memberNameKey(trimmed),
        passwordHash,
        role,
        at: now()
      })
      if (info.changes === 0) throw nameTaken(trimmed)
      return toMember(stmt.byId.get(Number(info.lastInsertRowid))!)
    },
    list: async () => stmt.list.all().map(toMember),
    async byName(name) {
      const row = stmt.byKey.get(memberNameKey(name))
      return row ? toStoredMember(row) : null
    },
    disable: async (id) => disable(id),
    async enable(id) {
      if (stmt.enable.run(id).changes === 0) return null
      return toMember(stmt.byId.get(id)!)
    },
    setPassword: async (id, passwordHash, keepSession) => setPassword(id, passwordHash, keepSession),
    countActive: async (role) => stmt.countActive.get(role)!.n
  }
}

export function createSessionsStore(db: Database): SessionsStore {
  const stmt = {
    insert: db.prepare(
      `INSERT INTO sessions (id_hash, member_id, csrf_token, created_at, expires_at)
       VALUES (@idHash, @memberId, @csrfToken, @at, @expiresAt)`
    ),
    get: db.prepare<[string, string], SessionRow>(
      `SELECT m.id, m.name, m.role, m.created_at, m.disabled_at, m.password_hash, s.csrf_token, s.expires_at
       FROM sessions s JOIN members m ON m.id = s.member_id
       WHERE s.id_hash = ? AND s.expires_at > ? AND m.disabled_at IS NULL`
    ),
    delete: db.prepare<[string]>('DELETE FROM sessions WHERE id_hash = ?'),
    deleteExpired: db.prepare<[string]>('DELETE FROM sessions WHERE expires_at <= ?')
  }
  return {
    async create(input) {
      stmt.insert.run({ ...input, at: new Date().toISOString() })
    },
    async get(idHash, at) {
      const row = stmt.get.get(idHash, at)
      return row ? { member: toMember(row), csrfToken: row.csrf_token, expiresAt: row.expires_at } : null
    },
    async delete(idHash) {
      stmt.delete.run(idHash)
    },
    deleteExpired: async (at) => stmt.deleteExpired.run(at).changes
  }
}
