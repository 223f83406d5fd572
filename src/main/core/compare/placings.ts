// Where a text says a person finished in a contest: "the first-place finisher was X", "X finished
// second", "X, the runner-up". The same person placed differently in the same contest is a
// conflict however the rest of the sentence is worded.

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  '5th': 5,
  '6th': 6,
  '7th': 7,
  '8th': 8,
  '9th': 9,
  '10th': 10
}
const ORDINAL = Object.keys(ORDINALS).join('|')

/** A placing phrase; groups 1–3 hold the ordinal where there is one, 4 "runner-up", 5 "winner". */
const PLACING = new RegExp(
  String.raw`\b(?:(?:finish(?:ed|es)?|came|comes|placed|places|ended|ends)\s+(?:in\s+)?(${ORDINAL})\b(?!\s+(?:time|round|half|day|game|set|leg|stage))|(${ORDINAL})[-\s]place\b|in\s+(${ORDINAL})\s+place\b|(runners?-up)\b|(winner)\b)`,
  'giu'
)

/** A statement of the sentence: its parts between commas, semicolons and dashes. */
function segmentAround(sentence: string, at: number): { start: number; text: string } {
  const cut = /[,;]|\s[—–]\s/g
  let start = 0
  for (let m = cut.exec(sentence); m; m = cut.exec(sentence)) {
    if (m.index >= at) return { start, text: sentence.slice(start, m.index) }
    start = m.index + m[0].length
  }
  return { start, text: sentence.slice(start) }
}

/**
 * The place the sentence gives the person named at [at, end), or null. The placing must be the
 * person's own: right after the name ("X finished second", "X, who finished second") or before it
 * with "was" or "is" in front of the name ("the first-place finisher was X"), in one statement.
 */
export function placingOf(sentence: string, at: number, end: number): number | null {
  // "X, who finished second": the relative clause is the person's own.
  const relative = /^,\s+who\s+(?:had\s+)?/.exec(sentence.slice(end))
  if (relative) {
    const after = end + relative[0].length
    const placed = placingOf(sentence, after, after)
    if (placed !== null) return placed
  }
  const segment = segmentAround(sentence, at)
  const from = at - segment.start
  const to = end - segment.start
  PLACING.lastIndex = 0
  for (let m = PLACING.exec(segment.text); m; m = PLACING.exec(segment.text)) {
    const word = (m[1] ?? m[2] ?? m[3])?.toLowerCase()
    const place = word ? ORDINALS[word]! : m[5] ? 1 : 2
    if (
      m.index >= to &&
      /^\s*(?:(?:was|is|became)\s+(?:the\s+)?)?(?:\p{Ll}+ly\s+)?$/u.test(segment.text.slice(to, m.index))
    )
      return place
    if (m.index + m[0].length <= from && /\b(?:was|is|went to|goes to)\s+$/.test(segment.text.slice(0, from)))
      return place
  }
  return null
}

/** "first", "second": a place in words, for reasons. */
export function placeWord(place: number): string {
  return Object.keys(ORDINALS).find((k) => ORDINALS[k] === place) ?? `#${place}`
}
