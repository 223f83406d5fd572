// Names: a name in the story that appears nowhere in the sources or the house list, but is one or
// two letters away from one that does, is a spelling to check ("Kowalcyzk" for "Kowalczyk"); a
// name spelled two ways across the sources is a variant to settle ("Zelenskyy" / "Zelensky").
// Nothing here knows any particular name: only letters, lengths and where each form was seen.
import type { Flag } from '../../../shared/check'
import type { ExtractedClaim } from '../claims/types'
import { capitalizedRuns } from '../claims/names'
import { editDistance } from './edit-distance'

export interface NameSource {
  id: number
  label: string
  texts: readonly string[]
}

interface Sighting {
  /** The full run the token was seen in, e.g. "Yoko Kamikawa". */
  run: string
  where: string
}

const MIN_LENGTH = 4
/** Grammatical endings that make a different word, not a misspelling: Russia / Russian, Ukrainian / Ukrainians. */
const INFLECTION = /^(?:s|es|'s|’s|n|an|ian|ans|ns|i|is)$/

function maxEdits(length: number): number {
  return length >= 9 ? 2 : 1
}

function isInflection(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return long.startsWith(short) && INFLECTION.test(long.slice(short.length))
}

export class NameVocabulary {
  private readonly sightings = new Map<string, Sighting[]>()
  private readonly byLength = new Map<number, string[]>()

  constructor(sources: readonly NameSource[]) {
    for (const source of sources) {
      for (const text of source.texts) {
        for (const run of capitalizedRuns(text)) {
          const runText = run.map((t) => t.text).join(' ')
          for (const token of run) this.add(token.text, { run: runText, where: source.label })
        }
      }
    }
  }

  private add(token: string, sighting: Sighting): void {
    if (token.length < MIN_LENGTH || token === token.toUpperCase()) return
    const list = this.sightings.get(token)
    if (list) {
      if (list.length < 20 && !list.some((s) => s.where === sighting.where && s.run === sighting.run))
        list.push(sighting)
      return
    }
    this.sightings.set(token, [sighting])
    const bucket = this.byLength.get(token.length) ?? []
    bucket.push(token)
    this.byLength.set(token.length, bucket)
  }

  has(token: string): boolean {
    return this.sightings.has(token)
  }

  seen(token: string): Sighting[] {
    return this.sightings.get(token) ?? []
  }

  /** Known tokens within the edit budget of this one, excluding inflections of it. */
  near(token: string): string[] {
    const budget = maxEdits(token.length)
    const out: string[] = []
    for (let len = token.length - budget; len <= token.length + budget; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        if (candidate === token || candidate[0]!.toLowerCase() !== token[0]!.toLowerCase()) continue
        if (isInflection(candidate, token)) continue
        if (editDistance(candidate.toLowerCase(), token.toLowerCase(), budget) <= budget) out.push(candidate)
      }
    }
    return out
  }
}

function places(sightings: Sighting[]): string {
  return [...new Set(sightings.map((s) => s.where))].slice(0, 4).join(', ')
}

/** Flags for the story's name claims (person, role, organization, place), keyed by claim id. */
export function checkNames(
  claims: readonly ExtractedClaim[],
  sourcesVocabulary: NameVocabulary,
  houseVocabulary: NameVocabulary
): Map<string, Flag[]> {
  const flags = new Map<string, Flag[]>()
  const add = (id: string, flag: Flag) => {
    const list = flags.get(id) ?? []
    if (!list.some((f) => f.message === flag.message)) list.push(flag)
    flags.set(id, list)
  }
  for (const claim of claims) {
    if (!['person', 'role', 'organization', 'place'].includes(claim.kind)) continue
    const name = claim.kind === 'role' ? String(claim.normalized['person'] ?? '') : claim.text
    for (const run of capitalizedRuns(name)) {
      for (const [position, token] of run.entries()) {
        const word = token.text
        // Given names close in spelling are usually different people (Maria, Mario); surnames
        // spelled two ways are usually one person transliterated twice.
        const isSurname = position === run.length - 1
        if (word.length < MIN_LENGTH || word === word.toUpperCase()) continue
        const inHouse = houseVocabulary.has(word)
        const inSources = sourcesVocabulary.has(word)
        const nearSources = sourcesVocabulary.near(word)
        const nearHouse = houseVocabulary.near(word)
        if (!inHouse && !inSources && (nearSources.length || nearHouse.length)) {
          const suggestions = [
            ...nearHouse.map((n) => `“${n}” (house list: ${houseVocabulary.seen(n)[0]?.run ?? n})`),
            ...nearSources.map((n) => `“${n}” (in ${places(sourcesVocabulary.seen(n))})`)
          ]
          add(claim.id, {
            kind: 'spelling-to-check',
            message: `“${word}” appears in no source and not in the house list; near: ${suggestions.slice(0, 3).join('; ')}.`
          })
        } else if (inSources && !inHouse && isSurname) {
          const variants = nearSources.filter(
            (n) => n.slice(0, 3).toLowerCase() === word.slice(0, 3).toLowerCase()
          )
          if (variants.length) {
            add(claim.id, {
              kind: 'spelling-variant',
              message: `Spelled “${word}” here (as in ${places(sourcesVocabulary.seen(word))}); ${variants
                .map((v) => `“${v}” in ${places(sourcesVocabulary.seen(v))}`)
                .join('; ')}. Settle on one spelling.`
            })
          }
        }
      }
    }
  }
  return flags
}
