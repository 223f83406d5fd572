// Spelling suggestions for a library search that finds nothing: near spellings the library uses,
// for any word, each suggestion finding something; and the search through the API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodOutput } from '../../shared/contract'
import { dispatch } from '../api/dispatch'
import { createHandlers } from '../api/handlers'
import { openLibrary, type Library } from '../library'
import { bytesOf, makeDoc } from '../../test-support/library/docs'
import { MAX_SUGGESTIONS, searchLibrary, spellingSuggestions } from './library-search'
import { testCheckEngine } from '../../test-support/workers'

let library: Library
beforeEach(() => {
  library = openLibrary(':memory:')
})
afterEach(() => library.close())

function add(paragraphs: string[], title: string | null = null): number {
  return library.importDocument({
    fileName: `${paragraphs[0]}.txt`,
    bytes: bytesOf(paragraphs.join('\n')),
    doc: makeDoc(paragraphs, { title }),
    role: 'source'
  }).id
}

describe('spelling suggestions', () => {
  it('suggests the spelling the library uses for a name it writes another way, and the suggestion finds the text', () => {
    const id = add(['Foreign Minister Yoko Kakmikawa met her counterpart.'])
    add(['Nothing about the visit.'])
    expect(searchLibrary(library, 'Kamikawa', 10)).toEqual({ hits: [], suggestions: ['Kakmikawa'] })
    expect(library.search('Kakmikawa', 10).map((h) => h.textId)).toEqual([id])
  })

  it('works for any word: a slip of the keyboard, a long word, a sound-alike, a headline word', () => {
    add(['The government rebuilt the port.', 'Reconstruction will take years.'])
    add(['Prayers were led by Imam Muhamad.'])
    add(['Body text only.'], 'Nucular talks resume')
    expect(spellingSuggestions(library, 'goverment')).toEqual(['government'])
    expect(spellingSuggestions(library, 'reconstrucion')).toEqual(['Reconstruction'])
    // Three edits apart, the same sound (double metaphone).
    expect(spellingSuggestions(library, 'Mohammed')).toEqual(['Muhamad'])
    expect(spellingSuggestions(library, 'nuclear')).toEqual(['Nucular'])
  })

  it('keeps the rest of the query as typed: other words, quotes and OR', () => {
    add(['Yoko Kakmikawa visited Kyiv.'])
    expect(spellingSuggestions(library, 'Kyiv Kamikawa')).toEqual(['Kyiv Kakmikawa'])
    expect(spellingSuggestions(library, '"Yoko Kamikawa"')).toEqual(['"Yoko Kakmikawa"'])
    expect(spellingSuggestions(library, 'Kamikawa OR Sybiha')).toEqual(['Kakmikawa OR Sybiha'])
  })

  it('offers only suggestions that find something, the likeliest first, at most three', () => {
    // Both near "Kamikawa"; with "Tokyo" only one of them finds a text.
    add(['Kakmikawa spoke in Kyiv.'])
    add(['Kamikawo spoke in Tokyo.'])
    expect(spellingSuggestions(library, 'Kamikawa Tokyo')).toEqual(['Kamikawo Tokyo'])
    for (const near of ['Kamikawb', 'Kamikawc', 'Kamikawd', 'Kamikawe']) add([`${near} too.`])
    expect(spellingSuggestions(library, 'Kamikawa').length).toBe(MAX_SUGGESTIONS)
  })

  it('suggests nothing when every word is known, none is near, or the words are short', () => {
    add(['Kyiv is far from Tokyo.'], 'Talks')
    add(['Warsaw welcomed the minister.'])
    // Both words are in the library, in different texts: no spelling to fix.
    expect(searchLibrary(library, 'Tokyo Warsaw', 10)).toEqual({ hits: [], suggestions: [] })
    expect(spellingSuggestions(library, 'Zanzibar')).toEqual([])
    // Three letters are too few to call another word a misspelling; four are not.
    expect(spellingSuggestions(library, 'Kyi')).toEqual([])
    expect(spellingSuggestions(library, 'Kyiw')).toEqual(['Kyiv'])
  })

  it('suggests nothing for a search that finds something', () => {
    add(['Kakmikawa and Kamikawa, both.'])
    add(['Kakmikawa alone.'])
    expect(searchLibrary(library, 'Kamikawa', 10).suggestions).toEqual([])
  })

  it('never throws on what a user may type', () => {
    add(['Kakmikawa met the press.'])
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
      expect(() => searchLibrary(library, query, 10), query).not.toThrow()
    expect(spellingSuggestions(library, '"Kamikawa')).toEqual(['"Kakmikawa'])
  })
})

describe('library.search through the API', () => {
  it('answers with the hits, and with suggestions when there are none', async () => {
    add(['Foreign Minister Yoko Kakmikawa met her counterpart.'], 'Kakmikawa in Kyiv')
    const handlers = createHandlers({
      library,
      libraryPath: ':memory:',
      version: 'test',
      checkEngine: testCheckEngine()
    })
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
