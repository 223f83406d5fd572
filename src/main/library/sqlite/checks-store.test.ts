import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from './index'
import { resultWithClaims } from '../../../test-support/library/check-result'
import { makeDoc } from '../../../test-support/library/docs'
import { scratchDirs } from '../../../test-support/scratch-dirs'

const scratch = scratchDirs('factdesk-checks-')

async function libraryWithStory(path = ':memory:') {
  const library = openLibrary(path)
  const { id } = await library.importDocument({
    fileName: 'story.txt',
    bytes: new Uint8Array([1]),
    doc: makeDoc(['A story. It has claims.']),
    role: 'story'
  })
  return { library, storyId: id }
}

describe('checks and decisions', () => {
  it('saves each decision with a history entry of old and new', async () => {
    const { library, storyId } = await libraryWithStory()
    const check = await library.checks.create({
      storyId,
      title: 'Story',
      sourceIds: null,
      result: resultWithClaims(['date-0', 'date-5'])
    })
    expect(check).toMatchObject({ total: 2, decided: 0, sourceIds: null })
    await library.checks.decide({
      checkId: check.id,
      claimId: 'date-0',
      status: 'verified',
      correctedText: null,
      note: null,
      pinned: []
    })
    await library.checks.decide({
      checkId: check.id,
      claimId: 'date-0',
      status: 'corrected',
      correctedText: 'Feb. 24, 2022',
      note: 'Per AP',
      pinned: [{ sourceId: 9, paragraphIndex: 2, start: 0, end: 5, text: 'Feb 24' }]
    })
    const history = await library.checks.history(check.id, 'date-0')
    expect(history.map((h) => [h.before?.status ?? null, h.after.status])).toEqual([
      [null, 'verified'],
      ['verified', 'corrected']
    ])
    expect(await library.checks.decisions(check.id)).toEqual([
      expect.objectContaining({
        claimId: 'date-0',
        status: 'corrected',
        correctedText: 'Feb. 24, 2022',
        note: 'Per AP',
        pinned: [expect.objectContaining({ sourceId: 9 })]
      })
    ])
    expect((await library.checks.list())[0]).toMatchObject({ decided: 1, total: 2 })
  })

  it('keeps decisions across closing and reopening the library file', async () => {
    const path = join(scratch(), 'lib.sqlite')
    const first = await libraryWithStory(path)
    const check = await first.library.checks.create({
      storyId: first.storyId,
      title: 'S',
      sourceIds: [2, 3],
      result: resultWithClaims(['q-1'])
    })
    await first.library.checks.decide({
      checkId: check.id,
      claimId: 'q-1',
      status: 'disputed',
      correctedText: null,
      note: 'two sources disagree',
      pinned: []
    })
    await first.library.close()
    const again = openLibrary(path)
    expect((await again.checks.get(check.id))?.summary.sourceIds).toEqual([2, 3])
    expect(await again.checks.decisions(check.id)).toEqual([
      expect.objectContaining({ status: 'disputed', note: 'two sources disagree' })
    ])
    await again.close()
  })

  it('undoes and redoes from the stored history, after the library was closed and opened again', async () => {
    const path = join(scratch(), 'lib.sqlite')
    const first = await libraryWithStory(path)
    const check = await first.library.checks.create({
      storyId: first.storyId,
      title: 'S',
      sourceIds: null,
      result: resultWithClaims(['a', 'b'])
    })
    const decide = async (
      claimId: string,
      status: 'verified' | 'disputed' | 'corrected',
      correctedText: string | null
    ) =>
      await first.library.checks.decide({
        checkId: check.id,
        claimId,
        status,
        correctedText,
        note: null,
        pinned: []
      })
    await decide('a', 'corrected', 'Feb. 24, 2022')
    await decide('b', 'disputed', null)
    await decide('a', 'verified', null)
    expect(await first.library.checks.undoState(check.id)).toMatchObject({ canUndo: true, canRedo: false })
    await first.library.close()

    const library = openLibrary(path)
    const status = async () =>
      (await library.checks.decisions(check.id)).map((d) => [d.claimId, d.status, d.correctedText])
    // The last change (a: corrected → verified) is reversed first, wording and all.
    const undone = (await library.checks.undo(check.id))!
    expect(undone.decision).toMatchObject({
      claimId: 'a',
      status: 'corrected',
      correctedText: 'Feb. 24, 2022'
    })
    expect(undone.entry.undoes).toBeGreaterThan(0)
    expect((await library.checks.undo(check.id))?.decision).toMatchObject({ claimId: 'b', status: 'open' })
    expect(await status()).toEqual([
      ['a', 'corrected', 'Feb. 24, 2022'],
      ['b', 'open', null]
    ])
    expect(await library.checks.undoState(check.id)).toMatchObject({ canUndo: true, canRedo: true })
    expect((await library.checks.redo(check.id))?.decision).toMatchObject({
      claimId: 'b',
      status: 'disputed'
    })
    // A decision by hand leaves nothing to redo.
    await library.checks.decide({
      checkId: check.id,
      claimId: 'b',
      status: 'verified',
      correctedText: null,
      note: null,
      pinned: []
    })
    expect(await library.checks.redo(check.id)).toBeNull()
    expect(await library.checks.undoState(check.id)).toMatchObject({ canUndo: true, canRedo: false })
    // Every step is in the history, the undos and redos marked as such.
    const entries = await library.checks.history(check.id)
    expect(entries.map((e) => [e.claimId, e.after.status, e.undoes ?? null, e.redoes ?? null])).toEqual([
      ['a', 'corrected', null, null],
      ['b', 'disputed', null, null],
      ['a', 'verified', null, null],
      ['a', 'corrected', entries[2]!.id, null],
      ['b', 'open', entries[1]!.id, null],
      ['b', 'disputed', null, entries[1]!.id],
      ['b', 'verified', null, null]
    ])
    // Undo walks back to the first decision and then has nothing left.
    for (let i = 0; i < 3; i++) expect(await library.checks.undo(check.id)).not.toBeNull()
    expect(await status()).toEqual([
      ['a', 'open', null],
      ['b', 'open', null]
    ])
    expect(await library.checks.undo(check.id)).toBeNull()
    expect(await library.checks.undoState(check.id)).toMatchObject({ canUndo: false, canRedo: true })
    expect(await library.checks.undo(99)).toBeNull()
    await library.close()
  })

  it('refuses a decision for a check that does not exist, and deleting a check removes its decisions', async () => {
    const { library, storyId } = await libraryWithStory()
    expect(
      await library.checks.decide({
        checkId: 99,
        claimId: 'x',
        status: 'verified',
        correctedText: null,
        note: null,
        pinned: []
      })
    ).toBeNull()
    const check = await library.checks.create({
      storyId,
      title: 'S',
      sourceIds: null,
      result: resultWithClaims(['a'])
    })
    await library.checks.decide({
      checkId: check.id,
      claimId: 'a',
      status: 'verified',
      correctedText: null,
      note: null,
      pinned: []
    })
    expect(await library.checks.delete(check.id)).toBe(true)
    expect(await library.checks.decisions(check.id)).toEqual([])
    expect(await library.checks.history(check.id)).toEqual([])
  })

  it('keeps whether a claim is published and its public explanation, apart from the note, in the decision and its history', async () => {
    const { library, storyId } = await libraryWithStory()
    const check = await library.checks.create({
      storyId,
      title: 'S',
      sourceIds: null,
      result: resultWithClaims(['a'])
    })
    const decide = async (extra: { publish?: boolean; publicExplanation?: string | null }) =>
      (await library.checks.decide({
        checkId: check.id,
        claimId: 'a',
        status: 'verified',
        correctedText: null,
        note: 'private: the aide confirmed',
        pinned: [],
        ...extra
      }))!.decision
    // A new decision is unpublished until the editor says otherwise.
    expect(await decide({})).toMatchObject({ publish: false, publicExplanation: null })
    expect(await decide({ publish: true, publicExplanation: 'Two outlets confirm the date.' })).toMatchObject(
      {
        publish: true,
        publicExplanation: 'Two outlets confirm the date.',
        note: 'private: the aide confirmed'
      }
    )
    // Left out, they stay as decided: changing the status does not withdraw the claim.
    expect(await decide({})).toMatchObject({
      publish: true,
      publicExplanation: 'Two outlets confirm the date.'
    })
    expect(await decide({ publish: false, publicExplanation: null })).toMatchObject({
      publish: false,
      publicExplanation: null
    })
    const history = await library.checks.history(check.id, 'a')
    expect(history.map((h) => [h.before?.publish ?? null, h.after.publish])).toEqual([
      [null, false],
      [false, true],
      [true, true],
      [true, false]
    ])
    expect(history[1]!.after.publicExplanation).toBe('Two outlets confirm the date.')
    expect(await library.checks.decisions(check.id)).toEqual([
      expect.objectContaining({ publish: false, publicExplanation: null })
    ])
  })

  it('removes a story’s checks with the story', async () => {
    const { library, storyId } = await libraryWithStory()
    await library.checks.create({ storyId, title: 'S', sourceIds: null, result: resultWithClaims(['a']) })
    await library.delete(storyId)
    expect(await library.checks.list()).toEqual([])
  })
})
