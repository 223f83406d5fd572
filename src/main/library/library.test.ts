import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/errors'
import { openLibrary, type Library } from './index'
import { bytesOf, makeDoc } from '../../test-support/library/docs'

let library: Library
beforeEach(() => {
  library = openLibrary(':memory:')
})
afterEach(() => library.close())

const story = makeDoc(
  [
    'Foreign Minister Takeshi Iwaya made a surprise visit to Kyiv on Saturday.',
    'He met Ukrainian Foreign Minister Andrii Sybiha and President Volodymyr Zelenskyy.',
    'Pyongyang deployed more than 10,000 troops, the ministry said.'
  ],
  { title: 'Iwaya visits Kyiv', outlet: 'The Japan Times', publishedAt: '2024-11-16' }
)

function add(paragraphs: string[], role: 'story' | 'source' = 'source', title: string | null = null) {
  return library.importDocument({
    fileName: `${paragraphs[0]}.txt`,
    bytes: bytesOf(paragraphs.join('\n')),
    doc: makeDoc(paragraphs, { title }),
    role
  })
}

describe('importDocument', () => {
  it('stores the text, its paragraphs with offsets, and the original bytes', () => {
    const bytes = bytesOf('raw file bytes \u00e9')
    const result = library.importDocument({ fileName: 'jt.txt', bytes, doc: story, role: 'story' })
    expect(result).toEqual({ status: 'imported', id: expect.any(Number), title: 'Iwaya visits Kyiv' })
    const text = library.get(result.id)!
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
    expect(library.originalBytes(result.id)).toEqual(bytes)
  })

  it('reports the same cleaned text again as a duplicate of the first, whatever its layout', () => {
    const first = library.importDocument({
      fileName: 'a.txt',
      bytes: bytesOf('a'),
      doc: story,
      role: 'source'
    })
    const relaid = makeDoc(
      story.paragraphs.map((p) => p.replace(/ /g, '  ')),
      { format: 'html', title: 'Other' }
    )
    const second = library.importDocument({
      fileName: 'a.html',
      bytes: bytesOf('b'),
      doc: relaid,
      role: 'story'
    })
    expect(second).toEqual({ status: 'duplicate', id: first.id, title: 'Iwaya visits Kyiv' })
    expect(library.count()).toBe(1)
  })

  it('leaves nothing behind when a text fails half-way', () => {
    // A paragraph that is not a string makes the paragraph insert throw after the text row went in.
    const broken = makeDoc(['fine paragraph'])
    broken.paragraphs.push({} as unknown as string)
    expect(() =>
      library.importDocument({ fileName: 'x', bytes: bytesOf('x'), doc: broken, role: 'source' })
    ).toThrow()
    expect(library.count()).toBe(0)
    expect(library.indexPending()).toBe(0) // nothing of it waits for the full-text index either
    expect(library.search('fine', 10)).toEqual([])
    expect(library.integrityCheck()).toEqual({ ok: true, problems: [] })
  })
})

describe('list, setRole, delete', () => {
  it('lists newest first, filters by role, pages, and counts the total', () => {
    const ids = ['one', 'two', 'three'].map(
      (w, i) => add([`Paragraph ${w}.`], i === 0 ? 'story' : 'source').id
    )
    const all = library.list({ limit: 2, offset: 0 })
    expect(all.total).toBe(3)
    expect(all.texts.map((t) => t.id)).toEqual([ids[2], ids[1]])
    expect(library.list({ limit: 2, offset: 2 }).texts.map((t) => t.id)).toEqual([ids[0]])
    const stories = library.list({ role: 'story', limit: 10, offset: 0 })
    expect(stories).toMatchObject({ total: 1, texts: [{ id: ids[0], role: 'story', paragraphCount: 1 }] })
  })

  it('changes a role and says null for an unknown id', () => {
    const { id } = add(['A text.'])
    expect(library.setRole(id, 'story')).toMatchObject({ id, role: 'story' })
    expect(library.get(id)?.role).toBe('story')
    expect(library.setRole(9999, 'story')).toBeNull()
  })

  it('deletes a text with its paragraphs and index entries', () => {
    const { id } = add(['Kamikawa was foreign minister.', 'Another paragraph.'])
    const keep = add(['Kamikawa again, elsewhere.'])
    expect(library.delete(id)).toBe(true)
    expect(library.delete(id)).toBe(false)
    expect(library.get(id)).toBeNull()
    expect(library.search('Kamikawa', 10).map((h) => h.textId)).toEqual([keep.id])
    expect(library.integrityCheck().ok).toBe(true)
  })
})

