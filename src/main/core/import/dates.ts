// Dates for `publishedAt`. Only dates that name their year are taken: chrono would otherwise
// fill in the current year, which is a guess, and a checker must not be handed guesses as facts.
// When the text gives a time but no zone we keep local wall time without an offset, because
// inventing the importer's own zone would be wrong for foreign copy.
import { strict as chronoStrict } from 'chrono-node'
import type { ParsedComponents, ParsedResult } from 'chrono-node'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const HAS_YEAR = /(?:^|\D)(?:1[89]|2\d)\d{2}(?:\D|$)/

const pad = (n: number): string => String(n).padStart(2, '0')

function isoFromComponents(c: ParsedComponents): string | null {
  if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return null
  const date = `${c.get('year')}-${pad(c.get('month') ?? 1)}-${pad(c.get('day') ?? 1)}`
  if (!c.isCertain('hour')) return date
  let time = `T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`
  if (c.isCertain('second')) time += `:${pad(c.get('second') ?? 0)}`
  if (c.isCertain('timezoneOffset')) {
    const offset = c.get('timezoneOffset') ?? 0
    const sign = offset < 0 ? '-' : '+'
    const abs = Math.abs(offset)
    time += offset === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  }
  return date + time
}

export interface FoundDate {
  iso: string
  /** Where the date's words sit in the input, so callers can see what else the line says. */
  index: number
  text: string
}

/** The first full date (with year) in free text, or null. */
export function findDate(text: string): FoundDate | null {
  if (!HAS_YEAR.test(text)) return null
  let results: ParsedResult[]
  try {
    results = chronoStrict.parse(text, new Date(), { forwardDate: false })
  } catch {
    return null
  }
  for (const result of results) {
    const iso = isoFromComponents(result.start)
    if (iso) return { iso, index: result.index, text: result.text }
  }
  return null
}

/** A date from metadata: ISO strings are kept as written (with their offset); prose is parsed. */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null
  const trimmed = value.trim()
  if (ISO_DATE.test(trimmed)) return Number.isNaN(Date.parse(trimmed.slice(0, 10))) ? null : trimmed.replace(' ', 'T')
  return findDate(trimmed.slice(0, 200))?.iso ?? null
}
