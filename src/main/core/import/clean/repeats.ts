// Repeated paragraphs: web copy often carries a photo caption twice (once under the photo, once
// in a gallery or at the end), sometimes the second time with the agency credit appended.
import type { RemovedBlock } from '../../../../shared/domain'
import type { CleanResult } from '../types'
import { wordCount } from './shapes'

// Credit suffixes, as a shape: a separator and a short name at the very end. Each with a cheap
// test of something it cannot match without, so most paragraphs skip the pattern itself (these
// run on the tail of every paragraph, and an end-anchored pattern is tried at every position).
const closesBracket = (tail: string): boolean => /\)\.?$/.test(tail)
// Same flags as the pattern it guards, so case folds the same way.
const CREDIT_WORD = /photo|image|picture|video|illustration|graphic|credit/iu
const CREDIT_SUFFIXES: ReadonlyArray<readonly [RegExp, (tail: string) => boolean]> = [
  [/\s*\((?:photo|image|picture|credit|courtesy)\b[^()]{0,80}\)\.?$/iu, closesBracket], // "Caption (Photo by X)"
  [
    /\s*(?:photo|photograph|image|picture|video|illustration|graphic|credit|file photo)s?\s*(?:credit)?\s*(?::|by)\s*[^.:()]{1,80}\.?$/iu,
    (tail) => CREDIT_WORD.test(tail)
  ], // "Caption. Photo: AFP"
  [/\s*\([^()]{1,60}\/[^()]{1,40}\)\.?$/u, closesBracket] // "Caption (Agency/Photographer)"
]

const QUOTES: Record<string, string> = { '‘': "'", '’': "'", '‛': "'", '′': "'", '“': '"', '”': '"', '„': '"', '″': '"' }
const TRAILING_PUNCTUATION = new Set([' ', '.', ',', ';', ':', '!', '?', '…', '"', "'"])

// Paragraphs arrive tidy (single spaces, trimmed), so the key only folds case, quote style and
// final punctuation.
function key(text: string): string {
  const folded = text.toLowerCase().replace(/[‘’‛′“”„″]/g, (c) => QUOTES[c] ?? c)
  let end = folded.length
  while (end > 0 && TRAILING_PUNCTUATION.has(folded[end - 1] as string)) end--
  return folded.slice(0, end)
}

/** Credits are short, so only the paragraph's tail is searched (this runs on every paragraph). */
const TAIL = 200

function firstPipe(text: string): number {
  const a = text.indexOf('|')
  const b = text.indexOf('｜')
  return a < 0 ? b : b < 0 ? a : Math.min(a, b)
}

/** The paragraph without a trailing credit, or the paragraph itself when it has none. */
function withoutCredit(text: string): string {
  let body = text
  // "Caption. | PHOTO AGENCY": exactly one pipe, near the end (several pipes make a table row).
  const pipe = firstPipe(text)
  if (pipe > 0 && pipe === Math.max(text.lastIndexOf('|'), text.lastIndexOf('｜')) && text.length - pipe <= 62) body = text.slice(0, pipe).trimEnd()
  const cut = Math.max(0, body.length - TAIL)
  let tail = body.slice(cut)
  for (const [suffix, possible] of CREDIT_SUFFIXES) if (possible(tail)) tail = tail.replace(suffix, '')
  return cut === 0 ? tail : body.slice(0, cut) + tail
}

/** Keeps the first of each set of repeated paragraphs. */
export function collapseRepeats(paragraphs: string[]): CleanResult {
  const seen = new Set<string>()
  const seenBase = new Set<string>()
  const kept: string[] = []
  const removed: RemovedBlock[] = []
  for (const text of paragraphs) {
    const exact = key(text)
    const stripped = withoutCredit(text)
    const base = stripped === text ? exact : key(stripped)
    // Very short repeats ("Yes.", a dash) can be deliberate; only sentence-sized ones are collapsed.
    const isRepeat = (seen.has(exact) && wordCount(text) >= 3) || (base.length >= 40 && (seenBase.has(base) || seen.has(base)))
    if (isRepeat) {
      removed.push({ text, reason: 'repeated paragraph' })
      continue
    }
    seen.add(exact)
    if (base.length >= 40) seenBase.add(base)
    kept.push(text)
  }
  return { paragraphs: kept, removed }
}
