// Splitting plain text into paragraphs by the text's own convention. Web copy pasted into a
// text file usually has one paragraph per line, with or without blank lines between them; only
// text hard-wrapped at a fixed width (mail, terminals) needs its lines joined back together.

// Whitespace that separates words. Deliberately narrower than \s: the ideographic space belongs
// to CJK typography, and zero-width joiners hold emoji and Indic scripts together.
const SPACES = /[ \t\n\v\f\r\u00a0\u1680\u2000-\u200a\u202f\u205f\ufeff]+/g
/** A run of SPACES that is not already one plain space: only then is there anything to replace. */
const UNTIDY = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u202f\u205f\ufeff]| [ \t\n\v\f\r\u00a0\u1680\u2000-\u200a\u202f\u205f\ufeff]/

/** A paragraph as stored: one line, single spaces, no leading or trailing blanks. */
export function tidyParagraph(text: string): string {
  // Testing first spares a replace that would match every single space of a tidy paragraph (this
  // runs several times on every paragraph of every import).
  return (UNTIDY.test(text) ? text.replace(SPACES, ' ') : text).trim()
}

const LIST_ITEM = /^\s*(?:[-*•–—·▪◦]\s|\d{1,3}[.)]\s)/
const ENDS_SENTENCE = /[.!?:;…"”’»)\]]\s*$/
const STARTS_LOWER = /^\s*[\p{Ll}\d(]/u

/**
 * The width the text is hard-wrapped at, or 0 when it is not: lines capped near one width, with many lines ending mid-sentence
 * and continuing on the next line. Requiring the mid-sentence evidence keeps lists of short
 * headlines or verse from being glued together.
 */
function wrapWidth(lines: string[]): number {
  const lengths: number[] = []
  for (const line of lines) if (line.trim() !== '') lengths.push(line.length)
  if (lengths.length < 4) return 0
  lengths.sort((a, b) => a - b)
  const width = lengths[Math.floor((lengths.length - 1) * 0.95)] ?? 0
  if (width > 100 || width < 20) return 0
  let pairs = 0
  let continued = 0
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] ?? ''
    const next = lines[i + 1] ?? ''
    if (line.trim() === '' || next.trim() === '') continue
    pairs++
    if (line.length >= width * 0.6 && !ENDS_SENTENCE.test(line) && STARTS_LOWER.test(next) && !LIST_ITEM.test(next)) continued++
  }
  return continued >= 2 && continued / pairs >= 0.3 ? width : 0
}

function joinWrapped(block: string[], width: number): string[] {
  const out: string[] = []
  let current = ''
  for (const raw of block) {
    const line = raw.trim()
    if (current === '') current = line
    else if (LIST_ITEM.test(raw)) {
      out.push(current)
      current = line
    } else current = /\p{L}-$/u.test(current) ? current + line : `${current} ${line}`
    // A short line that closes a sentence ends its paragraph even without a blank line after it.
    if (raw.length < width * 0.6 && ENDS_SENTENCE.test(raw)) {
      out.push(current)
      current = ''
    }
  }
  if (current !== '') out.push(current)
  return out
}

export function splitPlainParagraphs(text: string): string[] {
  const lines = text.split('\n')
  const width = wrapWidth(lines)
  const out: string[] = []
  let block: string[] = []
  const flush = (): void => {
    if (block.length === 0) return
    const parts = width > 0 ? joinWrapped(block, width) : block
    for (const part of parts) {
      const tidy = tidyParagraph(part)
      if (tidy !== '') out.push(tidy)
    }
    block = []
  }
  for (const line of lines) {
    if (line.trim() === '') flush()
    else block.push(line)
  }
  flush()
  return out
}
