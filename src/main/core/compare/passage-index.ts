// Finding candidate passages for a claim. The library offers the same through SQLite FTS5; this
// in-memory index serves the CLI without a library file, and tests.
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

export class InMemoryPassageIndex implements PassageIndex {
  private readonly postings = new Map<string, number[]>()
  private readonly refs: PassageRef[] = []

  constructor(sources: readonly IndexableSource[]) {
    for (const source of sources) {
      for (const p of source.paragraphs) {
        const slot = this.refs.length
        this.refs.push({ sourceId: source.id, paragraphIndex: p.index })
        for (const word of new Set(contentWords(p.text))) {
          const list = this.postings.get(word)
          if (list) list.push(slot)
          else this.postings.set(word, [slot])
        }
      }
    }
  }

  search(terms: readonly string[], limit: number): PassageRef[] {
    const scores = new Map<number, number>()
    for (const term of new Set(terms.map((t) => t.toLowerCase()))) {
      const list = this.postings.get(term)
      if (!list) continue
      // Rare words say more about a passage than common ones.
      const weight = 1 / Math.log2(2 + list.length)
      for (const slot of list) scores.set(slot, (scores.get(slot) ?? 0) + weight)
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([slot]) => this.refs[slot]!)
  }
}
