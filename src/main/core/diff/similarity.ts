// How alike two paragraphs are, by their words: cheap enough to run on every candidate pair.

const WORD = /[\p{L}\p{N}]+/gu

export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? []
}

/** Dice coefficient over the sets of words: 1 for the same words, 0 for none in common. */
export function wordSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  if (a.size === 0 || b.size === 0) return 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const word of small) if (large.has(word)) shared += 1
  return (2 * shared) / (a.size + b.size)
}

/** The paragraph as compared: case and spacing do not make two paragraphs different. */
export function normalizeParagraph(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase()
}
