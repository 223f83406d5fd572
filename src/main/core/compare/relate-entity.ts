// A person, organization or place named by the story, against one source paragraph. A passage
// that names it supports the claim only when it reports the same fact (frames.ts): "Pemberton
// Bank reported profits" says nothing of whether Pemberton Bank cut 400 jobs. A passage that
// reports the same fact with another name in the claim's place contradicts it ("the summit has
// been moved to Vienna"), as does one that rules the name out ("Grantham Dairy, not Norvita
// Foods, issued the recall").
import type { ClaimKind } from '../../../shared/check'
import { extractNames, withoutTitles } from '../claims/names'
import type { Span } from '../claims/types'
import type { Found } from './figures-in-passage'
import { LIGHT, tokensOf, type Token } from '../nlp/tokens'
import type { Lexicon } from '../nlp/wordnet'
import { agreement, verbsAgree, type Frame } from './frames'
import type { ParagraphFacts } from './paragraph-facts'
import { commonWords } from '../names/common-words'
import { editDistance } from './edit-distance'
import { foldName } from './fold-name'
import { placeWord, placingOf } from './placings'
import { overlap, stem } from './text-words'

export interface EntityClaim {
  kind: Extract<ClaimKind, 'person' | 'organization' | 'place'>
  name: string
  /** The story sentence's frame without the name, and its content words. */
  frame: Frame
  context: ReadonlySet<string>
  /** The story sentence, for names the story itself also gives. */
  sentence: string
  /** A compass word the story puts before the place ("north of Kathmandu"). */
  direction: string | null
  /** The word that ties the name to its predicate: "by" (the agent), "in" (the place), or "" (subject). */
  cue: string
  /** The verb before the name's cue ("published" in "published by X"), by lemma. */
  verb?: string | null
  /**
   * Whether another name in the same place of the same fact contradicts this one: not for names
   * made of common words ("Fire"), which may not be names at all.
   */
  replaceable: boolean
  /** Where the story's sentence says the person finished in a contest (placings.ts), or null. */
  placing?: number | null
  /** The ways a passage may write the name (formsOf), worked out on first use. */
  forms?: string[]
  /** The context's words by stem, worked out on first use. */
  stems?: Set<string>
}

/** The start of the reason given where a passage names the entity for another fact. */
export const NAMED_ELSEWHERE = 'spells'

/** Sentences sharing fewer content words with the story's are not read for a frame at all. */
const MIN_SHARED_WORDS = 3

