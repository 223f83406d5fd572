// A check's assignment and review through the API: who may take which step is enforced here, on
// the server, whatever a page offers; each step is kept with who took it, and the reviewer is told
// which claims changed since their last review.
import { describe, expect, it } from 'vitest'
import type { MemberRole } from '../../shared/members'
import type { CheckReview } from '../../shared/review'
import type { CheckDetail } from '../../shared/workbench'
import { checkOfStory } from '../../test-support/library/check-result'
import { openLibrary } from '../library/sqlite'
import { dispatch, type HandlerContext } from './dispatch'
import { libraryHandlers } from '../../test-support/api-handlers'

async function desk() {
  const library = openLibrary(':memory:')
  const handlers = libraryHandlers(library)
  const members: Record<string, HandlerContext> = {}
  for (const [name, role] of [
    ['Ana', 'checker'],
    ['Ben', 'checker'],
    ['Rui', 'reviewer'],
    ['Eva', 'admin']
  ] as const) {
    const added = await library.members.add({ name, role: role as MemberRole, passwordHash: 'x' })
    members[name] = { transport: 'http', member: { id: added.id, name, role } }
  }
  const check = await checkOfStory(library, ['date-0', 'date-5'])
  const call = (who: string | HandlerContext, method: string, input: Record<string, unknown>) =>
    dispatch(handlers, method, input, typeof who === 'string' ? members[who]! : who)
  const step = (who: string, action: string, extra: Record<string, unknown> = {}) =>
    call(who, 'checks.review', { checkId: check.id, action, ...extra }) as Promise<CheckReview>
  const decide = (who: string, claimId: string, status: string) =>
    call(who, 'checks.decide', { checkId: check.id, claimId, status })
  return { library, call, step, decide, check }
}

