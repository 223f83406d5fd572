// Claims the editor adds by selecting story text: checked against the sources, kept across
// reruns, decided like any other claim.
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/errors'
import type { Library } from '../library'
import { openLibrary } from '../library/sqlite'
import { addEditorClaim, checkDetail, createCheck, rerunCheck } from './checks'
import { importFiles } from './importer'

const STORY = [
  'Harbour board approves the northern pier',
  '',
  'The harbour board voted on Tuesday to rebuild the northern pier. Work starts after the storm season, the chair Mirela Osterhaus said.',
  '',
  'Fishermen welcomed the plan and said the old pier had flooded twice last winter.'
].join('\n')
const SOURCE = [
  'Pier decision',
  '',
  'Members of the harbour board voted to rebuild the northern pier, with work starting after the storm season.',
  '',
  'Local fishermen said the old pier flooded twice last winter.'
].join('\n')

async function libraryWithCheck(): Promise<{ library: Library; checkId: number; story: string }> {
  const library = openLibrary(':memory:')
  const encode = (s: string) => new TextEncoder().encode(s)
  const [story] = await importFiles(library, [{ name: 'story.txt', bytes: encode(STORY) }], { role: 'story' })
  const [source] = await importFiles(library, [{ name: 'source.txt', bytes: encode(SOURCE) }])
  if (story?.status !== 'imported' || source?.status !== 'imported') throw new Error('fixture import failed')
  const check = await createCheck(library, story.id, [source.id], { storyDate: '2025-03-06' })
  return { library, checkId: check.id, story: (await library.get(story.id))!.cleanedText }
}

function spanOf(text: string, words: string): { start: number; end: number } {
  const start = text.indexOf(words)
  if (start < 0) throw new Error(`fixture lacks “${words}”`)
  return { start, end: start + words.length }
}

describe('claims added by the editor', () => {
  it('checks a selected statement against the sources and marks it as the editor’s', async () => {
    const { library, checkId, story } = await libraryWithCheck()
    const before = (await checkDetail(library, checkId)).result.claims.length
    const selection = spanOf(story, 'the old pier had flooded twice last winter')
    const { claimId, detail } = await addEditorClaim(library, checkId, { kind: 'event', ...selection })
    expect(detail.result.claims).toHaveLength(before + 1)
    const claim = detail.result.claims.find((c) => c.id === claimId)!
    expect(claim).toMatchObject({
      kind: 'event',
      origin: 'editor',
      text: 'the old pier had flooded twice last winter'
    })
    expect(story.slice(claim.start, claim.end)).toBe(claim.text)
    expect(claim.evidence.map((e) => e.text)).toContain(
      'Local fishermen said the old pier flooded twice last winter.'
    )
    expect(detail.check.total).toBe(before + 1)
  })

  it('trims the whitespace of a sloppy selection and keeps the claim and its decision across reruns', async () => {
    const { library, checkId, story } = await libraryWithCheck()
    const { start, end } = spanOf(story, 'the chair Mirela Osterhaus said')
    const { claimId } = await addEditorClaim(library, checkId, { kind: 'quote', start: start - 1, end })
    const added = (await checkDetail(library, checkId)).result.claims.find((c) => c.id === claimId)!
    expect([added.start, added.end]).toEqual([start, end])
    await library.checks.decide({
      checkId,
      claimId,
      status: 'verified',
      correctedText: null,
      note: null,
      pinned: []
    })
    const again = await rerunCheck(library, checkId)
    expect(again.result.claims.find((c) => c.id === claimId)?.text).toBe('the chair Mirela Osterhaus said')
    expect(again.decisions.find((d) => d.claimId === claimId)?.status).toBe('verified')
  })

  it('returns the engine’s claim instead of adding the same words twice', async () => {
    const { library, checkId } = await libraryWithCheck()
    const engineClaim = (await checkDetail(library, checkId)).result.claims.find((c) => c.kind === 'date')!
    const { claimId, detail } = await addEditorClaim(library, checkId, {
      kind: 'date',
      start: engineClaim.start,
      end: engineClaim.end
    })
    expect(claimId).toBe(engineClaim.id)
    expect(detail.result.claims.filter((c) => c.origin === 'editor')).toEqual([])
  })

  it('refuses a date claim on words without a date, and a selection past the story, leaving the check alone', async () => {
    const { library, checkId, story } = await libraryWithCheck()
    const before = JSON.stringify((await checkDetail(library, checkId)).result.claims)
    const refusal = async (selection: { kind: 'date'; start: number; end: number }): Promise<string[]> => {
      try {
        await addEditorClaim(library, checkId, selection)
        return []
      } catch (error) {
        return error instanceof ApiError ? [error.code, error.message] : [String(error)]
      }
    }
    expect(await refusal({ kind: 'date', ...spanOf(story, 'Fishermen welcomed the plan') })).toEqual([
      'BAD_REQUEST',
      'Found no date in “Fishermen welcomed the plan”; choose another kind.'
    ])
    expect((await refusal({ kind: 'date', start: 0, end: story.length + 5 }))[0]).toBe('BAD_REQUEST')
    expect(JSON.stringify((await checkDetail(library, checkId)).result.claims)).toBe(before)
  })
})