export function relateEntity(claim: EntityClaim, pf: ParagraphFacts, lexicon: Lexicon): Found[] {
  const found: Found[] = []
  const text = pf.text
  const forms = (claim.forms ??= formsOf(claim))
  // Where the paragraph names the story's entity somewhere, another name is another participant;
  // where it names it nowhere, no sentence need be searched for it.
  const named = forms.some((f) => text.includes(f)) || (claim.kind === 'person' && partsIn(text, forms[0]!))
  const within = (s: Span) =>
    forms.some((f) => {
      const k = text.indexOf(f, s.start)
      return k >= 0 && k < s.end
    }) ||
    (claim.kind === 'person' && partsIn(text.slice(s.start, s.end), forms[0]!))
  pf.sentences.forEach((s, i) => {
    if (named && !within(s)) return
    const sentence = text.slice(s.start, s.end)
    const at = named ? findName(sentence, forms, claim.kind) : null
    if (at) {
      const start = s.start + at.start
      const end = s.start + at.end
      // A sentence sharing at most one word with the story's cannot report its fact: no frame needed.
      if (pf.sharedStems(i, (claim.stems ??= new Set([...claim.context].map(stem)))) < 2) {
        found.push({
          ...s,
          relation: 'mentions',
          reason: `${NAMED_ELSEWHERE} ${at.text} the same, about something else`
        })
        return
      }
      const clause = clauseAround(text, s, start)
      const frame = pf.frame(clause, { start, end })
      const same = agreement(claim.frame, frame)
      const before = text.slice(clause.start, start)
      const ruledOut = ruledOutWord(sentence, claim)
      // Worked out only when the cheaper readings below have not decided.
      const anotherName = () =>
        same.same
          ? movedAside(claim, frame, sentence, s.start, at.start, lexicon)
          : inAnotherClause(claim, pf, s, clause, lexicon)
      let other: string | null = null
      const placed = claim.placing && same.sharedNouns >= 2 ? placingOf(sentence, at.start, at.end) : null
      if (placed && placed !== claim.placing) {
        found.push({
          ...s,
          relation: 'contradicts',
          reason: `says ${at.text} finished ${placeWord(placed)}; the story has ${placeWord(claim.placing!)}`
        })
      } else if (/\b(?:not|rather than|instead of)\s+(?:the\s+)?$/i.test(before)) {
        found.push({ ...s, relation: 'contradicts', reason: `says it was not ${at.text}` })
      } else if (same.same && ruledOut) {
        found.push({
          ...s,
          relation: 'contradicts',
          reason: `says “not the ${ruledOut}”, which the story gives`
        })
      } else if (same.same && claim.kind === 'place' && otherDirection(claim.direction, before)) {
        found.push({
          ...s,
          relation: 'contradicts',
          reason: `places it ${otherDirection(claim.direction, before)} of ${at.text}, not ${claim.direction}`
        })
      } else if (same.same && same.oppositeVerb) {
        found.push({
          ...s,
          relation: 'contradicts',
          reason: `says ${at.text} did${frame.negated.has(same.oppositeVerb) ? ' not' : ''} ${frame.lemmas.get(same.oppositeVerb) ?? same.oppositeVerb}`
        })
      } else if ((other = anotherName())) {
        found.push({
          ...s,
          relation: 'contradicts',
          reason: `gives ${other} where the story has ${claim.name}, and names ${at.text} otherwise`
        })
      } else if (same.same && /\b(?:including|among them|such as|among)\s+(?:the\s+)?$/i.test(before)) {
        // "funding from several charities, including X": one of several, not the one.
        found.push({ ...s, relation: 'partial', reason: `names ${at.text} among others for the same fact` })
      } else if (same.same && sameRole(claim, frame, lexicon, sentence, at.start)) {
        found.push({ ...s, relation: 'supports', reason: `names ${at.text} for the same fact` })
      } else {
        found.push({
          ...s,
          relation: 'mentions',
          reason: `${NAMED_ELSEWHERE} ${at.text} the same, about something else`
        })
      }
      return
    }
    if (!claim.replaceable || overlap(claim.context, pf.words(i)) < MIN_SHARED_WORDS) return
    const frame = pf.frame(s)
    const same = agreement(claim.frame, frame)
    // People share topics more than firms and places do: another person contradicts only where
    // the passage gives the same deed, not merely the same nouns ("lawmaker", "bill", "Cali").
    if (!strongly(same, claim) || (claim.kind === 'person' && same.sharedVerbs === 0)) return
    const other = otherName(claim, frame, sentence, s.start, lexicon)
    if (other)
      found.push({
        ...s,
        relation: 'contradicts',
        reason: `gives ${other} where the story has ${claim.name}`
      })
  })
  return found
}

/**
 * Whether the passage gives the name the part the story does. A person or a place supports a
 * fact only through the same deed ("designed by X" is not "X spoke at the opening"; "sank off
 * Crete" is not "loaded in Crete") and, for a place, the same preposition's slot ("derailed in
 * Hesse" is not "from Hesse to Bavaria"). Organizations are named for what they do less often by
 * verb, so the nouns of the fact suffice for them.
 */
