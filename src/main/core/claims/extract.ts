// Every checkable claim of a text, each with its exact span and a normalized value.
import { extractDates } from './dates'
import { extractEvents } from './events'
import { extractNames } from './names'
import { extractQuantities } from './quantities'
import { extractQuotes } from './quotes'
import { extractRanks } from './ranks'
import { splitSentences } from './sentences'
import type { ExtractedClaim } from './types'

export interface ExtractOptions {
  publishedAt?: string | null
}

export function extractClaims(text: string, options: ExtractOptions = {}): ExtractedClaim[] {
  try {
    const sentences = splitSentences(text)
    const dates = extractDates(text, sentences, options.publishedAt)
    const quantities = extractQuantities(text, sentences, dates)
    const { claims: names } = extractNames(text, sentences)
    const people = names.filter((c) => c.kind === 'person')
    const events = extractEvents(text, sentences, names)
    const ranks = extractRanks(text, sentences)
    const quotes = extractQuotes(text, sentences, people)
    // "Ukraine today could be East Asia tomorrow": inside a quotation these words are not dates.
    const figurative = (c: ExtractedClaim) =>
      c.kind === 'date' &&
      /^(?:today|tomorrow|now)$/i.test(c.text) &&
      quotes.some((q) => c.start >= q.start && c.end <= q.end)
    return [...dates, ...quantities, ...names, ...events, ...ranks, ...quotes]
      .filter((c) => !figurative(c))
      .filter((c) => c.start >= 0 && c.end <= text.length && c.start < c.end)
      .sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind))
  } catch {
    // Extraction is advice; a text it cannot read yields no claims rather than a failed check.
    return []
  }
}

export type { ExtractedClaim } from './types'
