// Library search with spelling suggestions: a query that finds nothing is offered near spellings
// the library does use ("Kamikawa" → "Kakmikawa"). A typed word the index knows no word for is
// compared with the indexed words by the claim engine's own near-miss rule (a letter or two for
// its length, or the same sound: name-variants.ts), so it works for any word, not a list of names.
import type { SearchHit } from '../../shared/domain'
import { editDistance } from '../core/compare/edit-distance'
import { nearMiss } from '../core/compare/name-variants'
import { foldTerm, queryWords, type IndexedWord, type Library, type QueryWord } from '../library'

/** Suggestions offered at most: a short line under "No texts match". */
export const MAX_SUGGESTIONS = 3
/** Spellings tried per unknown word. */
const CANDIDATES_PER_WORD = 3
/** Unknown words looked at per query: a pasted sentence is not spell-checked word by word. */
const MAX_UNKNOWN_WORDS = 4
/** nearMiss never accepts more edits than this (its sound rule's limit), nor shorter words. */
const MAX_EDITS = 3
const MIN_LENGTH = 4

export interface LibrarySearchResult {
  hits: SearchHit[]
  /** Queries like the one given, with a word spelled as the library spells it; each finds something. */
  suggestions: string[]
}

export async function searchLibrary(
  library: Library,
  query: string,
  limit: number,
  options: { headlines?: boolean } = {}
): Promise<LibrarySearchResult> {
  const hits = await library.search(query, limit, options)
  return { hits, suggestions: hits.length === 0 ? await spellingSuggestions(library, query) : [] }
}

/** The library's words that could be this one misspelled, most likely first. */
async function nearSpellings(library: Library, word: string): Promise<IndexedWord[]> {
  const typed = foldTerm(word)
  const first = String.fromCodePoint(typed.codePointAt(0)!)
  // nearMiss wants the same first letter and at most MAX_EDITS edits: only such words are read.
  return (
    await library.vocabulary.wordsStartingWith(
      first,
      Math.max(MIN_LENGTH, typed.length - MAX_EDITS),
      typed.length + MAX_EDITS
    )
  )
    .filter((w) => nearMiss(typed, w.term))
    .map((w) => ({ ...w, edits: editDistance(typed, w.term) }))
    .sort((a, b) => a.edits - b.edits || b.rows - a.rows || (a.term < b.term ? -1 : 1))
    .slice(0, CANDIDATES_PER_WORD)
}

/** The query with some of its words replaced, the rest as typed. */
function rewrite(query: string, replacements: ReadonlyMap<QueryWord, string>): string {
  let out = ''
  let at = 0
  for (const [word, spelled] of [...replacements].sort(([a], [b]) => a.start - b.start)) {
    out += query.slice(at, word.start) + spelled
    at = word.end
  }
  return out + query.slice(at)
}

/**
 * Queries to try instead of one that found nothing: each unknown word (one the index has no word
 * starting with) replaced by its likeliest near spelling, then by the others in turn. Only
 * suggestions that find something are offered.
 */
export async function spellingSuggestions(library: Library, query: string): Promise<string[]> {
  const unknown: QueryWord[] = []
  for (const w of queryWords(query)) {
    if (unknown.length === MAX_UNKNOWN_WORDS) break
    if (w.text.length >= MIN_LENGTH && !(await library.vocabulary.hasPrefix(foldTerm(w.text))))
      unknown.push(w)
  }
  const options: Array<{ word: QueryWord; spellings: string[] }> = []
  for (const word of unknown) {
    const spellings: string[] = []
    for (const w of await nearSpellings(library, word.text)) {
      const spelling = await library.vocabulary.spelling(w.term)
      if (spelling !== null) spellings.push(spelling)
    }
    if (spellings.length > 0) options.push({ word, spellings })
  }
  if (options.length === 0) return []
  const best = new Map(options.map((o) => [o.word, o.spellings[0]!]))
  const tries = [rewrite(query, best)]
  for (const { word, spellings } of options)
    for (const other of spellings.slice(1)) tries.push(rewrite(query, new Map([...best, [word, other]])))
  const found: string[] = []
  for (const q of new Set(tries)) {
    if (found.length === MAX_SUGGESTIONS) break
    if ((await library.search(q, 1)).length > 0) found.push(q)
  }
  return found
}