function sameRole(
  claim: EntityClaim,
  passage: Frame,
  lexicon: Lexicon,
  sentence: string,
  at: number
): boolean {
  if (claim.kind === 'organization') return true
  if (claim.frame.verbs.size > 0 && !verbsAgree(claim.frame, passage, lexicon)) return false
  if (claim.kind === 'place') {
    const cue = cueBefore(sentence, at)
    // "Took place in Kraków" names no deed of its own; "are based in Kraków" does, and another.
    if (claim.frame.verbs.size === 0 && claim.verb === null && governedBy(sentence, at)) return false
    return claim.cue === '' || cue === '' || cue === claim.cue
  }
  return true
}

/**
 * The passage names the story's entity, but in another part of the fact, and another name in the
 * story's part: "landed near Monchegorsk, 60 km from Kirovsk" for "fell near Kirovsk"; "published
 * by the UN office and later cited by Clearwater Watch" for "published by Clearwater Watch". The
 * part is the preposition's slot and, for the agent, the verb it belongs to.
 */
function movedAside(
  claim: EntityClaim,
  frame: Frame,
  sentence: string,
  offset: number,
  at: number,
  lexicon: Lexicon
): string | null {
  if (!claim.replaceable || claim.cue === '') return null
  const cue = cueBefore(sentence, at)
  const sameCue = sameSlot(cue, claim.cue) || (claim.kind === 'place' && cue === '')
  if (sameCue && (claim.cue !== 'by' || !claim.verb || verbBefore(sentence, at) === claim.verb)) return null
  const other = otherName(claim, frame, sentence, offset, lexicon)
  if (!other) return null
  if (claim.cue === 'by' && claim.verb) {
    const k = sentence.indexOf(other)
    if (k < 0 || verbBefore(sentence, k) !== claim.verb) return null
  }
  return other
}

/**
 * "Oren Shalev was absent; producer Dana Levi accepted the prize": the passage names the story's
 * entity in one clause and reports the story's fact in another, with another name in its place.
 */
function inAnotherClause(
  claim: EntityClaim,
  pf: ParagraphFacts,
  sentence: Span,
  own: Span,
  lexicon: Lexicon
): string | null {
  if (!claim.replaceable) return null
  for (const clause of clausesOf(pf.text, sentence)) {
    if (clause.start === own.start) continue
    const frame = pf.frame(clause)
    const same = agreement(claim.frame, frame)
    if (!strongly(same, claim) || (claim.kind === 'person' && same.sharedVerbs === 0)) continue
    const other = otherName(claim, frame, pf.text.slice(clause.start, clause.end), clause.start, lexicon)
    if (other) return other
  }
  return null
}

/** The last content verb before an offset in a sentence ("published" in "published by X"). */
function lastVerbBefore(sentence: string, at: number): Token | null {
  let verb: Token | null = null
  for (const t of tokensOf(sentence)) {
    if (t.start >= at) break
    if (t.pos === 'VERB' && !LIGHT.has(t.lemma)) verb = t
  }
  return verb
}

/**
 * Whether a content verb takes the name as its own complement ("based in Kraków"), not through
 * a noun of its own ("marking his first trip to Ukraine").
 */
function governedBy(sentence: string, at: number): boolean {
  const verb = lastVerbBefore(sentence, at)
  return (
    !!verb &&
    /^\s+(?:in|at|near|to|from|on|off|outside|inside)\s+(?:the\s+)?$/i.test(sentence.slice(verb.end, at))
  )
}

/** The lemma of the last content verb before an offset in a sentence. */
export function verbBefore(sentence: string, at: number): string | null {
  return lastVerbBefore(sentence, at)?.lemma ?? null
}

/**
 * ", not the parliament": a word of the story's sentence that the passage rules out, set off by a
 * comma as a correction ("outside the chancellery, not the parliament").
 */
function ruledOutWord(sentence: string, claim: EntityClaim): string | null {
  const m = /,\s*(?:and\s+)?not\s+(?:the|a|an|in|at)\s+([\p{Ll}][\p{L}-]{3,})/u.exec(sentence)
  return m && claim.context.has(m[1]!) ? m[1]! : null
}

