// Whole names against whole names: a story name that no source writes, while a source writes a
// name that differs from it in one word (or in the letters between hyphens), is a spelling to
// check. Word-by-word checks (names.ts) miss these: "Angel Merkel" (every word is a real word),
// "Anthony Steven House" for "Anthony Stephan House" (three letters, one sound),
// "Digne-le-Bains" for "Digne-les-Bains", "Crux Manufacturing" for "Crux Semiconductor".
//
// | same name, not a finding | the same letters once accents and transliteration are folded   |
// |                          | (Düsseldorf / Duesseldorf / Dusseldorf), or one name is part of  |
// |                          | the other (Merkel / Angela Merkel)                               |
// | misspelling              | the same words but one, and that one a near miss: few edits for  |
// |                          | its length, or the same sound (double metaphone) and ≤ 3 edits   |
// | other name               | an organization whose distinctive first word the sources use     |
// |                          | only in one other name ("Crux" only in "Crux Semiconductor")     |
import { doubleMetaphone } from 'double-metaphone'
import type { ExtractedClaim } from '../claims/types'
import { editDistance } from './edit-distance'
import { foldName } from './fold-name'
import { nameWords, type NameFinding, type NameVocabulary } from './names'
import { titleFamily } from './titles'

/** Words of a full name for comparison: hyphenated parts kept together, folded. */
function tokens(name: string): string[] {
  return name
    .split(/[\s,]+/)
    .map(foldName)
    .filter((t) => t.length > 0)
}

function sounds(word: string): string[] {
  return doubleMetaphone(word).filter((k) => k.length > 0)
}

/** A slip of the keyboard or the ear, not another word. */
export function nearMiss(a: string, b: string): boolean {
  if (a === b || a[0] !== b[0]) return false
  const shorter = Math.min(a.length, b.length)
  if (shorter < 4) return false
  // Grammatical endings make another word (Russia/Russian), not a misspelling.
  if (
    (a.startsWith(b) || b.startsWith(a)) &&
    /^(?:s|es|n|an|ian|ns)$/.test(a.length > b.length ? a.slice(b.length) : b.slice(a.length))
  )
    return false
  const budget = shorter >= 9 ? 2 : 1
  const edits = editDistance(a, b, 3)
  if (edits <= budget) return true
  if (edits > 3 || shorter < 5) return false
  const [ka, kb] = [sounds(a), sounds(b)]
  return ka.length > 0 && ka[0] === kb[0]
}

interface Variant {
  other: string
  kind: 'misspelling' | 'other-name'
}

/** How a source's full name bears on the story's, or null when it is the same name or another. */
export function compareFullNames(
  story: string,
  source: string,
  kind: ExtractedClaim['kind'],
  common: ReadonlySet<string> = NO_WORDS
): Variant | null {
  const a = tokens(story)
  const b = tokens(source)
  if (a.join(' ') === b.join(' ')) return null
  // A part of the name (a surname alone, a name without its title) is the same person.
  if (a.every((t) => b.includes(t)) || b.every((t) => a.includes(t))) return null
  if (a.length > b.length) return null
  // A source's run may carry a title or a nationality before the name: compare the name-long
  // window of it that shares a word with the story's name.
  for (let at = 0; at + a.length <= b.length; at++) {
    const window = b.slice(at, at + a.length)
    const parts = new Set(a.flatMap((t) => t.split('-')))
    if (!window.some((t) => t.split('-').some((p) => parts.has(p)))) continue
    const variant = compareTokens(a, window, kind, common)
    if (variant)
      return {
        other: source
          .split(/[\s,]+/)
          .slice(at, at + a.length)
          .join(' '),
        kind: variant
      }
  }
  return null
}

const NO_WORDS: ReadonlySet<string> = new Set()

