import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../../shared/errors'
import { openLibrary, type SqliteLibrary as Library } from './index'
import { bytesOf, makeDoc } from '../../../test-support/library/docs'

let library: Library
beforeEach(() => {
  library = openLibrary(':memory:')
})
afterEach(async () => await library.close())

const story = makeDoc(
  [
    'Foreign Minister Takeshi Iwaya made a surprise visit to Kyiv on Saturday.',
    'He met Ukrainian Foreign Minister Andrii Sybiha and President Volodymyr Zelenskyy.',
    'Pyongyang deployed more than 10,000 troops, the ministry said.'
  ],
  { title: 'Iwaya visits Kyiv', outlet: 'The Japan Times', publishedAt: '2024-11-16' }
)

async function add(paragraphs: string[], role: 'story' | 'source' = 'source', title: string | null = null) {
  return await library.importDocument({
    fileName: `${paragraphs[0]}.txt`,
    bytes: bytesOf(paragraphs.join('\n')),
    doc: makeDoc(paragraphs, { title }),
    role
  })
}

describe('importDocument', () => {
  it('stores the text, its paragraphs with offsets, and the original bytes', async () => {
    const bytes = bytesOf('raw file bytes \u00e9')
    const result = await library.importDocument({ fileName: 'jt.txt', bytes, doc: story, role: 'story' })
    expect(result).toEqual({ status: 'imported', id: expect.any(Number), title: 'Iwaya visits Kyiv' })
    const text = (await library.get(result.id))!
    expect(text).toMatchObject({
      role: 'story',
      format: 'txt',
      fileName: 'jt.txt',
      title: 'Iwaya visits Kyiv',
      outlet: 'The Japan Times',
      publishedAt: '2024-11-16',
      paragraphCount: 3,
      wordCount: 32,
      cleanedText: story.cleanedText
    })
    expect(text.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(text.paragraphs.map((p) => p.index)).toEqual([0, 1, 2])
    for (const p of text.paragraphs)
      expect(text.cleanedText.slice(p.start, p.start + p.text.length)).toBe(p.text)
    expect(await library.originalBytes(result.id)).toEqual(bytes)
  })

  it('reports the same cleaned text again as a duplicate of the first, whatever its layout', async () => {
    const first = await library.importDocument({
      fileName: 'a.txt',
      bytes: bytesOf('a'),
      doc: story,
      role: 'source'
    })
    const relaid = makeDoc(
      story.paragraphs.map((p) => p.replace(/ /g, '  ')),
      { format: 'html', title: 'Other' }
    )
    const second = await library.importDocument({
      fileName: 'a.html',
      bytes: bytesOf('b'),
      doc: relaid,
      role: 'story'
    })
    expect(second).toEqual({ status: 'duplicate', id: first.id, title: 'Iwaya visits Kyiv' })
    expect(await library.count()).toBe(1)
  })

  it('leaves nothing behind when a text fails half-way', async () => {
    // A paragraph that is not a string makes the paragraph insert throw after the text row went in.
    const broken = makeDoc(['fine paragraph'])
    broken.paragraphs.push({} as unknown as string)
    await expect(
      library.importDocument({ fileName: 'x', bytes: bytesOf('x'), doc: broken, role: 'source' })
    ).rejects.toThrow()
    expect(await library.count()).toBe(0)
    expect(await library.indexPending()).toBe(0) // nothing of it waits for the full-text index either
    expect(await library.search('fine', 10)).toEqual([])
    expect(await library.integrityCheck()).toEqual({ ok: true, problems: [] })
  })
})

describe('list, setRole, delete', () => {
  it('lists newest first, filters by role, pages, and counts the total', async () => {
    const ids: number[] = []
    for (const [i, w] of ['one', 'two', 'three'].entries())
      ids.push((await add([`Paragraph ${w}.`], i === 0 ? 'story' : 'source')).id)
    const all = await library.list({ limit: 2, offset: 0 })
    expect(all.total).toBe(3)
    expect(all.texts.map((t) => t.id)).toEqual([ids[2], ids[1]])
    expect((await library.list({ limit: 2, offset: 2 })).texts.map((t) => t.id)).toEqual([ids[0]])
    const stories = await library.list({ role: 'story', limit: 10, offset: 0 })
    expect(stories).toMatchObject({ total: 1, texts: [{ id: ids[0], role: 'story', paragraphCount: 1 }] })
  })

  it('changes a role and says null for an unknown id', async () => {
    const { id } = await add(['A text.'])
    expect(await library.setRole(id, 'story')).toMatchObject({ id, role: 'story' })
    expect((await library.get(id))?.role).toBe('story')
    expect(await library.setRole(9999, 'story')).toBeNull()
  })

  it('deletes a text with its paragraphs and index entries', async () => {
    const { id } = await add(['Kamikawa was foreign minister.', 'Another paragraph.'])
    const keep = await add(['Kamikawa again, elsewhere.'])
    expect(await library.delete(id)).toBe(true)
    expect(await library.delete(id)).toBe(false)
    expect(await library.get(id)).toBeNull()
    expect((await library.search('Kamikawa', 10)).map((h) => h.textId)).toEqual([keep.id])
    expect((await library.integrityCheck()).ok).toBe(true)
  })
})

describe('search', () => {
  it('prefix-matches every word, ranks by bm25 and returns plain snippet segments', async () => {
    const { id } = await library.importDocument({
      fileName: 'jt.txt',
      bytes: bytesOf('x'),
      doc: story,
      role: 'story'
    })
    await add(['Troops troops troops: Pyongyang troops everywhere.'])
    await add(['Nothing about the subject at all.'])
    const hits = await library.search('troop', 10)
    expect(hits).toHaveLength(2)
    expect(hits[0]!.rank).toBeLessThanOrEqual(hits[1]!.rank)
    expect(hits[0]!.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toContain('troops')
    const jt = await library.search('pyongyang 10,000', 10)
    expect(jt).toHaveLength(1)
    expect(jt[0]).toMatchObject({
      textId: id,
      paragraphIndex: 2,
      title: 'Iwaya visits Kyiv',
      outlet: 'The Japan Times',
      publishedAt: '2024-11-16'
    })
    expect(jt[0]!.snippet.map((s) => s.text).join('')).toBe(story.paragraphs[2])
  })

  it('finds accented text without the accents and phrases only in order', async () => {
    await add(['Le café de Zelenskyy à Kyiv.'])
    expect(await library.search('cafe', 10)).toHaveLength(1)
    expect(await library.search('"cafe de"', 10)).toHaveLength(1)
    expect(await library.search('"de cafe"', 10)).toHaveLength(0)
  })

  it('never throws on FTS syntax in user input and never returns markup', async () => {
    await add(['<b>Bold</b> claims (in brackets) and "quotes" AND operators.'])
    for (const query of ['"', '(', 'AND', 'NEAR(', '"quotes', 'brackets)', '*', 'b:', '^claims']) {
      await expect(library.search(query, 10), query).resolves.toBeDefined()
    }
    const [hit] = await library.search('bold', 10)
    expect(hit!.snippet.map((s) => s.text).join('')).toContain('<b>Bold</b>')
    expect(hit!.snippet.some((s) => /[\uE000\uE001]/.test(s.text))).toBe(false)
  })

  it('finds a word of a headline, marked in the headline, before the passages', async () => {
    const { id } = await add(
      ['Officials met in the capital.', 'Talks went on late.'],
      'source',
      'Sybiha hosts Iwaya'
    )
    await add(['Sybiha spoke to reporters.'])
    const hits = await library.search('Sybiha', 10)
    expect(hits.map((h) => h.field)).toEqual(['headline', 'paragraph'])
    expect(hits[0]).toMatchObject({ field: 'headline', textId: id, title: 'Sybiha hosts Iwaya' })
    expect(hits[0]!.snippet).toEqual([
      { text: 'Sybiha', match: true },
      { text: ' hosts Iwaya', match: false }
    ])
    // Passages only, for pinning evidence.
    expect((await library.search('Sybiha', 10, { headlines: false })).map((h) => h.field)).toEqual([
      'paragraph'
    ])
    // A word of the headline with a word of the body is no headline hit: each is searched whole.
    expect(await library.search('Sybiha capital', 10)).toEqual([])
  })

  it('gives headlines at most a fifth of the list, so passages keep their place', async () => {
    for (let i = 0; i < 12; i++) await add([`Kyiv paragraph ${i}.`], 'source', `Kyiv headline ${i}`)
    const fields = (await library.search('kyiv', 10)).map((h) => h.field)
    expect(fields.filter((f) => f === 'headline')).toHaveLength(2)
    expect(fields).toHaveLength(10)
  })

  it('follows a headline edited or deleted, also before its text reached the index', async () => {
    const indexed = await add(['First text.'], 'source', 'Kamikawa in Kyiv')
    await library.indexPending()
    const waiting = await add(['Second text.'], 'source', 'Sybiha in Tokyo')
    await library.setMeta(indexed.id, { title: 'Iwaya in Kyiv' })
    await library.setMeta(waiting.id, { title: 'Sybiha in Warsaw' })
    const headlines = async (query: string) =>
      (await library.search(query, 10)).filter((h) => h.field === 'headline').map((h) => h.textId)
    expect(await headlines('Kamikawa')).toEqual([])
    expect(await headlines('Iwaya')).toEqual([indexed.id])
    expect(await headlines('Tokyo')).toEqual([])
    expect(await headlines('Warsaw')).toEqual([waiting.id])
    expect(await library.integrityCheck()).toEqual({ ok: true, problems: [] })
    await library.setMeta(indexed.id, { title: null })
    await library.delete(waiting.id)
    expect(await headlines('Iwaya OR Warsaw')).toEqual([])
    expect(await library.integrityCheck()).toEqual({ ok: true, problems: [] })
    // A new text may take the deleted one's id: its headline is indexed all the same.
    const next = await add(['Third text.'], 'source', 'Zelenskyy in Rome')
    expect(await headlines('Rome')).toEqual([next.id])
    expect(await library.integrityCheck()).toEqual({ ok: true, problems: [] })
  })

  it('finds either side of OR, a phrase, and a phrase prefix', async () => {
    const a = await add(['Kamikawa met the press in Kyiv.'])
    const b = await add(['Kakmikawa was misspelled here.'])
    const c = await add(['The foreign minister left.'])
    const texts = async (query: string) =>
      (await library.search(query, 10)).map((h) => h.textId).sort((x, y) => x - y)
    expect(await texts('Kamikawa OR Kakmikawa')).toEqual([a.id, b.id])
    expect(await texts('"foreign minister"')).toEqual([c.id])
    expect(await texts('"foreign min"*')).toEqual([c.id])
    expect(await texts('"minister foreign"')).toEqual([])
  })

  it('honours the limit', async () => {
    for (let i = 0; i < 20; i++) await add([`Kyiv report number w${i}.`])
    expect(await library.search('kyiv', 5)).toHaveLength(5)
  })
})

describe('searchPassages', () => {
  it('finds any of the terms, excluding texts and filtering roles', async () => {
    const a = await add(['Yoko Kamikawa was foreign minister.'], 'story')
    const b = await add(['North Korea sent troops.'], 'source')
    const c = await add(['Kamikawa visited Kyiv in 2024.'], 'source')
    await add(['Unrelated weather report.'], 'source')
    const ids = (p: { textId: number }[]) => p.map((x) => x.textId).sort()
    expect(ids(await library.searchPassages(['Kamikawa', 'North Korea'], { limit: 10 }))).toEqual(
      [a.id, b.id, c.id].sort()
    )
    expect(ids(await library.searchPassages(['Kamikawa'], { limit: 10, excludeTextIds: [a.id] }))).toEqual([
      c.id
    ])
    expect(ids(await library.searchPassages(['Kamikawa'], { limit: 10, roles: ['story'] }))).toEqual([a.id])
    const [passage] = await library.searchPassages(['korea'], { limit: 10 })
    expect(passage).toMatchObject({ textId: b.id, index: 0, start: 0, text: 'North Korea sent troops.' })
    expect(await library.searchPassages(['"', ''], { limit: 10 })).toEqual([])
  })
})

describe('house names', () => {
  it('adds, lists alphabetically, refuses a repeat in any case, and removes', async () => {
    const kamikawa = await library.addHouseName('Yoko Kamikawa', 'former foreign minister')
    await library.addHouseName('Andrii Sybiha')
    expect((await library.listHouseNames()).map((n) => n.name)).toEqual(['Andrii Sybiha', 'Yoko Kamikawa'])
    await expect(library.addHouseName('yoko KAMIKAWA')).rejects.toThrow(ApiError)
    await expect(library.addHouseName('  ')).rejects.toThrow(/empty/)
    expect(await library.removeHouseName(kamikawa.id)).toBe(true)
    expect(await library.removeHouseName(kamikawa.id)).toBe(false)
    expect(await library.listHouseNames()).toHaveLength(1)
  })
})

describe('read (the reader, a page at a time)', () => {
  it('gives a page of paragraphs from an offset, and only the start of the original', async () => {
    const paragraphs = Array.from({ length: 1_000 }, (_, i) => `Paragraph ${i} of a very long report.`)
    const { id } = await add(paragraphs)
    const first = (await library.read(id, 0, 200, 500))!
    expect(first.paragraphCount).toBe(1_000)
    expect(first.paragraphs.map((p) => p.index)).toEqual(Array.from({ length: 200 }, (_, i) => i))
    expect(first.originalText).toHaveLength(500)
    expect(first.originalLength).toBe((await library.get(id))!.originalText.length)
    const last = (await library.read(id, 900, 200, 500))!
    expect(last.paragraphs.map((p) => p.text)).toEqual(paragraphs.slice(900))
    expect((await library.read(id, 1_000, 200, 500))!.paragraphs).toEqual([])
    // The same paragraphs, with the same offsets, as the whole text gives.
    expect((await library.read(id, 450, 3, 10))!.paragraphs).toEqual(
      (await library.get(id))!.paragraphs.slice(450, 453)
    )
    expect(await library.read(id + 1, 0, 200, 500)).toBeNull()
  })
})
