// People, organizations, places and titled roles, found as runs of capitalized words.
// A statistical tagger (compromise) missed common non-English names ("Andrii Sybiha") and cost
// seconds per article; the cues below (titles, organization words, prepositions, said-verbs)
// work on names from any language written in Latin script.
import { claimId, type ExtractedClaim, type Span } from './types'
import { isAcronymAt } from './acronyms'
import { ORGANIZATION_NAME_WORDS, organizationByContext } from './organization-cues'
import { sentenceAt } from './sentences'

const TITLE_WORDS = new Set(
  `President Vice Prime Minister Secretary Chancellor Premier Governor Mayor Senator Ambassador Envoy King Queen Prince Princess Pope
  Emperor Spokesperson Spokesman Spokeswoman Director Commissioner Chairman Chairwoman Chair Speaker Chief Deputy General Admiral
  Commander Colonel Lieutenant Captain Judge Justice Attorney Treasurer Representative Rep Sen Gov Dr Mr Mrs Ms Prof Sheikh Minister's
  Coach Bishop Archbishop Cardinal Major Brigadier Sergeant Inspector Professor Sheriff Consul`.split(/\s+/)
)
/** Words that qualify a title without being it: "Foreign Minister", "Defence Minister". */
const TITLE_MODIFIERS = new Set(
  `Foreign Defence Defense Finance Interior Home Justice Health Economy Economic Energy Trade Digital Education Culture Agriculture
  Environment Transport Labour Labor State Cabinet Chief Deputy First Executive Acting Interim Top Senior Junior
  Assistant Associate Head Detective Police Fire Incident`.split(/\s+/)
)
const ORG_WORDS = ORGANIZATION_NAME_WORDS
const PLACE_WORDS = new Set(
  `North South East West Northern Southern Eastern Western Central United Republic Kingdom Sea River Oblast Region Province Island
  Islands City Gulf Strait Peninsula Bay Lake Mountains Valley County State States Coast Palazzo Square Street Avenue Mount Mt Cape
  Port Fort Desert Canyon Plateau Forest Harbour Harbor`.split(/\s+/)
)
const NOT_NAMES = new Set(
  `January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An In On At By For From To Of And But Or If As It He She They We I You
  This That These Those His Her Their Our Its Mr Mrs Ms Dr According After Before During Since While When Where What Who Why How Earlier
  Later Last Next Asked Tokyo's Photo Editor's Related Advertisement However Meanwhile Also Both Each Every All No Not Yes`.split(
    /\s+/
  )
)
const PARTICLES = new Set(
  'von van der den de da di del della la le du dos das bin ibn al el ter ten zu af'.split(' ')
)
const PLACE_PREPOSITIONS =
  /(?:\b(?:in|to|from|at|near|across|into|towards?|outside|inside|throughout|visit|visited|visiting)\s+)$/i
