// Names: a name in the story that appears nowhere in the sources or the house list, but is one or
// two letters away from one that does, is a spelling to check ("Kowalcyzk" for "Kowalczyk"); a
// name spelled two ways across the sources is a variant to settle (one transliterated twice).
// Nothing here knows any particular name: only letters, lengths and where each form was seen.
//
// The near-miss rule, for a capitalized word W of a name in the story and a known word K:
// | test                         | rule                                                          |
// |------------------------------|---------------------------------------------------------------|
// | edits                        | Damerau (OSA) distance: 1 for W of 4–8 letters, 2 from 9      |
// | first letter                 | the same (misspellings rarely touch it; Jordan/Gordon differ) |
// | grammar                      | K is not W plus an ending (Russia/Russian, Korea/Koreans)     |
// | support: the rest of the name| K was seen in a name sharing another word with W's name       |
// |                              | ("Yoko Kakmikawa" ~ "Yoko Kamikawa": same given name)         |
// | without that support         | W needs 7+ letters and must be the name's last word: short    |
// |                              | names one letter apart are usually different (Iran/Iraq)      |
// | a first or middle name       | needs support *and* 6+ letters: Mark/Mary Smith are two       |
// |                              | people, Andrii/Andriy Shevchenko one                          |
import type { Flag } from '../../../shared/check'
import type { ExtractedClaim } from '../claims/types'
import { isAcronymAt } from '../claims/acronyms'
import { capitalizedRuns } from '../claims/names'
import { editDistance } from './edit-distance'
import { foldName } from './fold-name'
import { isLowerCode, isUpperCode, scanWords } from './scan-words'

const isDigitCode = (c: number) => c >= 48 && c <= 57

export interface NameSource {
  id: number
  label: string
  texts: readonly string[]
}

interface Location {
  source: number
  text: number
  offset: number
}

/** Where a word was seen: the source's id, the index of its text (paragraph) and the offset. */
export interface Sighting {
  sourceId: number
  textIndex: number
  offset: number
}

/** A finding about a story name, with the spellings the sources use instead. */
export interface NameFinding {
  flag: Flag
  /** contradicts: the story's spelling is in no source; partial: the sources disagree too. */
  relation: 'contradicts' | 'partial'
  /** The other spellings (words or full names), found in the sources with sightings(). */
  spellings: string[]
}

const MIN_LENGTH = 4
const UNSUPPORTED_MIN_LENGTH = 7
const GIVEN_NAME_MIN_LENGTH = 6
/** Sightings kept per word: enough to name the sources that use it. */
const MAX_LOCATIONS = 24
/** Sightings kept per word and source: a full name ("Angela Merkel") is often not the first. */
const PER_SOURCE_LOCATIONS = 3
/** Grammatical endings that make a different word, not a misspelling. */
const INFLECTION = /^(?:s|es|'s|’s|n|an|ian|ans|ns|i|is)$/
/** A capitalized word: letters (and combining marks) only, so "then-Foreign" gives "Foreign". */
const NAME_WORD = /(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}]*/gu

function maxEdits(length: number): number {
  return length >= 9 ? 2 : 1
}

function isInflection(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return long.startsWith(short) && INFLECTION.test(long.slice(short.length))
}

function isShouted(word: string): boolean {
  return word === word.toUpperCase()
}

const ACRONYM = /^\p{Lu}{3,5}$/u

function isAcronym(word: string): boolean {
  return ACRONYM.test(word)
}

function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('')
}

/** The capitalized words of a name, split the way the vocabulary splits them. */
export function nameWords(name: string): string[] {
  return name.match(NAME_WORD) ?? []
}

/**
 * Every capitalized word of a set of texts, with where it was seen. Built for every check over
 * the whole library, so it is one regex pass; the full name around a word ("Yoko Kamikawa") is
 * worked out only for the few words a flag needs.
 */
export class NameVocabulary {
  private readonly locations = new Map<string, Location[]>()
  private readonly byLength = new Map<number, string[]>()
  private readonly runCache = new Map<string, string[]>()