/**
 * Agreement beyond doubt, as a contradiction by another name needs: most of the story's nouns,
 * or, for who did it, half of them and its verb (the deed itself, told with fewer details). Not
 * for a place: a visit "to Ukraine" and a visit "in Bucha" share the deed, and Bucha is in Ukraine.
 */
function strongly(same: ReturnType<typeof agreement>, claim: EntityClaim): boolean {
  if (!same.same || same.oppositeVerb) return false
  const nouns = claim.frame.nouns.size
  const share = nouns === 0 ? 0 : same.nounsCovered / nouns
  const deed = claim.kind !== 'place' && same.sharedVerbs >= 1 && share >= 0.5
  return same.sharedVerbs + same.sharedNouns >= 3 && (share >= 0.6 || deed)
}

/** How a passage may write the name: in full, without "the", by its initials, by a short form. */
function formsOf(claim: EntityClaim): string[] {
  const full = claim.name.replace(/^the\s+/i, '')
  const words = full.split(/\s+/).filter(Boolean)
  const forms = [full]
  const capitals = words.filter((w) => /^\p{Lu}/u.test(w))
  if (claim.kind === 'organization' && capitals.length >= 3) forms.push(capitals.map((w) => w[0]).join(''))
  if (claim.kind === 'organization' && words.length >= 2 && words[0]!.length >= 5) forms.push(words[0]!)
  if (claim.kind === 'person' && words.length >= 2) forms.push(words[words.length - 1]!)
  return forms
}

interface At {
  start: number
  end: number
  text: string
}

/**
 * Where the sentence names the claim's entity. A person's surname alone counts unless another
 * given name stands before it ("Andrés Mendoza" is not Carlos Mendoza); a name written surname
 * first ("Tanaka Hiroshi") counts when all its parts are there.
 */
