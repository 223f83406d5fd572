// The story cut into paragraphs and, inside each, into runs of text covered by the same claims:
// what the story pane renders. Pure, so it is tested without a browser.

export interface ClaimSpan {
  id: string
  start: number
  end: number
}

export interface StorySegment {
  start: number
  end: number
  /** The innermost claim over this run (the one a click selects), or null for plain text. */
  claimId: string | null
  /** Every claim over this run, so a selected outer claim stays highlighted inside nested ones. */
  covering: readonly string[]
}

export interface StoryParagraph {
  index: number
  start: number
  end: number
  segments: StorySegment[]
}

/** Paragraphs are separated by blank lines, as the importer writes cleaned text. */
export function paragraphSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = []
  const separator = /\n[^\S\n]*\n\s*/g
  let start = 0
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    if (m.index > start) spans.push({ start, end: m.index })
    start = m.index + m[0].length
  }
  if (start < text.length) spans.push({ start, end: text.length })
  return spans
}

export function storyParagraphs(text: string, claims: readonly ClaimSpan[]): StoryParagraph[] {
  const sorted = claims
    .filter((c) => c.start < c.end && c.start >= 0 && c.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end)
  let next = 0
  return paragraphSpans(text).map((p, index) => {
    const inside: ClaimSpan[] = []
    // Claims sit inside one sentence, so inside one paragraph; one that crosses a break is cut.
    while (next < sorted.length && sorted[next]!.start < p.end) {
      const c = sorted[next++]!
      if (c.end > p.start)
        inside.push({ id: c.id, start: Math.max(c.start, p.start), end: Math.min(c.end, p.end) })
    }
    return { index, start: p.start, end: p.end, segments: segmentsOf(p.start, p.end, inside) }
  })
}

function segmentsOf(start: number, end: number, claims: readonly ClaimSpan[]): StorySegment[] {
  if (claims.length === 0) return [{ start, end, claimId: null, covering: [] }]
  const cuts = new Set<number>([start, end])
  for (const c of claims) cuts.add(c.start).add(c.end)
  const points = [...cuts].sort((a, b) => a - b)
  const segments: StorySegment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!
    const to = points[i + 1]!
    const covering = claims.filter((c) => c.start <= from && c.end >= to)
    const innermost = covering.reduce<ClaimSpan | null>(
      (best, c) => (!best || c.end - c.start < best.end - best.start ? c : best),
      null
    )
    segments.push({
      start: from,
      end: to,
      claimId: innermost?.id ?? null,
      covering: covering.map((c) => c.id)
    })
  }
  return segments
}

/** The paragraph a story offset falls in (the one before it, for an offset in a blank line). */
export function paragraphAt(
  paragraphs: ReadonlyArray<{ start: number; end: number }>,
  offset: number
): number {
  let lo = 0
  let hi = paragraphs.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (paragraphs[mid]!.start <= offset) lo = mid
    else hi = mid - 1
  }
  return Math.max(0, lo)
}