/** "the town of X", "the coast of X", "north of X", "a native of X", "off X": what stands before a place. */
const PLACE_BEFORE =
  /\b(?:(?:town|city|village|coast|province|region|state|county|district|island|port|capital|suburb|outskirts|shores?|banks?|municipality|republic|kingdom)\s+of|(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of|(?:native|resident)s?\s+of|off)\s+(?:the\s+)?$/i
/** "X department", "X province": a common noun after the name that makes it a place. */
const PLACE_AFTER =
  /^\s+(?:department|province|region|district|county|state|oblast|prefecture|municipality|governorate|canton|village|town|city|airport|harbou?r|coast|coastline|shore|border)\b/i
const SAID = /^[,]?\s+(?:said|says|told|added|noted|wrote|stressed|emphasized|emphasised|announced)\b/

/** "Digne-les-Bains", "Alpes-de-Haute-Provence": French-style compound place names. */
const COMPOUND_PLACE = /^\p{Lu}\p{Ll}+(?:-\p{Ll}{1,3})+-\p{Lu}[\p{L}-]*$/u

function organizationClaim(
  text: string,
  sentences: readonly Span[],
  start: number,
  end: number
): ExtractedClaim {
  const name = text.slice(start, end)
  return {
    id: claimId('organization', start),
    kind: 'organization',
    text: name,
    start,
    end,
    sentence: sentenceAt(sentences, start),
    normalized: { name }
  }
}

export interface NameToken {
  text: string
  start: number
  end: number
}

const TOKEN =
  /(?:\p{Lu}\.)|(?:\p{Lu}[\p{L}\p{M}'’-]*)|(?:\b(?:von|van|der|den|de|da|di|del|della|la|le|du|dos|das|bin|ibn|al|el|ter|ten|zu|af)\b)/gu

/** Runs of capitalized words (with name particles and initials), split where spacing breaks. */
export function capitalizedRuns(text: string): NameToken[][] {
  const runs: NameToken[][] = []
  let run: NameToken[] = []
  let lastEnd = -1
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    let word = m[0]
    // "Iwaya’s" is Iwaya; "then-Foreign" is Foreign with a qualifier before it.
    const possessive = /['’]s$/.exec(word)
    if (possessive) word = word.slice(0, -2)
    const start = m.index
    const gap = text.slice(lastEnd, start)
    // "Lindqvist & Berg": an ampersand joins the names of a firm.
    const joins =
      lastEnd >= 0 && /^[ \t]$|^ ?-$|^ & $/.test(gap) && !/['’]s$/.test(run[run.length - 1]?.text ?? '')
    if (!joins && run.length) {
      runs.push(run)
      run = []
    }
    if (word.length === 0) continue
    run.push({ text: word, start, end: start + word.length })
    lastEnd = start + m[0].length
    if (possessive) {
      runs.push(run)
      run = []
      lastEnd = -1
    }
  }
  if (run.length) runs.push(run)
  // Particles only belong inside a name: trim them from the ends of a run.
  return runs
    .map((r) => {
      let a = 0
      let b = r.length
      while (a < b && PARTICLES.has(r[a]!.text)) a++
      while (b > a && PARTICLES.has(r[b - 1]!.text)) b--
      return r.slice(a, b)
    })
    .filter((r) => r.length > 0)
}

/** A person's name without the titles before it: "Foreign Minister Takeshi Iwaya" → "Takeshi Iwaya". */
export function withoutTitles(name: string): string {
  const words = name.split(/\s+/)
  let i = 0
  while (i < words.length - 1 && (TITLE_WORDS.has(words[i]!) || TITLE_MODIFIERS.has(words[i]!))) i++
  return words.slice(i).join(' ')
}

function isNationality(word: string): boolean {
  return /(?:ian|ese|ish|an|i|ic)$/.test(word) && !TITLE_WORDS.has(word)
}

function isSentenceStart(text: string, offset: number, sentences: readonly Span[]): boolean {
  return (
    sentences.some((s) => s.start === offset) ||
    /(?:^|[.!?]["”’]?\s+|\n\s*)$/.test(text.slice(Math.max(0, offset - 4), offset))
  )
}

export interface NameClaims {
  claims: ExtractedClaim[]
  /** Surname → full name, for tying later references ("Iwaya") to the person. */
  people: Map<string, string>
}

export function extractNames(text: string, sentences: readonly Span[]): NameClaims {
  const claims: ExtractedClaim[] = []
  const people = new Map<string, string>()
  const pendingSingles: NameToken[] = []
  const span = (tokens: NameToken[]) => ({ start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end })

  const pushPerson = (tokens: NameToken[]) => {
    const { start, end } = span(tokens)
    const name = text.slice(start, end)
    const surname = tokens[tokens.length - 1]!.text
    if (!people.has(surname)) people.set(surname, name)
    claims.push({
      id: claimId('person', start),
      kind: 'person',
      text: name,
      start,
      end,
      sentence: sentenceAt(sentences, start),
      normalized: {
        name,
        personKey: people.get(surname) ?? name,
        surname,
        given: tokens.length > 1 ? tokens[0]!.text : null
      }
    })
  }

  for (const run of capitalizedRuns(text)) {
    const words = run.map((t) => t.text)
    // Shouted credit lines ("FOREIGN MINISTRY") are furniture, not names to check; a lone
    // acronym in running text ("told KVUE") is an organization.
    if (run.length === 1 && isAcronymAt(text, run[0]!.start, run[0]!.end)) {
      claims.push(organizationClaim(text, sentences, run[0]!.start, run[0]!.end))
      continue
    }
    if (words.every((w) => w.length > 1 && w === w.toUpperCase() && /\p{L}{3}/u.test(w))) continue
    const isTitle = (w: string) => TITLE_WORDS.has(w) || TITLE_WORDS.has(w.split('-')[0]!)
    // A title inside the run splits it: role words first, the person after.
    let lastTitle = -1
    for (let i = 0; i < words.length; i++) if (isTitle(words[i]!)) lastTitle = i
    if (lastTitle >= 0 && lastTitle < words.length - 1) {
      let roleStart = lastTitle
      while (roleStart > 0 && (TITLE_MODIFIERS.has(words[roleStart - 1]!) || isTitle(words[roleStart - 1]!)))
        roleStart--
      const person = run.slice(lastTitle + 1).filter((t) => !NOT_NAMES.has(t.text))
      if (person.length === 0 || person.some((t) => ORG_WORDS.has(t.text))) continue
      const roleTokens = run.slice(roleStart, lastTitle + 1)
      const before = text.slice(Math.max(0, roleTokens[0]!.start - 12), roleTokens[0]!.start)
      const qualifier = /then-\s*$/i.test(before)
        ? 'then'
        : /former\s+$/i.test(before)
          ? 'former'
          : /incoming\s+$|-incoming\s+$/i.test(before)
            ? 'incoming'
            : /(?:ex-|outgoing\s+)$/i.test(before)
              ? 'former'
              : null
      const roleSpan = span(roleTokens)
      const personSpan = span(person)
      const role = text.slice(roleSpan.start, roleSpan.end)
      pushPerson(person)
      const roleStartOffset =
        qualifier === 'then' ? roleSpan.start - before.length + before.search(/then-\s*$/i) : roleSpan.start
      claims.push({
        id: claimId('role', roleStartOffset),
        kind: 'role',
        text: text.slice(roleStartOffset, personSpan.end),
        start: roleStartOffset,
        end: personSpan.end,
        sentence: sentenceAt(sentences, roleStartOffset),
        normalized: { role, person: text.slice(personSpan.start, personSpan.end), qualifier }
      })
      continue
    }
    const orgStart = run.findIndex((t) => !NOT_NAMES.has(t.text))
    if (orgStart >= 0 && run.some((t) => ORG_WORDS.has(t.text))) {
      // Organizations keep their modifiers: "the Foreign Ministry", not "Ministry".
      const { start, end } = span(run.slice(orgStart))
      claims.push(organizationClaim(text, sentences, start, end))
      continue
    }
    const content = run.filter(
      (t) => !NOT_NAMES.has(t.text) && !isTitle(t.text) && !TITLE_MODIFIERS.has(t.text)
    )
    if (content.length === 0) continue
    const first = content[0]!
    // "Harbour master Lena Holm": a lone word of place names, capitalized only as the sentence's
    // first, is a common noun.
    if (content.length === 1 && PLACE_WORDS.has(first.text) && isSentenceStart(text, first.start, sentences))
      continue
    const { start, end } = span(content)
    const name = text.slice(start, end)
    const before = text.slice(Math.max(0, start - 30), start)
    const placeByContext =
      PLACE_BEFORE.test(before) ||
      PLACE_AFTER.test(text.slice(end, end + 20)) ||
      content.some((t) => PLACE_WORDS.has(t.text))
    const isOrg =
      !placeByContext &&
      (/^(?:\p{Lu}{2,}|\p{Lu}+\d+)$/u.test(name) ||
        (/\bthe\s+$/i.test(before) && content.length > 1) ||
        name.includes('&') ||
        organizationByContext(text, start, end))
    if (isOrg) {
      claims.push(organizationClaim(text, sentences, start, end))
      continue
    }
    const isPlace =
      placeByContext ||
      (content.length === 1 && COMPOUND_PLACE.test(name)) ||
      (content.length === 1 && PLACE_PREPOSITIONS.test(before))
    if (isPlace && !people.has(first.text)) {
      claims.push({
        id: claimId('place', start),
        kind: 'place',
        text: name,
        start,
        end,
        sentence: sentenceAt(sentences, start),
        normalized: { name }
      })
      continue
    }
    if (content.length >= 2 && content.length <= 4 && !content.every((t) => isNationality(t.text))) {
      pushPerson(content)
      continue
    }
    if (content.length === 1) {
      if (SAID.test(text.slice(end, end + 20)) && !isSentenceStart(text, start, sentences))
        pushPerson(content)
      else pendingSingles.push(first)
    }
  }
  // A lone surname ("Iwaya said") refers to the person named in full earlier or later.
  for (const token of pendingSingles) {
    const full = people.get(token.text)
    if (!full) continue
    claims.push({
      id: claimId('person', token.start),
      kind: 'person',
      text: token.text,
      start: token.start,
      end: token.end,
      sentence: sentenceAt(sentences, token.start),
      normalized: { name: token.text, personKey: full, surname: token.text, given: null }
    })
  }
  // A name once marked as an organization's ("Orbitalis, a French startup") is one wherever the
  // text uses it, though other mentions carry no cue.
  const organizations = new Set(claims.filter((c) => c.kind === 'organization').map((c) => c.text))
  const named = claims.map((c) =>
    c.kind === 'person' && organizations.has(c.text) ? organizationClaim(text, sentences, c.start, c.end) : c
  )
  for (const token of pendingSingles)
    if (organizations.has(token.text) && !people.has(token.text))
      named.push(organizationClaim(text, sentences, token.start, token.end))
  return { claims: named.sort((a, b) => a.start - b.start), people }
}