function findName(sentence: string, forms: string[], kind: EntityClaim['kind']): At | null {
  for (let n = 0; n < forms.length; n++) {
    const form = forms[n]!
    if (!sentence.includes(form)) continue
    const m = wordPattern(form).exec(sentence)
    if (!m) continue
    if (kind === 'person' && n > 0) {
      const before = sentence.slice(0, m.index)
      if (
        /\p{Lu}[\p{L}\p{M}'-]+\s+$/u.test(before) &&
        !/(?:^|\s)(?:[A-Z][a-z]{0,3}\.|The|A|An)\s+$/u.test(before)
      ) {
        if (!allWordsIn(sentence, forms[0]!)) continue
      }
    }
    return { start: m.index, end: m.index + m[0].length, text: m[0] }
  }
  if (kind === 'person') {
    const parts = forms[0]!.split(/\s+/)
    if (parts.length >= 2 && parts.every((p) => sentence.includes(p)) && allWordsIn(sentence, forms[0]!)) {
      const start = Math.min(...parts.map((p) => sentence.indexOf(p)))
      const end = Math.max(...parts.map((p) => sentence.indexOf(p) + p.length))
      if (end - start <= forms[0]!.length + 2) return { start, end, text: sentence.slice(start, end) }
    }
  }
  return null
}

const partsIn = (text: string, name: string) => name.split(/\s+/).every((p) => text.includes(p))

/** Whether every word of the name stands in the sentence as a whole word ("Angel" is not in "Angela"). */
function allWordsIn(sentence: string, name: string): boolean {
  return name.split(/\s+/).every((w) => wordPattern(w).test(sentence))
}

const patterns = new Map<string, RegExp>()
/** The word as a whole word; compiled once per word, since every sentence of every source asks. */
function wordPattern(w: string): RegExp {
  let made = patterns.get(w)
  if (!made) {
    if (patterns.size > 10_000) patterns.clear()
    patterns.set(w, (made = new RegExp(`(?<![\\p{L}\\p{M}])${escape(w)}(?![\\p{L}\\p{M}])`, 'u')))
  }
  return made
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The sentence's statements: its parts between semicolons and dashes. */
function clausesOf(text: string, sentence: Span): Span[] {
  const body = text.slice(sentence.start, sentence.end)
  const cut = /;|\s[—–]\s/g
  const clauses: Span[] = []
  let start = sentence.start
  for (let m = cut.exec(body); m; m = cut.exec(body)) {
    clauses.push({ start, end: sentence.start + m.index })
    start = sentence.start + m.index + m[0].length
  }
  clauses.push({ start, end: sentence.end })
  return clauses
}

/** The statement of the sentence that holds an offset. */
function clauseAround(text: string, sentence: Span, at: number): Span {
  const clauses = clausesOf(text, sentence)
  return clauses.find((c) => at < c.end) ?? clauses[clauses.length - 1]!
}

const DIRECTION =
  /\b(north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)(?:ern)?\s+(?:of\s+)?(?:the\s+)?$/i

function otherDirection(story: string | null, before: string): string | null {
  if (!story) return null
  const m = DIRECTION.exec(before)
  return m && m[1]!.toLowerCase() !== story ? m[1]!.toLowerCase() : null
}

/** The compass word right before a place in the story ("north of Kathmandu"), if any. */
export function directionBefore(text: string, at: number): string | null {
  return DIRECTION.exec(text.slice(Math.max(0, at - 40), at))?.[1]?.toLowerCase() ?? null
}

/** Prepositions that tie a name to the same slot: one place is "in", "at" or "near" alike. */
const CUE_GROUPS: Record<string, string> = {
  in: 'at',
  at: 'at',
  near: 'at',
  outside: 'at',
  off: 'at',
  inside: 'at',
  by: 'by',
  from: 'from',
  to: 'to',
  for: 'for',
  as: 'as',
  with: 'with'
}

/** Words that may stand between a slot's preposition and its name without changing the slot. */
const DESCRIPTOR = /^(?:the|a|an|\p{Lu}[\p{L}'’-]*|[\p{Ll}]+-based)$/u

/**
 * The slot cue of a name: the preposition before it, or "" where none stands there. Descriptors
 * may stand between ("by the Italian firm X", "by Polish manufacturer X", "by pollster X"): up to
 * two lower-case nouns besides articles, capitalized words and "X-based".
 */
export function cueBefore(text: string, at: number): string {
  const words = text
    .slice(Math.max(0, at - 60), at)
    .split(/\s+/)
    .filter(Boolean)
  let lowerCase = 0
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!.replace(/[,;:]$/, '')
    if (word !== words[i]) return ''
    const cue = CUE_GROUPS[word.toLowerCase()]
    if (cue && word === word.toLowerCase()) return cue
    if (DESCRIPTOR.test(word)) continue
    if (/^\p{Ll}+$/u.test(word) && ++lowerCase <= 2) continue
    return ''
  }
  return ''
}

/** Verbs after which "to X" names where something now happens: "the summit was moved to Vienna". */
const RELOCATED = new Set(['move', 'relocate', 'shift', 'transfer', 'switch'])

/** cueBefore, with a venue moved to a place read as the place it happens at. */
function venueCue(sentence: string, at: number): string {
  const cue = cueBefore(sentence, at)
  if (cue !== 'to') return cue
  const verb = lastVerbBefore(sentence, at)
  return verb && RELOCATED.has(verb.lemma) ? 'at' : cue
}

const namesKnown = new Map<string, ReturnType<typeof extractNames>['claims']>()

/** The names of a passage's sentence, extracted once: every entity of the story asks about it. */
function namesIn(sentence: string): ReturnType<typeof extractNames>['claims'] {
  let known = namesKnown.get(sentence)
  if (!known) {
    if (namesKnown.size > 5_000) namesKnown.clear()
    known = extractNames(sentence, [{ start: 0, end: sentence.length }]).claims
    namesKnown.set(sentence, known)
  }
  return known
}

const SAME_SORT: Record<EntityClaim['kind'], ReadonlyArray<string>> = {
  person: ['person'],
  organization: ['organization', 'person'],
  place: ['place']
}

/**
 * A name of the claim's sort, in the claim's slot, that the story's sentence does not give and
 * that is not the claim's own name spelled otherwise (that is a spelling finding).
 */
function otherName(
  claim: EntityClaim,
  frame: Frame,
  sentence: string,
  offset: number,
  lexicon: Lexicon
): string | null {
  if (!EXCLUSIVE_SLOTS[claim.kind].has(claim.cue)) return null
  // The names the claim extractor finds, by where they start: their sort, and their whole
  // length where the tagger ends a run early ("Federal Cartel" of "Federal Cartel Office").
  const extracted = new Map<number, { kind: string; text: string }>()
  for (const c of namesIn(sentence))
    extracted.set(c.start + offset, { kind: c.kind === 'role' ? 'person' : c.kind, text: c.text })
  const own = foldName(claim.name)
  for (const run of frame.names) {
    const found = extracted.get(run.start)
    const name = found && found.text.startsWith(run.text) ? { ...run, text: found.text } : run
    // Two letters are a name only as an acronym ("UN", "EU").
    if (claim.sentence.includes(name.text) || (name.text.length < 3 && !/^\p{Lu}{2}$/u.test(name.text)))
      continue
    if (alsoInStory(claim, name.text)) continue
    if (
      (isCommonName(name.text) && !surelyAName(sentence, name, offset, !!found)) ||
      adjectiveOfPeople(sentence, name, offset)
    )
      continue
    const folded = foldName(name.text)
    // The claim's own name spelled otherwise is a spelling finding, not another name.
    const nearSpelling = Math.min(3, Math.max(1, Math.floor(own.length / 4)))
    if (editDistance(own, folded, nearSpelling) <= nearSpelling) continue
    const kind =
      found?.kind ??
      (cueBefore(sentence, name.start - offset) === 'at' || knownOtherPlace(claim, name.text, lexicon)
        ? 'place'
        : '')
    if (!SAME_SORT[claim.kind].includes(kind)) continue
    // "In Japan" for "in Tokyo" is less precise, not another place.
    if (kind === 'place' && claim.kind === 'place' && nested(claim.name, name.text, lexicon)) continue
    const at = name.start - offset
    const cue = claim.cue === 'at' ? venueCue(sentence, at) : cueBefore(sentence, at)
    // A place is where the fact happened whether the passage says "in Tokyo" or "Tokyo hosted".
    if (!sameSlot(cue, claim.cue) && !(claim.kind === 'place' && claim.cue === 'at' && cue === '')) continue
    return name.text
  }
  return null
}

/**
 * A name the extractor could not place by its cues ("Tokyo hosted the final") that WordNet knows
 * as a place, as it knows the story's: and neither within the other ("Tokyo" is in "Japan"). A
 * place WordNet lacks may lie in any region it names ("Bergamo", "northern Italy").
 */
function knownOtherPlace(claim: EntityClaim, name: string, lexicon: Lexicon): boolean {
  return (
    claim.kind === 'place' &&
    lexicon.isPlace(name) &&
    lexicon.isPlace(claim.name) &&
    !nested(claim.name, name, lexicon)
  )
}

const nested = (a: string, b: string, lexicon: Lexicon) =>
  lexicon.placeWithin(a, b) || lexicon.placeWithin(b, a)

/**
 * Whether a passage's name is one the story's sentence also gives, in part. For a person: the
 * surname is there and no other given name stands before it ("Iwaya" for "Foreign Minister
 * Takeshi Iwaya"; but "Keith Marsh" is not the story's "Kevin Marsh"). For a firm or a place:
 * any longer word ("Commission" of "the European Commission").
 */
function alsoInStory(claim: EntityClaim, name: string): boolean {
  const inStory = (w: string) => wordPattern(w).test(claim.sentence)
  if (claim.kind === 'person') {
    const words = withoutTitles(name).split(/\s+/)
    const surname = words[words.length - 1]!
    if (!inStory(surname)) return false
    if (words.length < 2) return true
    const before = givenBefore(surname).exec(claim.sentence)?.[1]
    // "Japan's Iwaya", "Minister Iwaya": no given name of the story's own stands before it.
    const given = before && !/['’]s$/.test(before) && withoutTitles(`${before} X`) !== 'X' ? before : null
    return !given || given === words[0] || given.startsWith(words[0]!.replace(/\.$/, ''))
  }
  return name
    .split(/\s+/)
    .filter((w) => w.length > 3)
    .some(inStory)
}

const givenPatterns = new Map<string, RegExp>()
/** The capitalized word right before a surname: a given name, or a title or an owner. */
function givenBefore(surname: string): RegExp {
  let made = givenPatterns.get(surname)
  if (!made) {
    if (givenPatterns.size > 10_000) givenPatterns.clear()
    made = new RegExp(`(\\p{Lu}[\\p{L}\\p{M}'’-]+)\\s+${escape(surname)}(?![\\p{L}\\p{M}])`, 'u')
    givenPatterns.set(surname, made)
  }
  return made
}

/**
 * "North Korean troops", "Russian forces": a people's adjective before a noun, not a place. Not
 * a name before its verb: "Anand Kulkarni founded" ends as "Kuwaiti" does.
 */
function adjectiveOfPeople(sentence: string, name: { text: string; end: number }, offset: number): boolean {
  if (!/(?:ian|ean|ese|ish|an|i)$/.test(name.text)) return false
  const at = name.end - offset
  if (!/^\s+\p{Ll}/u.test(sentence.slice(at, at + 3))) return false
  const next = tokensOf(sentence).find((t) => t.start > at)
  return next?.pos !== 'VERB' && next?.pos !== 'AUX'
}

/**
 * Slots that one name fills to the exclusion of others: the agent ("won by", the subject), what
 * someone is identified as, where and from where or to where something happened. Meeting,
 * talking or signing "with" one person does not rule out another.
 */
const EXCLUSIVE_SLOTS: Record<EntityClaim['kind'], ReadonlySet<string>> = {
  person: new Set(['', 'by', 'as']),
  organization: new Set(['', 'by', 'as', 'for']),
  place: new Set(['', 'at', 'from', 'to'])
}

/**
 * Whether two cues mark the same slot. The agent is "by" X in the passive and the bare subject
 * in the active ("was won by X" / "Y won"), so the two are one slot.
 */
function sameSlot(a: string, b: string): boolean {
  const agent = (cue: string) => (cue === '' ? 'by' : cue)
  return agent(a) === agent(b)
}

/**
 * Whether everyday words are a name here: introduced as one, or several capitalized words the
 * extractor took for a name, inside the sentence where no capital is owed to its start
 * ("Germany's Federal Cartel Office").
 */
function surelyAName(
  sentence: string,
  name: { text: string; start: number },
  offset: number,
  extracted: boolean
): boolean {
  const at = name.start - offset
  if (introducedAsName(sentence, at)) return true
  return extracted && /\s/.test(name.text) && sentence.slice(0, at).trim() !== ''
}

/**
 * "A group calling itself Red Lantern", "a ship named Sea Breeze": words the text introduces as a
 * name are one, though each is an everyday word.
 */
export function introducedAsName(text: string, at: number): boolean {
  return /\b(?:called|named|calling (?:itself|themselves)|calls? (?:itself|themselves)|known as|dubbed)\s+(?:the\s+)?$/i.test(
    text.slice(Math.max(0, at - 30), at)
  )
}

/** A name every word of which is an everyday word: "Police", "Surveillance", "Fire". */
export function isCommonName(name: string): boolean {
  const common = commonWords()
  return name
    .replace(/^the\s+/i, '')
    .split(/\s+/)
    .every((w) => common.has(w.toLowerCase()))
}
