// Finding candidate passages for a claim: an inverted index over the sources' paragraphs, built
// once per check. Scores weight rare words over common ones, and words found in most paragraphs
// are skipped outright: in a library about one event, "Ukraine" tells no passage from another.
import { contentWords } from './text-words'

export interface PassageRef {
  sourceId: number
  paragraphIndex: number
}

export interface PassageIndex {
  /** Paragraphs sharing the most of these terms, best first. */
  search(terms: readonly string[], limit: number): PassageRef[]
}

export interface IndexableSource {
  id: number
  paragraphs: ReadonlyArray<{ index: number; text: string }>
}

/** A term in more than this share of all paragraphs is too common to find anything. */
const MAX_TERM_SHARE = 0.2

export class InMemoryPassageIndex implements PassageIndex {
  private readonly postings = new Map<string, Uint32Array>()
  private readonly refs: PassageRef[] = []
  private readonly scores: Float64Array
  private readonly cache = new Map<string, PassageRef[]>()

  constructor(sources: readonly IndexableSource[]) {
    const lists = new Map<string, number[]>()
    for (const source of sources) {
      for (const p of source.paragraphs) {
        const slot = this.refs.length
        this.refs.push({ sourceId: source.id, paragraphIndex: p.index })
        for (const word of new Set(contentWords(p.text))) {
          const list = lists.get(word)
          if (list) list.push(slot)
          else lists.set(word, [slot])
        }
      }
    }
    for (const [word, list] of lists) this.postings.set(word, Uint32Array.from(list))
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
      const list = this.postings.get(term)
      if (!list || list.length > maxPostings) continue
      const weight = 1 / Math.log2(2 + list.length)
      for (const slot of list) {
        if (this.scores[slot] === 0) touched.push(slot)
        this.scores[slot] = (this.scores[slot] ?? 0) + weight
      }
    }
    touched.sort((a, b) => this.scores[b]! - this.scores[a]! || a - b)
    const result = touched.slice(0, limit).map((slot) => this.refs[slot]!)
    for (const slot of touched) this.scores[slot] = 0
    this.cache.set(key, result)
    return result
  }
}
