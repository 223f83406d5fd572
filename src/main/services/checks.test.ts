import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiError } from '../../shared/errors'
import { dispatch } from '../api/dispatch'
import { openLibrary } from '../library/sqlite'
import { checkDetail, rerunCheck, setCheckSources } from './checks'
import { seedDemoLibrary } from './importer'
import { libraryHandlers } from '../../test-support/api-handlers'

const SAMPLES = join(__dirname, '../../../resources/samples')

/** The demo library in memory, with the API handlers over it. */
async function demoHandlers() {
  const library = openLibrary(':memory:')
  await seedDemoLibrary(library, SAMPLES)
  const handlers = libraryHandlers(library)
  return { library, handlers }
}

describe('the demo check and decisions through the API', () => {
  it('seeds a demo check of the story against the four sources, with the flagged claims', async () => {
    const library = openLibrary(':memory:')
    await seedDemoLibrary(library, SAMPLES)
    const [check] = await library.checks.list()
    expect(check).toBeDefined()
    const detail = await checkDetail(library, check!.id)
    expect(detail.result.sources).toHaveLength(4)
    expect(detail.result.story.publishedAt).toBe('2024-11-16')
    const kakmikawa = detail.result.claims.find((c) => c.text === 'Yoko Kakmikawa')
    expect(kakmikawa?.status).toBe('spelling-to-check')
    expect(detail.story.text.slice(kakmikawa!.start, kakmikawa!.end)).toBe('Yoko Kakmikawa')
  })

  it('keeps decisions attached to their claims when the check is run again', async () => {
    const library = openLibrary(':memory:')
    await seedDemoLibrary(library, SAMPLES)
    const [check] = await library.checks.list()
    const claim = (await checkDetail(library, check!.id)).result.claims[0]!
    await library.checks.decide({
      checkId: check!.id,
      claimId: claim.id,
      status: 'verified',
      correctedText: null,
      note: 'ok',
      pinned: []
    })
    const again = await rerunCheck(library, check!.id)
    expect(again.result.claims.some((c) => c.id === claim.id)).toBe(true)
    expect(again.decisions).toEqual([expect.objectContaining({ claimId: claim.id, status: 'verified' })])
  })

  it('refuses a correction without wording, and a decision for an unknown claim, with typed errors', async () => {
    const { library, handlers } = await demoHandlers()
    const [check] = await library.checks.list()
    const claimId = (await checkDetail(library, check!.id)).result.claims[0]!.id
    const code = async (input: unknown) => {
      try {
        await dispatch(handlers, 'checks.decide', input, { transport: 'http' })
        return 'ok'
      } catch (error) {
        return (error as ApiError).code
      }
    }
    expect(await code({ checkId: check!.id, claimId, status: 'corrected' })).toBe('BAD_REQUEST')
    expect(await code({ checkId: check!.id, claimId, status: 'corrected', correctedText: '   ' })).toBe(
      'BAD_REQUEST'
    )
    expect(await code({ checkId: check!.id, claimId: 'no-such-claim', status: 'verified' })).toBe('NOT_FOUND')
    expect(
      await code({ checkId: check!.id, claimId, status: 'corrected', correctedText: 'Feb. 24, 2022' })
    ).toBe('ok')
    expect(await library.checks.history(check!.id, claimId)).toHaveLength(1)
  })

  it('undoes through the API from the stored history, and says what is left to undo or redo', async () => {
    const { library, handlers } = await demoHandlers()
    const call = (method: string, input: unknown) => dispatch(handlers, method, input, { transport: 'http' })
    const [check] = await library.checks.list()
    const claimId = (await checkDetail(library, check!.id)).result.claims[0]!.id
    expect((await checkDetail(library, check!.id)).undo).toMatchObject({ canUndo: false, canRedo: false })
    expect(await call('checks.undo', { checkId: check!.id })).toEqual({
      change: null,
      canUndo: false,
      canRedo: false,
      nextUndo: null,
      nextRedo: null
    })
    await call('checks.decide', {
      checkId: check!.id,
      claimId,
      status: 'disputed',
      note: 'two sources disagree'
    })
    expect((await checkDetail(library, check!.id)).undo).toMatchObject({ canUndo: true, canRedo: false })
    const undone = await call('checks.undo', { checkId: check!.id })
    expect(undone).toMatchObject({
      change: { decision: { claimId, status: 'open', note: null } },
      canUndo: false,
      canRedo: true
    })
    expect(await call('checks.redo', { checkId: check!.id })).toMatchObject({
      change: { decision: { claimId, status: 'disputed', note: 'two sources disagree' } },
      canUndo: true,
      canRedo: false
    })
    await expect(call('checks.undo', { checkId: 9999 })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('refuses through the API an undo of an entry that is no longer next, saying what is', async () => {
    const { library, handlers } = await demoHandlers()
    const call = (method: string, input: unknown) => dispatch(handlers, method, input, { transport: 'http' })
    const [check] = await library.checks.list()
    const [first, second] = (await checkDetail(library, check!.id)).result.claims
    const decide = (claimId: string) =>
      call('checks.decide', { checkId: check!.id, claimId, status: 'verified', version: 0 }) as Promise<{
        entry: { id: number }
      }>
    const mine = await decide(first!.id)
    const theirs = await decide(second!.id)
    await expect(call('checks.undo', { checkId: check!.id, entryId: mine.entry.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { undo: { nextUndo: theirs.entry.id } }
    })
    await expect(
      call('checks.decide', { checkId: check!.id, claimId: first!.id, status: 'disputed', version: 0 })
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { current: { status: 'verified', version: 1 } } })
    expect(await call('checks.undo', { checkId: check!.id, entryId: theirs.entry.id })).toMatchObject({
      change: { decision: { claimId: second!.id, status: 'open' } },
      nextUndo: mine.entry.id
    })
  })

  it('narrows a check to chosen sources and widens it again, keeping the decisions', async () => {
    const library = openLibrary(':memory:')
    await seedDemoLibrary(library, SAMPLES)
    const [check] = await library.checks.list()
    const detail = await checkDetail(library, check!.id)
    const claim = detail.result.claims[0]!
    await library.checks.decide({
      checkId: check!.id,
      claimId: claim.id,
      status: 'verified',
      correctedText: null,
      note: null,
      pinned: []
    })
    const one = detail.result.sources[0]!.id
    const narrowed = await setCheckSources(library, check!.id, [one])
    expect(narrowed.check.sourceIds).toEqual([one])
    expect(narrowed.result.sources.map((s) => s.id)).toEqual([one])
    expect(narrowed.result.claims.every((c) => c.evidence.every((e) => e.sourceId === one))).toBe(true)
    expect(narrowed.decisions.map((d) => d.claimId)).toEqual([claim.id])
    const widened = await setCheckSources(library, check!.id, null)
    expect(widened.check.sourceIds).toBeNull()
    expect(widened.result.sources).toHaveLength(detail.result.sources.length)
    await expect(setCheckSources(library, check!.id, [detail.check.storyId])).rejects.toThrow(
      'cannot be one of its own sources'
    )
    await expect(setCheckSources(library, check!.id, [9999])).rejects.toThrow('no source text with id 9999')
  })
})
