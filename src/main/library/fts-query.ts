// Turning what a user types into an FTS5 query, and FTS5's highlighted output back into plain
// segments. User input never reaches FTS5's query syntax: it is reduced to word tokens (the same
// letters-and-digits the unicode61 tokenizer keeps), each quoted, so quotes, operators (AND, OR,
// NOT, NEAR, ^, :, -, *) and parentheses are just text that cannot throw or change the query.

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

/**
 * The search box's query: every word must occur (implicit AND), each prefix-matched so results
 * come while typing. Text inside balanced double quotes is kept as a phrase (words adjacent, in
 * order); an unbalanced quote is ignored. Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = []
  const pieces = input.split('"')
  // With an odd number of pieces every quote is paired; otherwise the last quote is unbalanced
  // and its piece is searched as ordinary words.
  const balanced = pieces.length % 2 === 1
  pieces.forEach((piece, i) => {
    const quoted = i % 2 === 1 && (balanced || i < pieces.length - 1)
    const words = tokens(piece)
    if (words.length === 0) return
    if (quoted) parts.push(phrase(words, false))
    // A one-letter prefix would expand to a large part of the vocabulary ("Iwaya's" gives "s"):
    // such words are matched whole.
    else for (const word of words) parts.push(phrase([word], word.length > 1))
  })
  return parts.length === 0 ? null : parts.slice(0, MAX_TERMS).join(' ')
}

/**
 * Candidate search for the claim engine: any of the terms (OR). A term of several words is a
 * phrase; the last word of each is prefix-matched so "troop" finds "troops".
 */
export function toFtsAnyQuery(terms: readonly string[]): string | null {
  const parts = terms
    .map(tokens)
    .filter((words) => words.length > 0)
    .map((words) => phrase(words, true))
  return parts.length === 0 ? null : [...new Set(parts)].slice(0, MAX_TERMS * 4).join(' OR ')
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
