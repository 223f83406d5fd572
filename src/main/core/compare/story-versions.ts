// Other versions of the story among its sources: an earlier draft, a corrected copy, the same
// wire story imported twice. They would "support" every claim with the story's own words, so a
// check leaves them out unless the editor includes them. A version shares most of the story's
// paragraphs word for word (a correction changes a few; the rest stays).

/** Share of the story's paragraphs a text must repeat to be a version of it. */
export const VERSION_SHARE = 0.6
/** Paragraphs shorter than this say too little to tell a version ("Advertisement", a dateline). */
const MIN_PARAGRAPH_WORDS = 6

export interface VersionFound {
  id: number
  /** The share of the story's paragraphs the text repeats, 0–1. */
  share: number
}

function normalized(paragraph: string): string | null {
  const words = paragraph.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  return words.length >= MIN_PARAGRAPH_WORDS ? words.join(' ') : null
}

export function storyVersions(
  story: readonly string[],
  sources: ReadonlyArray<{ id: number; paragraphs: readonly string[] }>
): VersionFound[] {
  const own = new Set(story.map(normalized).filter((p): p is string => p !== null))
  if (own.size === 0) return []
  const found: VersionFound[] = []
  for (const source of sources) {
    const theirs = new Set(source.paragraphs.map(normalized))
    let shared = 0
    for (const p of own) if (theirs.has(p)) shared++
    const share = shared / own.size
    if (share >= VERSION_SHARE) found.push({ id: source.id, share })
  }
  return found
}
