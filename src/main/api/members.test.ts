// A desk's members through the API: admins manage them, nobody else can (checked in dispatch,
// before the input is read), and every decision records who made it.
import { describe, expect, it } from 'vitest'
import type { MemberRole } from '../../shared/members'
import { checkOfStory } from '../../test-support/library/check-result'
import { verifyPassword } from '../desk/passwords'
import { openLibrary } from '../library/sqlite'
import { dispatch, type HandlerContext } from './dispatch'
import { libraryHandlers } from '../../test-support/api-handlers'

function desk() {
  const library = openLibrary(':memory:')
  const handlers = libraryHandlers(library)
  const as = (role: MemberRole | null, id = 1, name = 'Ana'): HandlerContext =>
    role ? { transport: 'http', member: { id, name, role } } : { transport: 'http' }
  const call = (context: HandlerContext, method: string, input: unknown) =>
    dispatch(handlers, method, input, context)
  return { library, call, as }
}

describe('members through the API', () => {
  it('lets an admin add, list and disable members, storing only a hash of the password', async () => {
    const { library, call, as } = desk()
    const admin = await library.members.add({ name: 'Ana', role: 'admin', passwordHash: 'x' })
    const added = (await call(as('admin', admin.id), 'members.add', {
      name: 'Ben',
      role: 'checker',
      password: 'a long enough passphrase'
    })) as { id: number }
    expect(added).toMatchObject({ name: 'Ben', role: 'checker', disabledAt: null })
    expect(JSON.stringify(added)).not.toContain('passphrase')
    const stored = await library.members.byName('Ben')
    expect(await verifyPassword('a long enough passphrase', stored!.passwordHash)).toBe(true)
    const listed = (await call(as('admin', admin.id), 'members.list', {})) as { members: { name: string }[] }
    expect(listed.members.map((m) => m.name)).toEqual(['Ana', 'Ben'])
    expect(await call(as('admin', admin.id), 'members.disable', { id: added.id })).toMatchObject({
      disabledAt: expect.any(String)
    })
  })

  it('refuses the members methods to checkers, reviewers and outside a desk, whatever the input', async () => {
    const { call, as } = desk()
    for (const context of [as('checker'), as('reviewer'), as(null), { transport: 'ipc' as const }]) {
      for (const [method, input] of [
        ['members.list', {}],
        ['members.add', { name: 'Eve', role: 'admin', password: 'a long enough passphrase' }],
        ['members.disable', { id: 1 }],
        ['members.enable', { id: 1 }],
        ['members.setPassword', { id: 1, password: 'a long enough passphrase' }],
        ['members.add', { junk: true }]
      ] as const) {
        await expect(call(context, method, input)).rejects.toMatchObject({ code: 'FORBIDDEN' })
      }
    }
  })

  it('keeps a desk from losing its last admin, and an admin from disabling themself', async () => {
    const { library, call, as } = desk()
    const ana = await library.members.add({ name: 'Ana', role: 'admin', passwordHash: 'x' })
    const ben = await library.members.add({ name: 'Ben', role: 'admin', passwordHash: 'x' })
    await expect(call(as('admin', ana.id), 'members.disable', { id: ana.id })).rejects.toMatchObject({
      code: 'CONFLICT'
    })
    await call(as('admin', ana.id), 'members.disable', { id: ben.id })
    // Ana is now the last admin: another admin (here, a session from before) cannot disable her.
    await expect(call(as('admin', ben.id, 'Ben'), 'members.disable', { id: ana.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'A desk keeps at least one admin.'
    })
    await expect(call(as('admin', ana.id), 'members.disable', { id: 999 })).rejects.toMatchObject({
      code: 'NOT_FOUND'
    })
  })
})

describe('passwords and enabling through the API', () => {
  const later = () => new Date(Date.now() + 3_600_000).toISOString()
  const alive = async (library: ReturnType<typeof desk>['library'], idHash: string) =>
    (await library.sessions.get(idHash, new Date().toISOString())) !== null

  it('lets an admin enable a disabled member again, and reset a password, ending that member’s sessions', async () => {
    const { library, call, as } = desk()
    const ana = await library.members.add({ name: 'Ana', role: 'admin', passwordHash: 'x' })
    const ben = await library.members.add({ name: 'Ben', role: 'checker', passwordHash: 'x' })
    await call(as('admin', ana.id), 'members.disable', { id: ben.id })
    expect(await call(as('admin', ana.id), 'members.enable', { id: ben.id })).toMatchObject({
      id: ben.id,
      disabledAt: null
    })
    await library.sessions.create({ idHash: 'ben-1', memberId: ben.id, csrfToken: 'c', expiresAt: later() })
    await library.sessions.create({ idHash: 'ana-1', memberId: ana.id, csrfToken: 'c', expiresAt: later() })
    const reset = await call(as('admin', ana.id), 'members.setPassword', {
      id: ben.id,
      password: 'a brand new passphrase'
    })
    expect(reset).toMatchObject({ id: ben.id, name: 'Ben' })
    expect(JSON.stringify(reset)).not.toContain('passphrase')
    expect(
      await verifyPassword('a brand new passphrase', (await library.members.byName('Ben'))!.passwordHash)
    ).toBe(true)
    expect(await alive(library, 'ben-1')).toBe(false)
    expect(await alive(library, 'ana-1')).toBe(true)
    await expect(call(as('admin', ana.id), 'members.enable', { id: 999 })).rejects.toMatchObject({
      code: 'NOT_FOUND'
    })
    await expect(
      call(as('admin', ana.id), 'members.setPassword', { id: 999, password: 'a long enough passphrase' })
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(
      call(as('admin', ana.id), 'members.setPassword', { id: ben.id, password: 'short' })
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    // An admin's own password is changed with the current one, not reset.
    await expect(
      call(as('admin', ana.id), 'members.setPassword', { id: ana.id, password: 'a long enough passphrase' })
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })

  it('lets a member change their own password with the current one, keeping this session and ending the others', async () => {
    const { library, call } = desk()
    const { hashPassword } = await import('../desk/passwords')
    const ben = await library.members.add({
      name: 'Ben',
      role: 'checker',
      passwordHash: await hashPassword('the old passphrase')
    })
    for (const idHash of ['here', 'phone'])
      await library.sessions.create({ idHash, memberId: ben.id, csrfToken: 'c', expiresAt: later() })
    const context: HandlerContext = {
      transport: 'http',
      member: { id: ben.id, name: 'Ben', role: 'checker' },
      sessionKey: 'here'
    }
    await expect(
      call(context, 'account.changePassword', {
        currentPassword: 'not the old one',
        newPassword: 'a brand new passphrase'
      })
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await alive(library, 'phone')).toBe(true)
    await expect(
      call(context, 'account.changePassword', { currentPassword: 'the old passphrase', newPassword: 'short' })
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    expect(
      await call(context, 'account.changePassword', {
        currentPassword: 'the old passphrase',
        newPassword: 'a brand new passphrase'
      })
    ).toEqual({ changed: true })
    const stored = (await library.members.byName('Ben'))!.passwordHash
    expect(await verifyPassword('a brand new passphrase', stored)).toBe(true)
    expect(await verifyPassword('the old passphrase', stored)).toBe(false)
    expect(await alive(library, 'here')).toBe(true)
    expect(await alive(library, 'phone')).toBe(false)
  })

  it('stops listening to wrong current passwords after a few, even the right one, for a while', async () => {
    const { library, call } = desk()
    const { hashPassword } = await import('../desk/passwords')
    const fast = { N: 2 ** 10, r: 8, p: 1 }
    const ben = await library.members.add({
      name: 'Ben',
      role: 'checker',
      passwordHash: await hashPassword('the old passphrase', fast)
    })
    const context: HandlerContext = {
      transport: 'http',
      member: { id: ben.id, name: 'Ben', role: 'checker' }
    }
    const change = (currentPassword: string) =>
      call(context, 'account.changePassword', { currentPassword, newPassword: 'a brand new passphrase' })
    for (let i = 0; i < 5; i++)
      await expect(change(`guess ${i}`)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(change('the old passphrase')).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/^Too many wrong passwords; try again in \d+ seconds\.$/)
    })
    expect(
      await verifyPassword('the old passphrase', (await library.members.byName('Ben'))!.passwordHash)
    ).toBe(true)
  })

  it('refuses a password change off a desk, where there is no member', async () => {
    const { call, as } = desk()
    const input = { currentPassword: 'the old passphrase', newPassword: 'a brand new passphrase' }
    for (const context of [as(null), { transport: 'ipc' as const }])
      await expect(call(context, 'account.changePassword', input)).rejects.toMatchObject({
        code: 'FORBIDDEN'
      })
  })
})

describe('who made a decision', () => {
  async function withCheck() {
    const d = desk()
    const check = await checkOfStory(d.library, ['date-0'])
    return { ...d, checkId: check.id }
  }

  it('is the signed-in member on a desk, for decisions, undo and redo', async () => {
    const { call, as, checkId, library } = await withCheck()
    await call(as('checker', 1, 'Ana'), 'checks.decide', { checkId, claimId: 'date-0', status: 'verified' })
    await call(as('reviewer', 2, 'Ben'), 'checks.undo', { checkId })
    await call(as('checker', 3, 'Cleo'), 'checks.redo', { checkId })
    const { entries } = (await call(as('checker'), 'checks.history', { checkId })) as {
      entries: { actor: string | null }[]
    }
    expect(entries.map((e) => e.actor)).toEqual(['Ana', 'Ben', 'Cleo'])
    expect((await library.checks.decisions(checkId))[0]?.actor).toBe('Cleo')
  })

  it("is the preferences' checker in single-user mode, or nobody when none is named", async () => {
    const { call, checkId, library } = await withCheck()
    const alone: HandlerContext = { transport: 'ipc' }
    await call(alone, 'checks.decide', { checkId, claimId: 'date-0', status: 'verified' })
    await library.preferences.set({ checkedBy: 'D. Editor' })
    await call(alone, 'checks.decide', { checkId, claimId: 'date-0', status: 'disputed' })
    const { entries } = (await call(alone, 'checks.history', { checkId })) as {
      entries: { actor: string | null }[]
    }
    expect(entries.map((e) => e.actor)).toEqual([null, 'D. Editor'])
  })
})
