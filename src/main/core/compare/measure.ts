// What a figure measures, beyond its unit: what happened to the things counted (killed, injured,
// destroyed, evacuated…), when (the years its sentence names), where (the proper names around
// it), and which other numbers stand beside it. Two figures are compared only when their
// measures can be the same; otherwise the passage merely mentions a number.
//
// | not the same measure, whatever the values      | example                                          |
// |------------------------------------------------|--------------------------------------------------|
// | what happened differs                          | "12 dead" / "40 injured"; "400 battling" / "25 died" |
// | both sentences are dated, to different years   | "14 killed in 1994" / "43 killed so far in 2013" |
// | one is dated in the past, and the two share no | "the Nov. 13 attack that killed 130" / "10 killed |
// | proper name                                    | at the airport"                                  |
// | the passage also gives the story's number (or  | "three explosions — two at the airport and one…" |
// | the story's sentence the passage's): a part    | / "two explosions at the airport"                |
// | and its whole, not a disagreement              |                                                  |
import { NUMBER_WORDS } from '../claims/number-words'
import type { Span } from '../claims/types'
import { contentWords, stem } from './text-words'

/** Families of what happens to what is counted; a figure's clause may name several. */
const PREDICATES: Array<[string, RegExp]> = [
  [
    'dead',
    /^(?:kill(?:s|ed|ing)?|dead|die[ds]?|dying|deaths?|toll|fatal(?:ities|ly)?|perish(?:ed)?|lives|bodies|murder(?:s|ed)?)$/
  ],
  ['detonated', /^(?:detonat(?:e|es|ed|ing|ion)|explod(?:e|es|ed|ing)|explosions?|blasts?|blew|set)$/],
  ['injured', /^(?:wound(?:s|ed)?|injur(?:ed|ies|y|ing)|hurt|hospitali[sz]ed|casualties)$/],
  ['missing', /^(?:missing|unaccounted)$/],
  ['evacuated', /^(?:evacuat(?:ed|ion|ions|e|es|ing)|fled|displaced|homeless)$/],
  ['destroyed', /^(?:destroy(?:s|ed|ing)?|burn(?:ed|t|ing)?|razed|damag(?:ed|es|e)|collapsed|lost)$/],
  [
    'size',
    /^(?:spread|spans?|grew|grown|grow(?:s|ing)?|charred|scorched|covers?|covered|consumed|burn(?:ed|t|ing)?|acres?|hectares?|blaze|fire)$/
  ],
  ['aboard', /^(?:aboard|board|carrying|carried|passengers?|crew)$/],
  ['arrested', /^(?:arrest(?:s|ed)?|detain(?:ed)?|custody|charged)$/],
  [
    'deployed',
    /^(?:battl(?:e|ing|ed)|fight(?:s|ing)?|working|deploy(?:s|ed|ing|ments?)?|sen[dt]|sending|dispatch(?:ed)?|assigned|responding|troops)$/
  ],
  ['population', /^(?:community|town|village|city|population|inhabitants|residents|home|live)$/],
  ['altitude', /^(?:altitude|height|elevation|cruising|climb(?:ed)?|descen(?:ded|t)|dropped|fell)$/],
  ['distance', /^(?:north|south|east|west|northeast|northwest|southeast|southwest|away|distance|from)$/],
  ['temperature', /^(?:temperatures?|degrees|heat|hot)$/],
  ['age', /^(?:year-old|years-old|aged|age)$/]
]

export interface Measure {
  predicates: Set<string>
  /** The stems of the clause's content words, for clauses whose verb the families above miss. */
  clause: Set<string>
  /** Where the figure was counted, when the clause says so right after it ("at the airport"). */
  site: string[]
  /** The content words of the whole sentence, lower-case. */
  words: Set<string>
  /** Years named by the dates of the sentence. */
  years: Set<string>
  /** Proper names of the sentence (capitalized words not opening it), lower-case. */
  names: Set<string>
  /** Every number the sentence writes, in digits or words. */
  numbers: Set<number>
}

const CLAUSE_BREAK = /[,;:()—–]/

/** The clause around a span: between the nearest breaks on either side, within the sentence. */
export function clauseAround(text: string, sentence: Span, start: number, end: number): string {
  const clause = clauseSpan(text, sentence, start, end)
  return text.slice(clause.start, clause.end)
}

/** Where clauseAround's clause stands in the text. */
export function clauseSpan(text: string, sentence: Span, start: number, end: number): Span {
  const head = text.slice(sentence.start, start)
  const tail = text.slice(end, sentence.end)
  let from = 0
  for (let i = head.length - 1; i >= 0; i--)
    if (CLAUSE_BREAK.test(head[i]!)) {
      from = i + 1
      break
    }
  const cut = tail.search(CLAUSE_BREAK)
  return { start: sentence.start + from, end: cut >= 0 ? end + cut : sentence.end }
}

function predicatesOf(clause: string): Set<string> {
  const out = new Set<string>()
  for (const word of clause.toLowerCase().match(/[\p{L}-]+/gu) ?? [])
    for (const [family, re] of PREDICATES)
      if (re.test(word) || re.test(word.replace(/^.*-/, ''))) out.add(family)
  return out
}

function numbersOf(sentence: string): Set<number> {
  const out = new Set<number>()
  for (const m of sentence.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g))
    out.add(Number(m[0].replace(/,/g, '')))
  for (const w of sentence.toLowerCase().match(/\p{L}+/gu) ?? [])
    if (NUMBER_WORDS[w] !== undefined) out.add(NUMBER_WORDS[w]!)
  return out
}

