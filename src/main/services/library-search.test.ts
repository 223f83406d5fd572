// Spelling suggestions for a library search that finds nothing: near spellings the library uses,
// for any word, each suggestion finding something; and the search through the API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodOutput } from '../../shared/contract'
import { dispatch } from '../api/dispatch'
import type { Library } from '../library'
import { openLibrary } from '../library/sqlite'
import { bytesOf, makeDoc } from '../../test-support/library/docs'
import { MAX_SUGGESTIONS, searchLibrary, spellingSuggestions } from './library-search'
import { libraryHandlers } from '../../test-support/api-handlers'

let library: Library
beforeEach(() => {
  library = openLibrary(':memory:')
})
afterEach(async () => await library.close())

async function add(paragraphs: string[], title: string | null = null): Promise<number> {
  return (
    await library.importDocument({
      fileName: `${paragraphs[0]}.txt`,
      bytes: bytesOf(paragraphs.join('\n')),
      doc: makeDoc(paragraphs, { title }),
      role: 'source'
    })
  ).id
}

describe('spelling suggestions', () => {
  it('suggests the spelling the library uses for a name it writes another way, and the suggestion finds the text', async () => {
    const id = await add(['Foreign Minister Yoko Kakmikawa met her counterpart.'])
    await add(['Nothing about the visit.'])
    expect(await searchLibrary(library, 'Kamikawa', 10)).toEqual({ hits: [], suggestions: ['Kakmikawa'] })
    expect((await library.search('Kakmikawa', 10)).map((h) => h.textId)).toEqual([id])
  })

  it('works for any word: a slip of the keyboard, a long word, a sound-alike, a headline word', async () => {
    await add(['The government rebuilt the port.', 'Reconstruction will take years.'])
    await add(['Prayers were led by Imam Muhamad.'])
    await add(['Body text only.'], 'Nucular talks resume')
    expect(await spellingSuggestions(library, 'goverment')).toEqual(['government'])
    expect(await spellingSuggestions(library, 'reconstrucion')).toEqual(['Reconstruction'])
    // Three edits apart, the same sound (double metaphone).
    expect(await spellingSuggestions(library, 'Mohammed')).toEqual(['Muhamad'])
    expect(await spellingSuggestions(library, 'nuclear')).toEqual(['Nucular'])
  })

  it('keeps the rest of the query as typed: other words, quotes and OR', async () => {
    await add(['Yoko Kakmikawa visited Kyiv.'])
    expect(await spellingSuggestions(library, 'Kyiv Kamikawa')).toEqual(['Kyiv Kakmikawa'])
    expect(await spellingSuggestions(library, '"Yoko Kamikawa"')).toEqual(['"Yoko Kakmikawa"'])
    expect(await spellingSuggestions(library, 'Kamikawa OR Sybiha')).toEqual(['Kakmikawa OR Sybiha'])
  })

  it('offers only suggestions that find something, the likeliest first, at most three', async () => {
    // Both near "Kamikawa"; with "Tokyo" only one of them finds a text.
    await add(['Kakmikawa spoke in Kyiv.'])
    await add(['Kamikawo spoke in Tokyo.'])
    expect(await spellingSuggestions(library, 'Kamikawa Tokyo')).toEqual(['Kamikawo Tokyo'])
    for (const near of ['Kamikawb', 'Kamikawc', 'Kamikawd', 'Kamikawe']) await add([`${near} too.`])
    expect((await spellingSuggestions(library, 'Kamikawa')).length).toBe(MAX_SUGGESTIONS)
  })

  it('suggests nothing when every word is known, none is near, or the words are short', async () => {
    await add(['Kyiv is far from Tokyo.'], 'Talks')
    await add(['Warsaw welcomed the minister.'])
    // Both words are in the library, in different texts: no spelling to fix.
    expect(await searchLibrary(library, 'Tokyo Warsaw', 10)).toEqual({ hits: [], suggestions: [] })
    expect(await spellingSuggestions(library, 'Zanzibar')).toEqual([])
    // Three letters are too few to call another word a misspelling; four are not.
    expect(await spellingSuggestions(library, 'Kyi')).toEqual([])
    expect(await spellingSuggestions(library, 'Kyiw')).toEqual(['Kyiv'])
  })

  it('suggests nothing for a search that finds something', async () => {
    await add(['Kakmikawa and Kamikawa, both.'])
    await add(['Kakmikawa alone.'])
    expect((await searchLibrary(library, 'Kamikawa', 10)).suggestions).toEqual([])
  })

  it('never throws on what a user may type', async () => {
    await add(['Kakmikawa met the press.'])
    for (const query of [
      '',
      '"',
      'OR',
      'AND OR',
      '"Kamikawa',
      'Kamikawa"*',
      '((',
      '*',
      'é́́',
      '😀 Kamikawa',
      'a'.repeat(500)
    ])
      await expect(searchLibrary(library, query, 10), query).resolves.toBeDefined()
    expect(await spellingSuggestions(library, '"Kamikawa')).toEqual(['"Kakmikawa'])
  })
})

describe('library.search through the API', () => {
  it('answers with the hits, and with suggestions when there are none', async () => {
    await add(['Foreign Minister Yoko Kakmikawa met her counterpart.'], 'Kakmikawa in Kyiv')
    const handlers = libraryHandlers(library)
    const search = async (query: string) =>
      (await dispatch(
        handlers,
        'library.search',
        { query },
        { transport: 'http' }
      )) as MethodOutput<'library.search'>
    expect(await search('Kamikawa')).toEqual({ hits: [], suggestions: ['Kakmikawa'] })
    const found = await search('Kakmikawa')
    expect(found.suggestions).toEqual([])
    expect(found.hits.map((h) => h.field)).toEqual(['headline', 'paragraph'])
  })
})
