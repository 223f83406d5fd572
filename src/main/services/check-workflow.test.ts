// The workflow around a check: versions of the story left out and included on request, sources
// that changed after the check ran, metadata edits that re-run the checks using a text.
import { describe, expect, it } from 'vitest'
import type { Library } from '../library'
import { openLibrary } from '../library/sqlite'
import { checkDetail, createCheck, includeVersion, rerunCheck, setTextMeta, textUsage } from './checks'
import { exportReport } from './report'
import { importFiles } from './importer'

const STORY = [
  'The harbour authority in Tarvik said on Monday that 14 fishing boats sank in the storm.',
  'Harbour master Lena Holm said crews had worked through the night to secure the moorings.',
  'The storm brought winds of up to 140 km/h to the coast, the weather service said.',
  'Repairs to the breakwater are expected to cost about 3 million kroner, officials said.'
].join('\n\n')
// The same story, corrected: one paragraph changed, the others word for word.
const DRAFT = STORY.replace('14 fishing boats', '12 fishing boats')
const WIRE =
  'Fourteen boats were lost in Tarvik harbour when the storm hit on Monday, the harbour authority said.'

const encode = (s: string) => new TextEncoder().encode(s)

async function setUp(): Promise<{ library: Library; ids: Record<string, number> }> {
  const library = openLibrary(':memory:')
  const [story] = await importFiles(library, [{ name: 'story.txt', bytes: encode(STORY) }], { role: 'story' })
  const sources = await importFiles(library, [
    { name: 'draft.txt', bytes: encode(DRAFT) },
    { name: 'wire.txt', bytes: encode(WIRE) }
  ])
  const ids: Record<string, number> = {}
  for (const [name, o] of [
    ['story', story],
    ['draft', sources[0]],
    ['wire', sources[1]]
  ] as const) {
    if (o?.status !== 'imported') throw new Error(`fixture ${name} not imported`)
    ids[name] = o.id
  }
  return { library, ids }
}

describe('a check and the versions of its story', () => {
  it('leaves a corrected copy out, lists it, and compares with it only when the editor includes it', async () => {
    const { library, ids } = await setUp()
    const check = await createCheck(library, ids['story']!, null)
    const detail = await checkDetail(library, check.id)
    expect(detail.result.versions).toEqual([
      expect.objectContaining({ id: ids['draft'], included: false, share: 0.75 })
    ])
    expect(detail.result.sources.map((s) => s.id)).toEqual([ids['wire']])
    const evidenceFrom = (d: typeof detail) =>
      new Set(d.result.claims.flatMap((c) => c.evidence.map((e) => e.sourceId)))
    expect(evidenceFrom(detail).has(ids['draft']!)).toBe(false)

    const included = await includeVersion(library, check.id, ids['draft']!, true)
    expect(included.result.versions?.[0]?.included).toBe(true)
    expect(evidenceFrom(included).has(ids['draft']!)).toBe(true)
    // A rerun keeps the editor's choice.
    expect((await rerunCheck(library, check.id)).result.versions?.[0]?.included).toBe(true)
    expect(
      (await includeVersion(library, check.id, ids['draft']!, false)).result.versions?.[0]?.included
    ).toBe(false)
  })
})

describe('stale sources', () => {
  it('says which sources were added or removed since the check ran, until it runs again', async () => {
    const { library, ids } = await setUp()
    const check = await createCheck(library, ids['story']!, null)
    expect((await checkDetail(library, check.id)).staleSources).toBeNull()
    const [added] = await importFiles(library, [
      {
        name: 'council.txt',
        bytes: encode('The council met on Tuesday about the breakwater repairs in Tarvik.')
      }
    ])
    if (added?.status !== 'imported') throw new Error('not imported')
    expect((await checkDetail(library, check.id)).staleSources).toEqual({ added: [added.id], removed: [] })
    await library.delete(ids['wire']!)
    expect((await checkDetail(library, check.id)).staleSources).toEqual({
      added: [added.id],
      removed: [ids['wire']]
    })
    expect((await rerunCheck(library, check.id)).staleSources).toBeNull()
  })
})

describe('editing a text’s metadata', () => {
  it('renames the story’s checks and runs them again with the new date, keeping decisions', async () => {
    const { library, ids } = await setUp()
    const check = await createCheck(library, ids['story']!, null)
    const claim = (await checkDetail(library, check.id)).result.claims.find(
      (c) => c.kind === 'date' && c.text === 'Monday'
    )!
    await library.checks.decide({
      checkId: check.id,
      claimId: claim.id,
      status: 'verified',
      correctedText: null,
      note: null,
      pinned: []
    })
    const { text, rerun } = await setTextMeta(library, ids['story']!, {
      title: 'Storm sinks boats in Tarvik',
      publishedAt: '2025-02-12'
    })
    expect(text).toMatchObject({ title: 'Storm sinks boats in Tarvik', publishedAt: '2025-02-12' })
    expect(rerun.map((c) => c.id)).toEqual([check.id])
    expect((await library.checks.list())[0]!.title).toBe('Storm sinks boats in Tarvik')
    const after = await checkDetail(library, check.id)
    // 12 February 2025 was a Wednesday: "Monday" now resolves to the 10th.
    expect(after.result.claims.find((c) => c.id === claim.id)?.normalized).toMatchObject({
      value: '2025-02-10'
    })
    expect(after.decisions.find((d) => d.claimId === claim.id)?.status).toBe('verified')
  })
})

describe('deleting a source a check uses', () => {
  it('names the checks first, and a passage pinned from it keeps its text and the source’s title', async () => {
    const { library, ids } = await setUp()
    const check = await createCheck(library, ids['story']!, null)
    expect(await textUsage(library, ids['wire']!)).toEqual([
      { id: check.id, title: expect.any(String), as: 'source' }
    ])
    expect(await textUsage(library, ids['story']!)).toEqual([expect.objectContaining({ as: 'story' })])
    const claim = (await checkDetail(library, check.id)).result.claims.find(
      (c) => c.text === '14 fishing boats'
    )!
    const from = claim.evidence.find((e) => e.sourceId === ids['wire'])!
    const { sourceId, paragraphIndex, start, end, text, sourceTitle } = from
    await library.checks.decide({
      checkId: check.id,
      claimId: claim.id,
      status: 'disputed',
      correctedText: null,
      note: null,
      pinned: [{ sourceId, paragraphIndex, start, end, text, sourceTitle }]
    })
    await library.delete(ids['wire']!)
    await rerunCheck(library, check.id)
    const report = new TextDecoder().decode((await exportReport(library, check.id, 'md')).bytes)
    expect(report).toContain(text)
    expect(report).toContain(sourceTitle!)
  })
})