function namesOf(sentence: string): Set<string> {
  const out = new Set<string>()
  const words = sentence.match(/[\p{L}\p{M}'’-]+/gu) ?? []
  words.forEach((w, i) => {
    if (i > 0 && /^\p{Lu}\p{Ll}/u.test(w) && w.length > 2) out.add(w.toLowerCase().replace(/['’]s$/, ''))
  })
  return out
}

export function measureOf(
  text: string,
  sentence: Span,
  start: number,
  end: number,
  dates: ReadonlyArray<{ value: string; unresolved?: boolean; yearGuessed?: boolean }>
): Measure {
  const whole = text.slice(sentence.start, sentence.end)
  const clause = clauseAround(text, sentence, start, end)
  const figure = text.slice(start, end).toLowerCase()
  return {
    predicates: predicatesOf(clause),
    clause: new Set(
      contentWords(clause)
        .filter((w) => !figure.includes(w))
        .map(stem)
    ),
    site: siteAfter(text.slice(end, sentence.end)),
    words: new Set(whole.toLowerCase().match(/\p{L}{3,}/gu) ?? []),
    // Only years the words give: "Monday" in an undated text, or "June 2" without a year, has a
    // year only from whatever date it was read against.
    years: new Set(
      dates
        .filter((d) => !d.unresolved && !d.yearGuessed)
        .map((d) => d.value.slice(0, 4))
        .filter((y) => /^\d{4}$/.test(y))
    ),
    names: namesOf(whole),
    numbers: numbersOf(whole)
  }
}

const SITE =
  /^(?:[ \t]+(?:people|persons|were|was|have|has|had|been|are|is|reportedly|\p{Ll}+ed))*[ \t]+(?:at|in|inside|outside|near|on)[ \t]+(?!board\b)((?:[\p{L}\p{M}'’-]+[ \t]*){1,5})/u
const SITE_STOP = new Set([
  'the',
  'a',
  'an',
  'and',
  'its',
  'their',
  'his',
  'her',
  'this',
  'that',
  'which',
  'when',
  'after',
  'before',
  'while'
])

/**
 * What follows "in" that is not a place but the event or the time: "killed in Sunday's collapse",
 * "hurt in the blast". A count "in" the event is the event's total, not a part of it.
 */
const NOT_A_SITE =
  /^(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|last|this)\b|(?:[\p{L}'’-]+\s+){0,2}(?:attacks?|collapse|crash|blasts?|explosions?|fire|blaze|floods?|flooding|storm|quake|earthquake|shooting|bombings?|accident|violence|clashes|fighting|incident|disaster|riots?|stampede|landslide|eruption|wildfire|tornado|hurricane|cyclone|typhoon)\b)/iu

/** The place phrase right after a figure and its verb: "100 wounded at Brussels' international airport". */
function siteAfter(rest: string): string[] {
  const m = SITE.exec(rest)
  if (!m || NOT_A_SITE.test(m[1]!.replace(/^(?:the|a|an)\s+/i, ''))) return []
  const words: string[] = []
  for (const w of m[1]!.toLowerCase().split(/[ \t]+/)) {
    const word = w.replace(/['’]s?$/, '')
    if (['and', 'after', 'before', 'while', 'when', 'which', 'that', 'as'].includes(word)) break
    if (!SITE_STOP.has(word) && word.length > 2) words.push(word)
  }
  return words
}

function disjoint(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return false
  return true
}

/**
 * Why two figures cannot be the same measure, in words for the editor; null when they can be.
 * `storyValue` and `sourceValue` are the points written (null for a range or a vague amount).
 */
export function differentMeasure(
  story: Measure,
  source: Measure,
  storyValue: number | null,
  sourceValue: number | null,
  publicationYears: ReadonlySet<string>
): string | null {
  if (!story.predicates.size || !source.predicates.size) {
    // A verb the families do not know ("12 boats left the harbour"): the clauses must share words.
    if (disjoint(story.clause, source.clause))
      return 'the two sentences do not say what happened to what they count in the same words'
  } else if (disjoint(story.predicates, source.predicates))
    return `it counts something else (${[...source.predicates].join(', ')}, not ${[...story.predicates].join(', ')})`
  // A count at one site is a part of the total, not a rival figure, unless the part is larger.
  const uncovered = (site: string[], other: Measure) =>
    site.length > 0 && site.some((w) => !other.words.has(w))
  const storySite = uncovered(story.site, source)
  const sourceSite = uncovered(source.site, story)
  const partWithin = (part: number | null, whole: number | null) =>
    part === null || whole === null || part <= whole
  if (
    (storySite && sourceSite) ||
    (storySite && partWithin(storyValue, sourceValue)) ||
    (sourceSite && partWithin(sourceValue, storyValue))
  )
    return `it counts at another place (${source.site.join(' ') || 'in all'}, not ${story.site.join(' ') || 'in all'})`
  if (story.years.size && source.years.size && disjoint(story.years, source.years))
    return `it is about another time (${[...source.years].join(', ')}, not ${[...story.years].join(', ')})`
  const past = (m: Measure) => [...m.years].some((y) => !publicationYears.has(y))
  if (past(story) !== past(source) && disjoint(story.names, source.names))
    return 'it is about another time and place'
  if (storyValue !== null && storyValue !== sourceValue && source.numbers.has(storyValue))
    return `the passage also gives ${storyValue}, so this is a part or another count`
  if (sourceValue !== null && sourceValue !== storyValue && story.numbers.has(sourceValue))
    return `the story's sentence also gives ${sourceValue}, so this is a part or another count`
  return null
}
