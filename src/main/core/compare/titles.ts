// The title a text gives a person where it names them: before the name ("Spanish Prime Minister,
// Mariano Rajoy", "Incident Commander Mike Reichling") or in apposition after it ("Mike
// Reichling, Arizona State Forestry Division spokesman"). Two titles are the same when their head
// words are: "Prime Minister" is not "President", "spokesman" is not "Incident Commander".

/** Words that head a title; the key is the word, the value its family (synonyms share one). */
const HEADS: Record<string, string> = Object.fromEntries(
  `president minister chancellor premier governor mayor senator ambassador envoy king queen prince princess pope emperor
  director commissioner chairman:chair chairwoman:chair chair chairperson:chair speaker chief general admiral commander colonel
  lieutenant captain capt:captain judge justice attorney prosecutor sheriff secretary superintendent inspector sergeant marshal
  spokesman:spokesperson spokeswoman:spokesperson spokesperson ceo founder coordinator investigator trooper congressman:congressmember
  congresswoman:congressmember representative lawmaker deputy head:chief coach bishop archbishop cardinal major brigadier
  professor chargé consul attaché councillor councilman:councilmember councilwoman:councilmember treasurer ombudsman dean
  rector warden administrator`
    .split(/\s+/)
    .map((entry) => {
      const [word, family] = entry.split(':')
      return [word!, family ?? word!]
    })
)
/** Titles too general to disagree with any other ("leader", "official"). */
const GENERIC = new Set(['leader', 'official', 'head'])