  constructor(private readonly sources: readonly NameSource[]) {
    for (let s = 0; s < sources.length; s++) {
      const texts = sources[s]!.texts
      for (let t = 0; t < texts.length; t++) {
        const text = texts[t]!
        scanWords(text, (start, end) => {
          if (isAcronymAt(text, start, end)) {
            this.add(text.slice(start, end), { source: s, text: t, offset: start })
            return
          }
          if (end - start < MIN_LENGTH || !isUpperCode(text.charCodeAt(start))) return
          // Shouted credit lines ("FOREIGN MINISTRY") are furniture: a name has a lower-case letter.
          let lower = false
          for (let i = start + 1; i < end && !lower; i++) lower = isLowerCode(text.charCodeAt(i))
          if (!lower) return
          // Digits end a name word: "G7" is not a name, "Kursk2" is "Kursk".
          let stop = start + 1
          while (stop < end && !isDigitCode(text.charCodeAt(stop))) stop++
          if (stop - start < MIN_LENGTH) return
          this.add(text.slice(start, stop), { source: s, text: t, offset: start })
        })
      }
    }
  }

  private add(word: string, at: Location): void {
    const list = this.locations.get(word)
    if (list) {
      // One location per source, so the list names as many sources as it can.
      if (
        list.length < MAX_LOCATIONS &&
        list.filter((l) => l.source === at.source).length < PER_SOURCE_LOCATIONS
      )
        list.push(at)
      return
    }
    this.locations.set(word, [at])
    const bucket = this.byLength.get(word.length)
    if (bucket) bucket.push(word)
    else this.byLength.set(word.length, [word])
  }

  has(word: string): boolean {
    return this.locations.has(word)
  }

  /** Where this word was seen: a few places per source, as add() kept them. */
  sightings(word: string): Sighting[] {
    return (this.locations.get(word) ?? []).map((l) => ({
      sourceId: this.sources[l.source]!.id,
      textIndex: l.text,
      offset: l.offset
    }))
  }

  /** The labels of the sources that use this word. */
  where(word: string): string[] {
    return [...new Set((this.locations.get(word) ?? []).map((l) => this.sources[l.source]!.label))]
  }

  /** The full names this word was seen in ("Kamikawa" → "Yoko Kamikawa"). */
  runs(word: string): string[] {
    const cached = this.runCache.get(word)
    if (cached) return cached
    const out = new Set<string>()
    for (const l of this.locations.get(word) ?? []) {
      const text = this.sources[l.source]!.texts[l.text]!
      const from = Math.max(0, l.offset - 120)
      const window = text.slice(from, l.offset + word.length + 120)
      const run = capitalizedRuns(window).find((r) =>
        r.some((t) => from + t.start <= l.offset && l.offset < from + t.end)
      )
      out.add(run ? run.map((t) => t.text).join(' ') : word)
    }
    const list = [...out]
    this.runCache.set(word, list)
    return list
  }

  /** Known words within the edit budget of this one, excluding inflections of it. */
  near(word: string): string[] {
    const budget = maxEdits(word.length)
    const lower = word.toLowerCase()
    const out: string[] = []
    const acronym = isAcronym(word)
    for (let len = word.length - budget; len <= word.length + budget; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        if (candidate === word || candidate[0]!.toLowerCase() !== lower[0]) continue
        // Düsseldorf, Duesseldorf, Dusseldorf: one name, transliterated.
        if (foldName(candidate) === foldName(word)) continue
        // Call letters and initials differ by one letter all the time (KNXV, KPNX): only the
        // same letters in another order ("KUVE" for "KVUE") is a slip.
        if (acronym !== isAcronym(candidate)) continue
        if (acronym && !sameLetters(candidate, word)) continue
        if (isInflection(candidate, word)) continue
        if (editDistance(candidate.toLowerCase(), lower, budget) <= budget) out.push(candidate)
      }
    }
    return out
  }
}

/** Whether another word of the story's name also appears in a name where `known` was seen. */
function sharesAnotherWord(vocabulary: NameVocabulary, known: string, others: readonly string[]): boolean {
  if (others.length === 0) return false
  return vocabulary.runs(known).some((run) => nameWords(run).some((w) => others.includes(w)))
}

