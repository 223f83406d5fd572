// Deterministic article-like texts for tests that need many distinct ones.
const WORDS = (
  'minister visit capital talks security support troops border agreement president officials ' +
  'ministry statement defence energy sanctions aid reconstruction summit delegation embassy ' +
  'parliament election economy grain ports missiles drones winter power grid refugees'
).split(' ')

/** A small seeded PRNG (mulberry32): the same seed gives the same texts on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Paragraphs of text number `n`: 3 to 12 of them, each naming n so every text is unique. */
export function generatedParagraphs(n: number): string[] {
  const random = prng(n + 1)
  const count = 3 + Math.floor(random() * 10)
  return Array.from({ length: count }, (_, p) => {
    const words = Array.from(
      { length: 20 + Math.floor(random() * 40) },
      () => WORDS[Math.floor(random() * WORDS.length)]
    )
    return `Report ${n} part ${p}: ${words.join(' ')}.`
  })
}