const WORD = /[\p{L}\p{M}.'’-]+/gu
/** Lower-case words that end a title written in lower case ("said the fire chief"). */
const STOP = new Set(
  `and or of who which that said says told was is to in on at by for with as his her their its`.split(' ')
)

export interface TitleFound {
  title: string
  family: string
}

function lastHead(words: readonly string[]): { index: number; family: string } | null {
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!.toLowerCase().replace(/[.'’]+$/, '')
    const family = HEADS[w]
    if (family) return { index: i, family }
  }
  return null
}

const WORD_CHAR = /^[\p{L}\p{M}.'’-]$/u
const BLANK = /[ \t]/

/** How many code units the word character ending at text[end - 1] takes: 0 when it is none. */
function wordCharBefore(text: string, end: number): number {
  const low = text.charCodeAt(end - 1)
  const pair = low >= 0xdc00 && low <= 0xdfff && end >= 2 ? 2 : 1
  return WORD_CHAR.test(text.slice(end - pair, end)) ? pair : 0
}

/**
 * The last words before `end` (at most `max`, at most 80 characters back), spaced by blanks and
 * followed by no more than a comma and blanks: the words that may title the name at `end`.
 * Read backwards from the name: a pattern anchored at the end is tried from every character.
 */
function wordsEndingAt(text: string, end: number, max: number): string[] {
  const floor = Math.max(0, end - 80)
  let i = end
  while (i > floor && BLANK.test(text[i - 1]!)) i--
  if (i > floor && text[i - 1] === ',') i--
  const words: string[] = []
  while (words.length < max) {
    let j = i
    for (let w = wordCharBefore(text, j); j > floor && w > 0; w = wordCharBefore(text, j)) j -= w
    if (j === i) break
    words.unshift(text.slice(Math.max(j, floor), i))
    let k = j
    while (k > floor && BLANK.test(text[k - 1]!)) k--
    if (k === j || k === floor || wordCharBefore(text, k) === 0) break
    i = k
  }
  return words
}

/** The title written right before a name, or in apposition right after it; null when none. */
export function titleAround(text: string, nameStart: number, nameEnd: number): TitleFound | null {
  // Before: up to five words, the last of them a title word, with at most a comma between it
  // and the name ("Prime Minister, Mariano Rajoy").
  const words = wordsEndingAt(text, nameStart, 5)
  if (words.length > 0) {
    const head = lastHead(words)
    if (head && head.index === words.length - 1) {
      // "Foreign Minister Nwosu" and "Nigeria's foreign minister, Nwosu": the modifiers count in
      // either case; a determiner or an owner ("Nigeria's") ends the title.
      const lower = /^\p{Ll}/u.test(words[head.index]!)
      let from = head.index
      while (from > 0) {
        const w = words[from - 1]!
        if (/^(?:the|a|an)$/i.test(w) || /['’]s$/.test(w)) break
        if (!/^\p{Lu}/u.test(w) && !(lower && !STOP.has(w))) break
        from--
      }
      return { title: words.slice(from, head.index + 1).join(' '), family: head.family }
    }
  }
  // After: ", <a phrase ending in or led by a title word>," — not a clause ("who said").
  const after = /^,[ \t]+([^,.;:()"“”]{2,80})/u.exec(text.slice(nameEnd, nameEnd + 90))
  if (after && !/^(?:who|which|that|said|says|told|and|but|whose|when|where)\b/i.test(after[1]!)) {
    const words = (after[1]!.match(WORD) ?? []).slice(0, 7)
    const cut = words.findIndex((w) => /^(?:with|of|at|for|in|from|on)$/i.test(w))
    const head = lastHead(cut >= 0 ? words.slice(0, cut) : words)
    if (head) {
      const phrase = (cut >= 0 ? words.slice(0, cut) : words).slice(0, head.index + 1)
      // "the embassy's chargé d'affaires": the article and the owner are not the title.
      const owner = phrase.findLastIndex((w) => /['’]s$/.test(w))
      const start = owner >= 0 ? owner + 1 : /^(?:an?|the)$/i.test(phrase[0] ?? '') ? 1 : 0
      // "chargé d'affaires": a French title keeps its complement.
      const end = head.index + 1 + (/^d['’]/.test(words[head.index + 1] ?? '') ? 1 : 0)
      return { title: words.slice(start, end).join(' '), family: head.family }
    }
  }
  return null
}

/** The family of a story role's title ("Incident Commander" → "commander"), or null. */
export function titleFamily(role: string): string | null {
  return lastHead(role.match(WORD) ?? [])?.family ?? null
}

export function compatibleTitles(a: string, b: string): boolean {
  return a === b || GENERIC.has(a) || GENERIC.has(b)
}

/** Words that make another office of the same title: a deputy mayor is not the mayor. */
const RANK_OTHER = new Set([
  'deputy',
  'vice',
  'vice-president',
  'assistant',
  'associate',
  'under',
  'lieutenant',
  'acting'
])
/** Words that only narrow a title: a chief judge is a judge, more precisely. */
const RANK_NARROW = new Set(['chief', 'head', 'senior', 'principal', 'prime', 'first'])
/** Modifiers that name no portfolio ("a government minister"). */
const NO_PORTFOLIO = new Set([
  'government',
  'cabinet',
  'top',
  'state',
  'national',
  'federal',
  'regional',
  'local',
  'former',
  'then'
])

export type TitleMatch = 'same' | 'less' | 'other'

/**
 * Two titles of one person compared: "same" office, "less" precise ("Judge" for "Chief Judge",
 * "a government minister" for "Energy Minister"), or an "other" office (another head word, a
 * deputy's rank, another portfolio).
 */
export function compareTitles(story: string, passage: string): TitleMatch {
  const a = titleParts(story)
  const b = titleParts(passage)
  if (!a || !b) return 'less'
  if (!compatibleTitles(a.family, b.family)) return 'other'
  for (const r of RANK_OTHER) if (a.words.has(r) !== b.words.has(r)) return 'other'
  const portfolio = (p: typeof a) =>
    [...p.words].filter((w) => !RANK_OTHER.has(w) && !RANK_NARROW.has(w) && !NO_PORTFOLIO.has(w))
  const pa = portfolio(a)
  const pb = portfolio(b)
  if (pa.length && pb.length && !pa.some((w) => pb.includes(w))) return 'other'
  if (pa.length && !pb.length) return 'less'
  for (const r of RANK_NARROW) if (a.words.has(r) && !b.words.has(r)) return 'less'
  for (const r of RANK_NARROW) if (!a.words.has(r) && b.words.has(r)) return 'other'
  return 'same'
}

function titleParts(title: string): { family: string; words: Set<string> } | null {
  const words = (
    title
      .toLowerCase()
      .replace(/\bchief executive(?: officer)?\b/g, 'ceo')
      .match(WORD) ?? []
  ).map((w) => w.replace(/[.'’]+$/, ''))
  const head = lastHead(words)
  if (!head) return null
  return { family: head.family, words: new Set(words.slice(0, head.index)) }
}