/** The near-miss rule (see the table at the top of this file). */
function plausibleMisspelling(
  vocabulary: NameVocabulary,
  word: string,
  known: string,
  others: readonly string[],
  isLast: boolean
): boolean {
  // near() already kept only the same letters reordered.
  if (isAcronym(word)) return true
  const supported = sharesAnotherWord(vocabulary, known, others)
  if (!isLast) return supported && word.length >= GIVEN_NAME_MIN_LENGTH
  return supported || word.length >= UNSUPPORTED_MIN_LENGTH
}

function list(labels: string[]): string {
  return labels.slice(0, 4).join(', ') + (labels.length > 4 ? ` and ${labels.length - 4} more` : '')
}

/** Flags for the story's name claims (person, role, organization, place), keyed by claim id. */
export function checkNames(
  claims: readonly ExtractedClaim[],
  sourcesVocabulary: NameVocabulary,
  houseVocabulary: NameVocabulary
): Map<string, Flag[]> {
  const findings = nameFindings(claims, sourcesVocabulary, houseVocabulary)
  return new Map([...findings].map(([id, list]) => [id, list.map((f) => f.flag)]))
}

/** The word-by-word near-miss findings, keyed by claim id. */
export function nameFindings(
  claims: readonly ExtractedClaim[],
  sourcesVocabulary: NameVocabulary,
  houseVocabulary: NameVocabulary
): Map<string, NameFinding[]> {
  const findings = new Map<string, NameFinding[]>()
  const add = (id: string, finding: NameFinding) => {
    const existing = findings.get(id) ?? []
    if (!existing.some((f) => f.flag.message === finding.flag.message)) existing.push(finding)
    findings.set(id, existing)
  }
  for (const claim of claims) {
    if (!['person', 'role', 'organization', 'place'].includes(claim.kind)) continue
    const name = claim.kind === 'role' ? String(claim.normalized['person'] ?? '') : claim.text
    const words = nameWords(name)
    for (const [position, word] of words.entries()) {
      if ((word.length < MIN_LENGTH || isShouted(word)) && !isAcronym(word)) continue
      const others = words.filter((_, i) => i !== position)
      const isLast = position === words.length - 1
      const inHouse = houseVocabulary.has(word)
      const inSources = sourcesVocabulary.has(word)
      if (!inHouse && !inSources) {
        const nearHouse = houseVocabulary
          .near(word)
          .filter((k) => plausibleMisspelling(houseVocabulary, word, k, others, isLast))
        const nearSources = sourcesVocabulary
          .near(word)
          .filter((k) => plausibleMisspelling(sourcesVocabulary, word, k, others, isLast))
        if (nearHouse.length === 0 && nearSources.length === 0) continue
        const suggestions = [
          ...nearHouse.map((k) => `“${k}” (house list: ${houseVocabulary.runs(k)[0] ?? k})`),
          ...nearSources.map((k) => `“${k}” (in ${list(sourcesVocabulary.where(k))})`)
        ]
        add(claim.id, {
          flag: {
            kind: 'spelling-to-check',
            message: `“${word}” appears in no source and not in the house list; did you mean ${suggestions.slice(0, 3).join('; ')}?`
          },
          relation: 'contradicts',
          spellings: nearSources
        })
      } else if (inSources && !inHouse && isLast) {
        // Two spellings of one surname in the library: the same first three letters, and the
        // same support as a misspelling needs (shared given name, or a long name).
        const variants = sourcesVocabulary
          .near(word)
          .filter(
            (k) =>
              k.slice(0, 3).toLowerCase() === word.slice(0, 3).toLowerCase() &&
              plausibleMisspelling(sourcesVocabulary, word, k, others, true)
          )
        if (variants.length === 0) continue
        add(claim.id, {
          flag: {
            kind: 'spelling-variant',
            message: `Spelled “${word}” here (as in ${list(sourcesVocabulary.where(word))}); ${variants
              .map((v) => `“${v}” in ${list(sourcesVocabulary.where(v))}`)
              .join('; ')}. Settle on one spelling.`
          },
          relation: 'partial',
          spellings: variants
        })
      }
    }
  }
  return findings
}
