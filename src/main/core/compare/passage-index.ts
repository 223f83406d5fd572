// Finding candidate passages for a claim. The interface is deliberately narrow (terms in,
// candidate paragraphs out) so the library's FTS5 search can stand in for the in-memory index.
// The in-memory index is an inverted index over the sources' paragraphs, built once per check.
// Scores weight rare words over common ones, and words found in most paragraphs are skipped
// outright: in a library about one event, "Ukraine" tells no passage from another.
import { wordsAmong } from './scan-words'
import { contentWords } from './text-words'

export interface PassageRef {
  sourceId: number
  paragraphIndex: number
}

export interface PassageIndex {
  /** Paragraphs sharing the most of these terms, best first, at most `limit`. */
  search(terms: readonly string[], limit: number): PassageRef[]
}

/** The shape of a search offered by someone else (the SQLite library's FTS5 search). */
export type FindPassages = (terms: string[], limit: number) => PassageRef[]

/** Wraps a foreign search as a PassageIndex, caching by the query (claims of one sentence share it). */
export function passageIndexFrom(find: FindPassages): PassageIndex {
  const cache = new Map<string, PassageRef[]>()
  return {
    search(terms, limit) {
      const unique = [...new Set(terms.map((t) => t.toLowerCase()))].sort()
      const key = `${limit}|${unique.join(' ')}`
      let hits = cache.get(key)
      if (!hits) {
        try {
          hits = find(unique, limit).slice(0, limit)
        } catch {
          // A failing search finds nothing; the check still reports every claim, as silent.
          hits = []
        }
        cache.set(key, hits)
      }
      return hits
    }
  }
}

export interface IndexableSource {
  id: number
  paragraphs: ReadonlyArray<{ index: number; text: string }>
}

/** A term in more than this share of all paragraphs is too common to find anything. */
const MAX_TERM_SHARE = 0.2

export class InMemoryPassageIndex implements PassageIndex {
  /** Term → id; postings[id] lists the paragraph slots holding the term, ascending. */
  private readonly termIds = new Map<string, number>()
  private readonly postings: Uint32Array[] = []
  private readonly refs: PassageRef[] = []
  private readonly scores: Float64Array
  private readonly cache = new Map<string, PassageRef[]>()

  /**
   * `only`: the terms that will ever be searched (a story's content words). Indexing just those
   * skips most of the library's vocabulary; without it every content word is indexed.
   */
  constructor(sources: readonly IndexableSource[], only?: ReadonlySet<string>) {
    const lists: number[][] = []
    // The slot a term was last added for: dedupes terms within a paragraph without a Set.
    const lastSlot: number[] = []
    for (const source of sources) {
      for (const p of source.paragraphs) {
        const slot = this.refs.length
        this.refs.push({ sourceId: source.id, paragraphIndex: p.index })
        const words = only
          ? (wordsAmong(p.text, only) ?? contentWords(p.text).filter((w) => only.has(w)))
          : contentWords(p.text)
        for (const word of words) {
          let id = this.termIds.get(word)
          if (id === undefined) {
            id = lists.length
            this.termIds.set(word, id)
            lists.push([])
            lastSlot.push(-1)
          }
          if (lastSlot[id] === slot) continue
          lastSlot[id] = slot
          lists[id]!.push(slot)
        }
      }
    }
    for (const list of lists) this.postings.push(Uint32Array.from(list))
    this.scores = new Float64Array(this.refs.length)
  }

  search(terms: readonly string[], limit: number): PassageRef[] {
    const unique = [...new Set(terms.map((t) => t.toLowerCase()))].sort()
    const key = `${limit}|${unique.join(' ')}`
    const cached = this.cache.get(key)
    if (cached) return cached
    const maxPostings = Math.max(8, this.refs.length * MAX_TERM_SHARE)
    const touched: number[] = []
    for (const term of unique) {
      const id = this.termIds.get(term)
      if (id === undefined) continue
      const list = this.postings[id]!
      if (list.length > maxPostings) continue
      const weight = 1 / Math.log2(2 + list.length)
      for (const slot of list) {
        if (this.scores[slot] === 0) touched.push(slot)
        this.scores[slot]! += weight
      }
    }
    const best = topSlots(touched, this.scores, limit)
    const result = best.map((slot) => this.refs[slot]!)
    for (const slot of touched) this.scores[slot] = 0
    this.cache.set(key, result)
    return result
  }
}

/**
 * The `limit` best-scoring slots, best first, ties by slot. A full sort of every touched
 * paragraph (thousands in a large library) per query cost more than the rest of the search.
 */
function topSlots(touched: number[], scores: Float64Array, limit: number): number[] {
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b)
  if (touched.length <= limit) return touched.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
  // A min-heap of the best seen so far: its root is the weakest kept slot.
  const heap: number[] = []
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && better(heap[m]!, heap[l]!)) m = l
      if (r < heap.length && better(heap[m]!, heap[r]!)) m = r
      if (m === i) return
      ;[heap[i], heap[m]] = [heap[m]!, heap[i]!]
      i = m
    }
  }
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!better(heap[p]!, heap[i]!)) return
      ;[heap[i], heap[p]] = [heap[p]!, heap[i]!]
      i = p
    }
  }
  for (const slot of touched) {
    if (heap.length < limit) {
      heap.push(slot)
      up(heap.length - 1)
    } else if (limit > 0 && better(slot, heap[0]!)) {
      heap[0] = slot
      down(0)
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
}