function compareTokens(
  a: string[],
  b: string[],
  kind: ExtractedClaim['kind'],
  common: ReadonlySet<string>
): Variant['kind'] | null {
  const onlyA = a.filter((t) => !b.includes(t))
  const onlyB = b.filter((t) => !a.includes(t))
  if (onlyA.length !== 1 || onlyB.length !== 1) return null
  const [x, y] = [onlyA[0]!, onlyB[0]!]
  const hyphened = x.includes('-') && y.includes('-')
  // Two dictionary words ("Ministry" / "Minister") are two words, whatever their letters.
  const words = common.has(x) && common.has(y)
  if (
    !words &&
    (hyphened ? editDistance(x, y, 2) <= 1 && x.split('-')[0] === y.split('-')[0] : nearMiss(x, y))
  )
    return 'misspelling'
  // "Foreign Minister" is a title, not another name for "Foreign Ministry".
  if (kind === 'organization' && a[0] === b[0] && x !== a[0] && !titleFamily(y)) return 'other-name'
  return null
}

/**
 * Findings for story names that no source writes in full, against the full names the sources
 * write around the same words. Only names of two or more words (or with hyphens) are compared:
 * a single word is names.ts's business.
 */
export function fullNameFindings(
  claims: readonly ExtractedClaim[],
  vocabulary: NameVocabulary,
  common: ReadonlySet<string> = NO_WORDS
): Map<string, NameFinding[]> {
  const out = new Map<string, NameFinding[]>()
  for (const claim of claims) {
    if (!['person', 'role', 'organization', 'place'].includes(claim.kind)) continue
    const name = claim.kind === 'role' ? String(claim.normalized['person'] ?? '') : claim.text
    const words = nameWords(name)
    if (words.length < 2 && !name.includes('-')) continue
    // The runs around the name's own words, and around words a letter away from them ("Angel"
    // finds "Angela Merkel" even where the sources' first "Merkel" stands alone).
    const seen = new Set(words.flatMap((w) => [w, ...vocabulary.near(w)]).flatMap((w) => vocabulary.runs(w)))
    const own = tokens(name)
    // Written so somewhere too (perhaps inside a longer run): then only a near miss elsewhere is
    // worth a word, as two spellings to settle.
    const attested = [...seen].some((run) => containsRun(tokens(run), own))
    const kind = claim.kind === 'role' ? 'person' : claim.kind
    const variants = new Map<string, Variant>()
    for (const run of seen) {
      const v = compareFullNames(name, run, kind, common)
      if (v && !variants.has(run)) variants.set(run, v)
    }
    // "Crux" in one other name only: a second name sharing the word makes it a common word.
    const others = [...variants.values()].filter(
      (v) => v.kind === 'misspelling' || (!attested && distinctive(vocabulary, words[0]!, v.other))
    )
    if (others.length === 0) continue
    const misspelled = others.filter((v) => v.kind === 'misspelling')
    const shown = [
      ...new Map((misspelled.length ? misspelled : others).map((v) => [v.other, v])).values()
    ].slice(0, 3)
    const list = shown.map((v) => `“${v.other}”`).join(', ')
    const spellings = shown.map((v) => v.other)
    if (attested) {
      out.set(claim.id, [
        {
          flag: {
            kind: 'spelling-variant',
            message: `“${name}” is written so in some sources, ${list} in others. Settle on one spelling.`
          },
          relation: 'partial',
          spellings
        }
      ])
      continue
    }
    const message = misspelled.length
      ? `“${name}” is written so in no source; they write ${list}. Check the spelling.`
      : `No source names “${name}”; they name ${list}. Check which name is right.`
    out.set(claim.id, [{ flag: { kind: 'spelling-to-check', message }, relation: 'contradicts', spellings }])
  }
  return out
}

function containsRun(run: readonly string[], name: readonly string[]): boolean {
  for (let at = 0; at + name.length <= run.length; at++)
    if (name.every((t, i) => run[at + i] === t)) return true
  return false
}

function distinctive(vocabulary: NameVocabulary, word: string, name: string): boolean {
  const runs = vocabulary.runs(word)
  const wanted = tokens(name)
  return runs.length > 0 && runs.every((r) => containsRun(tokens(r), wanted))
}