describe('assignment through the API', () => {
  it('assigns the check and a claim to active members, by the name they sign in with, and clears', async () => {
    const { call, check, library } = await desk()
    const review = (await call('Rui', 'checks.assign', { checkId: check.id, assignee: 'ana' })) as CheckReview
    expect(review.assignee).toBe('Ana')
    expect(review.assignment).toEqual({
      claimId: null,
      assignee: 'Ana',
      assignedBy: 'Rui',
      assignedAt: expect.any(String)
    })
    const claim = (await call('Ana', 'checks.assign', {
      checkId: check.id,
      claimId: 'date-5',
      assignee: 'Ben'
    })) as CheckReview
    expect(claim.claimAssignments).toEqual([
      { claimId: 'date-5', assignee: 'Ben', assignedBy: 'Ana', assignedAt: expect.any(String) }
    ])
    const detail = (await call('Ben', 'checks.get', { id: check.id })) as CheckDetail
    expect(detail.review).toMatchObject({ state: 'in_progress', assignee: 'Ana' })
    expect(
      ((await call('Rui', 'checks.assign', { checkId: check.id, assignee: null })) as CheckReview).assignee
    ).toBeNull()

    const ben = (await library.members.byName('Ben'))!
    await library.members.disable(ben.id)
    for (const [input, code] of [
      [{ checkId: check.id, assignee: 'Ben' }, 'NOT_FOUND'],
      [{ checkId: check.id, assignee: 'Nobody' }, 'NOT_FOUND'],
      [{ checkId: check.id, claimId: 'no-such-claim', assignee: 'Ana' }, 'NOT_FOUND'],
      [{ checkId: 9999, assignee: 'Ana' }, 'NOT_FOUND'],
      [{ checkId: check.id, assignee: '' }, 'BAD_REQUEST']
    ] as const)
      await expect(call('Rui', 'checks.assign', input)).rejects.toMatchObject({ code })
  })

  it("leaves handing out work to reviewers, admins and the check's checker; others take free work", async () => {
    const { call, check } = await desk()
    const assign = (who: string, assignee: string | null, claimId?: string) =>
      call(who, 'checks.assign', {
        checkId: check.id,
        assignee,
        ...(claimId ? { claimId } : {})
      }) as Promise<CheckReview>
    // Ben may not give a free check to Ana, but takes it himself; Ana may not take it from him.
    await expect(assign('Ben', 'Ana')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining("A reviewer, an admin or the check's checker")
    })
    expect((await assign('Ben', 'Ben')).assignee).toBe('Ben')
    await expect(assign('Ana', 'Ana')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    // As its checker, Ben splits it: a claim to Ana. Ana gives it back; she may not hand it on.
    expect((await assign('Ben', 'Ana', 'date-5')).claimAssignments[0]).toMatchObject({ assignee: 'Ana' })
    await expect(assign('Ana', 'Eva', 'date-5')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect((await assign('Ana', null, 'date-5')).claimAssignments).toEqual([])
    // A reviewer reassigns the check whoever has it; nothing refused was recorded.
    const review = await assign('Rui', 'Ana')
    expect(review.assignment).toMatchObject({ assignee: 'Ana', assignedBy: 'Rui' })
  })

  it('is refused off a desk, where there is no one to assign to', async () => {
    const { call, check } = await desk()
    await expect(
      call({ transport: 'http' }, 'checks.assign', { checkId: check.id, assignee: 'Ana' })
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await call({ transport: 'http' }, 'members.assignable', {})).toEqual({ members: [] })
    expect(await call('Ana', 'members.assignable', {})).toEqual({
      members: [
        { name: 'Ana', role: 'checker' },
        { name: 'Ben', role: 'checker' },
        { name: 'Eva', role: 'admin' },
        { name: 'Rui', role: 'reviewer' }
      ]
    })
  })
})

describe('review through the API', () => {
  it('goes ready, returned with a comment, ready again, approved; each step kept with who took it', async () => {
    const { step, decide, call, check } = await desk()
    await decide('Ana', 'date-0', 'verified')
    expect((await step('Ana', 'submit')).state).toBe('ready')
    const returned = await step('Rui', 'return', { comment: '  Source the second date.  ', from: 'ready' })
    expect(returned.state).toBe('returned')
    expect(returned.history.at(-1)).toMatchObject({
      state: 'returned',
      actor: 'Rui',
      comment: 'Source the second date.'
    })
    await decide('Ana', 'date-5', 'disputed')
    const again = await step('Ana', 'submit', { from: 'returned' })
    expect(again.state).toBe('ready')
    // What the reviewer has not seen: the claim decided after the return, not the one before it.
    expect(again.changedSinceReview.claimIds).toEqual(['date-5'])
    expect(again.changedSinceReview.since).toMatchObject({ state: 'returned', actor: 'Rui' })
    const approved = await step('Eva', 'approve')
    expect(approved.state).toBe('approved')
    expect(approved.changedSinceReview.claimIds).toEqual([])
    expect(approved.history.map((s) => [s.state, s.actor])).toEqual([
      ['ready', 'Ana'],
      ['returned', 'Rui'],
      ['ready', 'Ana'],
      ['approved', 'Eva']
    ])
    // Every report format names the approver; an unsigned one is signed by the assignee.
    await call('Rui', 'checks.assign', { checkId: check.id, assignee: 'Ana' })
    for (const format of ['md', 'html', 'csv', 'json'] as const) {
      const file = (await call('Ana', 'checks.export', { id: check.id, format })) as { base64: string }
      const text = Buffer.from(file.base64, 'base64').toString('utf8')
      expect(text, format).toContain('Eva')
      expect(text, format).toContain('Ana')
    }
    const md = (await call('Ana', 'checks.export', { id: check.id, format: 'md' })) as { base64: string }
    expect(Buffer.from(md.base64, 'base64').toString('utf8')).toMatch(
      /Checked by Ana[\s\S]*Assigned to Ana · Decisions by Ana · Approved by Eva, /
    )
  })

  it('refuses a checker approving or returning, even their own check marked ready', async () => {
    const { step } = await desk()
    await step('Ana', 'submit')
    await expect(step('Ana', 'approve')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(step('Ben', 'return', { comment: 'No.' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect((await step('Rui', 'approve')).state).toBe('approved')
  })

  it('has a second person approve: not a reviewer who checked the story or marked it ready', async () => {
    const { call, step, check } = await desk()
    await call('Rui', 'checks.assign', { checkId: check.id, assignee: 'Rui' })
    await step('Rui', 'submit')
    await expect(step('Rui', 'approve')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('A second person approves')
    })
    // Marked ready by an admin for an unassigned check: that admin may not approve it either.
    await step('Rui', 'reopen')
    await call('Rui', 'checks.assign', { checkId: check.id, assignee: null })
    await step('Eva', 'submit')
    await expect(step('Eva', 'approve')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const approved = await step('Rui', 'approve')
    expect(approved.history.map((s) => [s.state, s.actor])).toEqual([
      ['ready', 'Rui'],
      ['in_progress', 'Rui'],
      ['ready', 'Eva'],
      ['approved', 'Rui']
    ])
  })

  it('refuses a return without a comment, a step from the wrong state, and one on a state that moved on', async () => {
    const { step } = await desk()
    await expect(step('Rui', 'approve')).rejects.toMatchObject({ code: 'CONFLICT' })
    await step('Ana', 'submit')
    await expect(step('Rui', 'return', { comment: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await step('Rui', 'approve', { from: 'ready' })
    await expect(step('Eva', 'return', { comment: 'Wait.', from: 'ready' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { state: 'approved' }
    })
  })

  it('leaves marking ready to the assignee when there is one', async () => {
    const { call, step, check } = await desk()
    await call('Rui', 'checks.assign', { checkId: check.id, assignee: 'Ana' })
    await expect(step('Ben', 'submit')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect((await step('Ana', 'submit')).state).toBe('ready')
    // The checks list says so, for a reviewer looking for what to review.
    expect(await call('Rui', 'checks.list', {})).toMatchObject({
      reviews: [{ checkId: check.id, state: 'ready', assignee: 'Ana' }]
    })
  })

  it('works off a desk for the one user, signed with the checker named in the preferences', async () => {
    const { library, call, check } = await desk()
    await library.preferences.set({ checkedBy: 'Solo Editor' })
    const alone: HandlerContext = { transport: 'ipc' }
    await call(alone, 'checks.review', { checkId: check.id, action: 'submit' })
    const approved = (await call(alone, 'checks.review', {
      checkId: check.id,
      action: 'approve'
    })) as CheckReview
    expect(approved.history.map((s) => [s.state, s.actor])).toEqual([
      ['ready', 'Solo Editor'],
      ['approved', 'Solo Editor']
    ])
  })
})
