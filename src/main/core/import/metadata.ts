// Bibliographic facts read from the text itself: a headline first line, a "by NAME" line, a
// date line or dateline, a source URL line. Facts the container states (HTML meta, front matter)
// take precedence; the lines that only carried metadata leave the story paragraphs.
import type { RemovedBlock, TextMeta } from '../../../shared/domain'
import { isHeadlineShaped, isListItem } from './clean/shapes'
import { findDate, normalizeDate } from './dates'

/** Bylines, date lines and URL lines are looked for among this many leading paragraphs. */
const HEADER_ZONE = 6

const URL_LINE = /^(?:(?:source|url|link|original(?:ly published)?(?: at| on)?|read (?:it )?online(?: at)?|from)\s*:?\s*)?<?(https?:\/\/[^\s<>]+?)>?$/i
const BYLINE_START = /^(?:(?:written|words|reporting|story|text) )?by[:\s]\s*|^(?:author|authors|byline)\s*:\s*/i
const DATE_WORD =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|today|yesterday|updated|published|posted)[.,:]?$/i
const NAME_TOKEN = /^[\p{Lu}][\p{L}\p{M}'’.-]*,?$/u
const NAME_PARTICLE = /^(?:de|da|di|du|del|della|der|den|van|von|la|le|al|el|bin|ibn|ben|and|&)$/i
// Words a byline or date line may carry besides names and dates.
const META_WORDS = new Set(
  'min mins minute minutes read listen updated update published posted on at am pm a.m p.m and in last ago hour hours utc gmt est edt cet cest bst eet eest jst kst ist pst pdt of the'.split(' ')
)
const DATELINE = /^(\p{Lu}{2,}[\p{L}\p{M}\p{N} .,'’/-]{0,60}?)\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s/u

/** Whether what is left of a line, names and dates aside, is only metadata vocabulary. */
function onlyMetaWords(rest: string): boolean {
  for (const word of rest.toLowerCase().match(/\p{Ll}[\p{Ll}.]*/gu) ?? []) {
    const bare = word.replace(/\.+$/, '')
    if (bare.length >= 2 && !META_WORDS.has(bare) && !DATE_WORD.test(bare)) return false
  }
  return true
}

interface Byline {
  name: string
  date: string | null
}

const ALWAYS_DATE_WORD = /^(?:today|yesterday|updated|published|posted)[.,:]?$/i

/** Where the date part of a byline starts. "Jan", "May" or "April" are names too unless a number follows. */
function startsDate(token: string, next: string): boolean {
  return ALWAYS_DATE_WORD.test(token) || (DATE_WORD.test(token) && /^\d/.test(next))
}

/** "van der Berg", "and Ana": particles count as part of a name only when a name follows them. */
function particleLeadsToName(tokens: string[], from: number): boolean {
  for (let j = from; j < tokens.length; j++) {
    const token = tokens[j] ?? ''
    if (NAME_PARTICLE.test(token)) continue
    return NAME_TOKEN.test(token) && !startsDate(token, tokens[j + 1] ?? '')
  }
  return false
}

export function parseBylineLine(line: string): Byline | null {
  if (line.length > 200) return null
  const start = BYLINE_START.exec(line)
  if (!start) return null
  const tokens = line.slice(start[0].length).split(' ')
  const name: string[] = []
  let i = 0
  for (; i < tokens.length && name.length < 12; i++) {
    const token = tokens[i] ?? ''
    if (startsDate(token, tokens[i + 1] ?? '')) break
    if (NAME_TOKEN.test(token)) name.push(token)
    else if (NAME_PARTICLE.test(token) && name.length > 0 && particleLeadsToName(tokens, i + 1)) name.push(token)
    else break
  }
  while (name.length && NAME_PARTICLE.test(name[name.length - 1] ?? '')) name.pop()
  if (name.length === 0) return null
  const rest = tokens.slice(i).join(' ')
  const date = findDate(rest)
  const leftover = date ? rest.slice(0, date.index) + rest.slice(date.index + date.text.length) : rest
  // "By Tuesday, the ministry had…" is prose: its remainder has ordinary lowercase words.
  if (!onlyMetaWords(leftover)) return null
  return { name: name.join(' ').replace(/,$/, ''), date: date?.iso ?? null }
}

/** A line that is only a date ("Published 16 November 2024, 10:05 GMT"), as ISO, or null. */
export function parseDateLine(line: string): string | null {
  if (line.length > 100) return null
  const date = findDate(line)
  if (!date) return null
  const leftover = line.slice(0, date.index) + line.slice(date.index + date.text.length)
  return onlyMetaWords(leftover) ? date.iso : null
}

function sameTitle(a: string, b: string): boolean {
  const norm = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[‘’'“”"«»]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  const x = norm(a)
  const y = norm(b)
  // A <title> often adds " | Outlet" or " - Outlet" after the headline the body repeats.
  return x === y || (x.length >= 12 && (y.startsWith(`${x} |`) || y.startsWith(`${x} -`) || y.startsWith(`${x} –`) || y.startsWith(`${x} —`)))
}

export interface MetaResult {
  meta: TextMeta
  paragraphs: string[]
  removed: RemovedBlock[]
}

/**
 * Title policy: the headline is metadata. It is stored as `title` and kept OUT of the story
 * paragraphs, in every format (a first headline-shaped line of plain text, a leading # heading,
 * a Word Title/Heading 1 at the top, or an HTML page's headline repeated in the article body).
 */
export function extractTextMeta(input: string[], known: Partial<TextMeta>): MetaResult {
  const paragraphs = [...input]
  const removed: RemovedBlock[] = []
  let url = known.url ?? null
  let byline = known.byline ?? null
  let publishedAt = normalizeDate(known.publishedAt)
  let title = known.title ?? null

  const zone = (i: number): boolean => i < HEADER_ZONE || i >= paragraphs.length - 3
  for (let i = 0; i < paragraphs.length; i++) {
    const text = paragraphs[i] ?? ''
    if (text.length > 300) continue
    const inHeader = i < HEADER_ZONE
    let reason: string | null = null
    const urlMatch = zone(i) ? URL_LINE.exec(text) : null
    if (urlMatch) {
      url ??= urlMatch[1] ?? null
      reason = 'source URL line'
    } else if (inHeader) {
      const by = parseBylineLine(text)
      if (by) {
        byline ??= by.name
        publishedAt ??= by.date
        reason = by.date ? 'byline and date line' : 'byline'
      } else {
        const date = parseDateLine(text)
        if (date) {
          publishedAt ??= date
          reason = 'date line'
        }
      }
    }
    if (reason) {
      removed.push({ text, reason })
      paragraphs.splice(i, 1)
      i--
    }
  }

  const first = paragraphs[0]
  if (first !== undefined) {
    if (title) {
      if (sameTitle(first, title) && paragraphs.length > 1) paragraphs.shift()
    } else if (paragraphs.length > 1 && isHeadlineShaped(first, 200) && !isListItem(first) && !DATELINE.test(first)) {
      // Only a headline with body text after it: a lone short line is the text itself.
      if (paragraphs.slice(1).some((p) => !isHeadlineShaped(p, 200))) {
        title = first
        paragraphs.shift()
      }
    }
  }

  if (!publishedAt) {
    for (const text of paragraphs.slice(0, 3)) {
      const dateline = DATELINE.exec(text)
      const date = dateline ? findDate(dateline[1] ?? '') : null
      if (date) {
        publishedAt = date.iso
        break
      }
    }
  }

  return {
    meta: { title, outlet: known.outlet ?? null, byline, publishedAt, url },
    paragraphs,
    removed
  }
}
