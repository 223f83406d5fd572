// Sentence boundaries with offsets. A full stop ends a sentence unless it belongs to an
// abbreviation or an initial ("Feb. 22", "U.S.", "J. R. R. Tolkien").
import type { Span } from './types'

const ABBREVIATIONS = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'rep',
  'sen',
  'gov',
  'pres',
  'st',
  'mt',
  'no',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'jr',
  'sr',
  'approx',
  'est',
  'dept',
  'fig'
])

function endsWithAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1
  while (i >= 0 && /\p{L}/u.test(text[i]!)) i--
  const word = text.slice(i + 1, dot)
  if (word.length === 0) return false
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true // an initial
  if (text[i] === '.') return true // U.S. — a dotted acronym
  return ABBREVIATIONS.has(word.toLowerCase())
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  const boundary = /[.!?…]+["”’')\]]*(?=\s+|$)|\n\s*\n|\n/g
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length
    if (m[0].startsWith('.') && m[0].length === 1 && endsWithAbbreviation(text, m.index)) {
      // "Feb. 22, 2022" and "Nov. 5 election": a following lower-case word or digit also means no boundary.
      continue
    }
    const next = text.slice(end).match(/^\s*(\S)/)?.[1]
    if (next && /[\p{Ll}\d,;]/u.test(next) && !m[0].includes('\n')) continue
    pushTrimmed(text, start, end, spans)
    start = end
  }
  pushTrimmed(text, start, text.length, spans)
  return spans
}

function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  if (end > start) spans.push({ start, end })
}

export function sentenceAt(spans: readonly Span[], offset: number): Span {
  for (const s of spans) if (offset >= s.start && offset < s.end) return s
  return { start: offset, end: offset }
}
