// Turning what a user types into an FTS5 query, and FTS5's highlighted output back into plain
// segments. User input never reaches FTS5's query syntax as typed: it is read into words (the same
// letters-and-digits the unicode61 tokenizer keeps), phrases and the operators OR and AND, and the
// query is written anew with every word quoted, so a stray quote, operator (NOT, NEAR, ^, :, -)
// or parenthesis is just text that cannot throw or change the query.

/** Sequences of letters, digits and combining marks: what unicode61 treats as token characters. */
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu
/** Enough for any real query; keeps a pasted paragraph from becoming a thousand-term AND. */
const MAX_TERMS = 32

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? []
}

/** A quoted FTS5 phrase; tokens hold no quotes, so no escaping is needed. `*` makes its last token a prefix. */
function phrase(words: string[], prefix: boolean): string {
  return `"${words.join(' ')}"${prefix ? '*' : ''}`
}

/** A word of the query and where the user typed it. */
export interface QueryWord {
  text: string
  start: number
  end: number
}

export interface Term {
  words: QueryWord[]
  prefix: boolean
}

type Item = { term: Term } | { operator: 'OR' | 'AND'; word: QueryWord }

function wordsIn(text: string, offset: number): QueryWord[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    text: m[0],
    start: offset + m.index,
    end: offset + m.index + m[0].length
  }))
}

/** The query as typed, read left to right into terms and operators. */
function scan(input: string): Item[] {
  const items: Item[] = []
  const token = new RegExp(TOKEN.source, 'uy')
  let at = 0
  while (at < input.length) {
    if (input[at] === '"') {
      const close = input.indexOf('"', at + 1)
      // An unbalanced quote is ignored, and what follows it searched as ordinary words.
      if (close < 0) {
        at++
        continue
      }
      const words = wordsIn(input.slice(at + 1, close), at + 1)
      const prefix = input[close + 1] === '*'
      if (words.length > 0) items.push({ term: { words, prefix } })
      at = close + (prefix ? 2 : 1)
      continue
    }
    token.lastIndex = at
    const match = token.exec(input)
    if (!match) {
      at++
      continue
    }
    const word = { text: match[0], start: at, end: at + match[0].length }
    at = word.end
    if (word.text === 'OR' || word.text === 'AND') {
      items.push({ operator: word.text, word })
      continue
    }
    if (input[at] === '*') at++
    // Every word is a prefix, so results come while typing. A one-letter prefix would expand to
    // a large part of the vocabulary ("Iwaya's" gives "s"): such words are matched whole.
    items.push({ term: { words: [word], prefix: word.text.length > 1 } })
  }
  return items
}

/**
 * The query as groups of terms: a text matches when it has every term of some group. OR and AND
 * in capitals are operators between two terms, as FTS5 reads them (AND binding tighter, so
 * "a b OR c" is "(a b) OR c"); anywhere else they are words.
 */
function parse(input: string): Term[][] {
  const items = scan(input)
  const groups: Term[][] = [[]]
  items.forEach((item, i) => {
    if ('term' in item) {
      groups[groups.length - 1]!.push(item.term)
      return
    }
    const between =
      items[i - 1] !== undefined &&
      'term' in items[i - 1]! &&
      items[i + 1] !== undefined &&
      'term' in items[i + 1]!
    if (!between) groups[groups.length - 1]!.push({ words: [item.word], prefix: true })
    else if (item.operator === 'OR') groups.push([])
  })
  return groups.filter((group) => group.length > 0)
}

/** The words of the query, where they were typed: what a spelling suggestion may replace. */
export function queryWords(input: string): QueryWord[] {
  return parse(input).flatMap((group) => group.flatMap((term) => term.words))
}

/**
 * The search box's query: every word must occur (implicit AND), each prefix-matched. Text inside
 * balanced double quotes is a phrase (words adjacent, in order), a prefix too when `*` follows
 * the closing quote; OR between two terms gives either. Returns null when nothing searchable is
 * left.
 */
export function toFtsQuery(input: string): string | null {
  const groups = queryTerms(input).map((group) =>
    group
      .map((term) =>
        phrase(
          term.words.map((w) => w.text),
          term.prefix
        )
      )
      .join(' ')
  )
  return groups.length === 0 ? null : groups.join(' OR ')
}

/**
 * The query read as toFtsQuery reads it: groups of terms, any group matching (OR), every term of
 * a group (AND), at most MAX_TERMS terms in all. For a store that writes its own query language.
 */
export function queryTerms(input: string): Term[][] {
  let budget = MAX_TERMS
  return parse(input)
    .map((group) => {
      const kept = group.slice(0, Math.max(0, budget))
      budget -= kept.length
      return kept
    })
    .filter((group) => group.length > 0)
}

/** The candidate search's terms as toFtsAnyQuery reads them: each a phrase, its last word a prefix. */
export function anyTerms(terms: readonly string[]): string[][] {
  const seen = new Set<string>()
  return terms
    .map(tokens)
    .filter((words) => {
      const key = words.join(' ')
      if (words.length === 0 || seen.has(key)) return false
      seen.add(key)
      return true
    })
    .slice(0, MAX_TERMS * 4)
}

/**
 * Candidate search for the claim engine: any of the terms (OR). A term of several words is a
 * phrase; the last word of each is prefix-matched so "troop" finds "troops".
 */
export function toFtsAnyQuery(terms: readonly string[]): string | null {
  const parts = anyTerms(terms).map((words) => phrase(words, true))
  return parts.length === 0 ? null : parts.join(' OR ')
}

// Private-use characters as highlight markers: they cannot be confused with markup and do not
// occur in news text. Should a source text contain one anyway, the worst case is a wrongly
// highlighted stretch of plain text, never markup.
export const MATCH_OPEN = '\uE000'
export const MATCH_CLOSE = '\uE001'

export interface SnippetSegment {
  text: string
  match: boolean
}

/** Splits FTS5 highlight()/snippet() output into plain segments, merging neighbours of a kind. */
export function splitHighlighted(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = []
  let match = false
  let current = ''
  const flush = (): void => {
    if (current === '') return
    const last = segments[segments.length - 1]
    if (last && last.match === match) last.text += current
    else segments.push({ text: current, match })
    current = ''
  }
  for (const char of marked) {
    if (char === MATCH_OPEN || char === MATCH_CLOSE) {
      flush()
      match = char === MATCH_OPEN
    } else current += char
  }
  flush()
  return segments
}
