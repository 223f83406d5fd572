// The search box's query syntax (fts-query.ts reads it) written as a PostgreSQL tsquery. Every
// word is quoted, and words hold only letters, digits and marks, so nothing the user types can
// be read as tsquery syntax: a stray operator or quote is a word or nothing, never an error.
import { anyTerms, queryTerms, type Term } from '../fts-query'

/** A phrase: its words adjacent and in order (<->); `prefix` makes the last one a prefix (:*). */
function phrase(words: readonly string[], prefix: boolean): string {
  const quoted = words.map((word, i) => `'${word}'${prefix && i === words.length - 1 ? ':*' : ''}`)
  return quoted.length === 1 ? quoted[0]! : `(${quoted.join(' <-> ')})`
}

const termQuery = (term: Term): string =>
  phrase(
    term.words.map((w) => w.text),
    term.prefix
  )

/** The search box's query: every term of a group (&), any group (|). Null when nothing is searchable. */
export function toTsQuery(input: string): string | null {
  const groups = queryTerms(input).map((group) => `(${group.map(termQuery).join(' & ')})`)
  return groups.length === 0 ? null : groups.join(' | ')
}

/** The claim engine's candidate search: any of the terms, each a phrase ending in a prefix. */
export function toTsAnyQuery(terms: readonly string[]): string | null {
  const parts = anyTerms(terms).map((words) => phrase(words, true))
  return parts.length === 0 ? null : parts.join(' | ')
}