describe('search', () => {
  it('prefix-matches every word, ranks by bm25 and returns plain snippet segments', () => {
    const { id } = library.importDocument({
      fileName: 'jt.txt',
      bytes: bytesOf('x'),
      doc: story,
      role: 'story'
    })
    add(['Troops troops troops: Pyongyang troops everywhere.'])
    add(['Nothing about the subject at all.'])
    const hits = library.search('troop', 10)
    expect(hits).toHaveLength(2)
    expect(hits[0]!.rank).toBeLessThanOrEqual(hits[1]!.rank)
    expect(hits[0]!.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toContain('troops')
    const jt = library.search('pyongyang 10,000', 10)
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

  it('finds accented text without the accents and phrases only in order', () => {
    add(['Le café de Zelenskyy à Kyiv.'])
    expect(library.search('cafe', 10)).toHaveLength(1)
    expect(library.search('"cafe de"', 10)).toHaveLength(1)
    expect(library.search('"de cafe"', 10)).toHaveLength(0)
  })

  it('never throws on FTS syntax in user input and never returns markup', () => {
    add(['<b>Bold</b> claims (in brackets) and "quotes" AND operators.'])
    for (const query of ['"', '(', 'AND', 'NEAR(', '"quotes', 'brackets)', '*', 'b:', '^claims']) {
      expect(() => library.search(query, 10), query).not.toThrow()
    }
    const [hit] = library.search('bold', 10)
    expect(hit!.snippet.map((s) => s.text).join('')).toContain('<b>Bold</b>')
    expect(hit!.snippet.some((s) => /[\uE000\uE001]/.test(s.text))).toBe(false)
  })

  it('finds a word of a headline, marked in the headline, before the passages', () => {
    const { id } = add(
      ['Officials met in the capital.', 'Talks went on late.'],
      'source',
      'Sybiha hosts Iwaya'
    )
    add(['Sybiha spoke to reporters.'])
    const hits = library.search('Sybiha', 10)
    expect(hits.map((h) => h.field)).toEqual(['headline', 'paragraph'])
    expect(hits[0]).toMatchObject({ field: 'headline', textId: id, title: 'Sybiha hosts Iwaya' })
    expect(hits[0]!.snippet).toEqual([
      { text: 'Sybiha', match: true },
      { text: ' hosts Iwaya', match: false }
    ])
    // Passages only, for pinning evidence.
    expect(library.search('Sybiha', 10, { headlines: false }).map((h) => h.field)).toEqual(['paragraph'])
    // A word of the headline with a word of the body is no headline hit: each is searched whole.
    expect(library.search('Sybiha capital', 10)).toEqual([])
  })

  it('gives headlines at most a fifth of the list, so passages keep their place', () => {
    for (let i = 0; i < 12; i++) add([`Kyiv paragraph ${i}.`], 'source', `Kyiv headline ${i}`)
    const fields = library.search('kyiv', 10).map((h) => h.field)
    expect(fields.filter((f) => f === 'headline')).toHaveLength(2)
    expect(fields).toHaveLength(10)
  })

  it('follows a headline edited or deleted, also before its text reached the index', () => {
    const indexed = add(['First text.'], 'source', 'Kamikawa in Kyiv')
    library.indexPending()
    const waiting = add(['Second text.'], 'source', 'Sybiha in Tokyo')
    library.setMeta(indexed.id, { title: 'Iwaya in Kyiv' })
    library.setMeta(waiting.id, { title: 'Sybiha in Warsaw' })
    const headlines = (query: string) =>
      library
        .search(query, 10)
        .filter((h) => h.field === 'headline')
        .map((h) => h.textId)
    expect(headlines('Kamikawa')).toEqual([])
    expect(headlines('Iwaya')).toEqual([indexed.id])
    expect(headlines('Tokyo')).toEqual([])
    expect(headlines('Warsaw')).toEqual([waiting.id])
    expect(library.integrityCheck()).toEqual({ ok: true, problems: [] })
    library.setMeta(indexed.id, { title: null })
    library.delete(waiting.id)
    expect(headlines('Iwaya OR Warsaw')).toEqual([])
    expect(library.integrityCheck()).toEqual({ ok: true, problems: [] })
    // A new text may take the deleted one's id: its headline is indexed all the same.
    const next = add(['Third text.'], 'source', 'Zelenskyy in Rome')
    expect(headlines('Rome')).toEqual([next.id])
    expect(library.integrityCheck()).toEqual({ ok: true, problems: [] })
  })

  it('finds either side of OR, a phrase, and a phrase prefix', () => {
    const a = add(['Kamikawa met the press in Kyiv.'])
    const b = add(['Kakmikawa was misspelled here.'])
    const c = add(['The foreign minister left.'])
    const texts = (query: string) =>
      library
        .search(query, 10)
        .map((h) => h.textId)
        .sort((x, y) => x - y)
    expect(texts('Kamikawa OR Kakmikawa')).toEqual([a.id, b.id])
    expect(texts('"foreign minister"')).toEqual([c.id])
    expect(texts('"foreign min"*')).toEqual([c.id])
    expect(texts('"minister foreign"')).toEqual([])
  })

  it('honours the limit', () => {
    for (let i = 0; i < 20; i++) add([`Kyiv report number w${i}.`])
    expect(library.search('kyiv', 5)).toHaveLength(5)
  })
})

describe('searchPassages', () => {
  it('finds any of the terms, excluding texts and filtering roles', () => {
    const a = add(['Yoko Kamikawa was foreign minister.'], 'story')
    const b = add(['North Korea sent troops.'], 'source')
    const c = add(['Kamikawa visited Kyiv in 2024.'], 'source')
    add(['Unrelated weather report.'], 'source')
    const ids = (p: { textId: number }[]) => p.map((x) => x.textId).sort()
    expect(ids(library.searchPassages(['Kamikawa', 'North Korea'], { limit: 10 }))).toEqual(
      [a.id, b.id, c.id].sort()
    )
    expect(ids(library.searchPassages(['Kamikawa'], { limit: 10, excludeTextIds: [a.id] }))).toEqual([c.id])
    expect(ids(library.searchPassages(['Kamikawa'], { limit: 10, roles: ['story'] }))).toEqual([a.id])
    const [passage] = library.searchPassages(['korea'], { limit: 10 })
    expect(passage).toMatchObject({ textId: b.id, index: 0, start: 0, text: 'North Korea sent troops.' })
    expect(library.searchPassages(['"', ''], { limit: 10 })).toEqual([])
  })
})

describe('house names', () => {
  it('adds, lists alphabetically, refuses a repeat in any case, and removes', () => {
    const kamikawa = library.addHouseName('Yoko Kamikawa', 'former foreign minister')
    library.addHouseName('Andrii Sybiha')
    expect(library.listHouseNames().map((n) => n.name)).toEqual(['Andrii Sybiha', 'Yoko Kamikawa'])
    expect(() => library.addHouseName('yoko KAMIKAWA')).toThrow(ApiError)
    expect(() => library.addHouseName('  ')).toThrow(/empty/)
    expect(library.removeHouseName(kamikawa.id)).toBe(true)
    expect(library.removeHouseName(kamikawa.id)).toBe(false)
    expect(library.listHouseNames()).toHaveLength(1)
  })
})

describe('read (the reader, a page at a time)', () => {
  it('gives a page of paragraphs from an offset, and only the start of the original', () => {
    const paragraphs = Array.from({ length: 1_000 }, (_, i) => `Paragraph ${i} of a very long report.`)
    const { id } = add(paragraphs)
    const first = library.read(id, 0, 200, 500)!
    expect(first.paragraphCount).toBe(1_000)
    expect(first.paragraphs.map((p) => p.index)).toEqual(Array.from({ length: 200 }, (_, i) => i))
    expect(first.originalText).toHaveLength(500)
    expect(first.originalLength).toBe(library.get(id)!.originalText.length)
    const last = library.read(id, 900, 200, 500)!
    expect(last.paragraphs.map((p) => p.text)).toEqual(paragraphs.slice(900))
    expect(library.read(id, 1_000, 200, 500)!.paragraphs).toEqual([])
    // The same paragraphs, with the same offsets, as the whole text gives.
    expect(library.read(id, 450, 3, 10)!.paragraphs).toEqual(library.get(id)!.paragraphs.slice(450, 453))
    expect(library.read(id + 1, 0, 200, 500)).toBeNull()
  })
})
