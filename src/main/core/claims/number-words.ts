// Numbers written as words, as news writes them: "nine", "twenty-nine", "two dozen", "three
// hundred and fifty", "half a dozen". Read whole, so that "Twenty-nine firefighters" is 29, not
// a "nine" with a stray word before it.

const UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9
}
const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19
}
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90
}

/** Every single number word, with its value. */
export const NUMBER_WORDS: Record<string, number> = {
  ...UNITS,
  ...TEENS,
  ...TENS,
  hundred: 100,
  dozen: 12,
  'a dozen': 12,
  'half a dozen': 6
}

const alternatives = (words: Record<string, number>) => Object.keys(words).join('|')
/** 1–99 in words: "nine", "fifteen", "forty", "forty-five", "forty five". */
const BELOW_HUNDRED = String.raw`(?:(?:${alternatives(TENS)})(?:[-\s](?:${alternatives(UNITS)}))?|${alternatives(TEENS)}|${alternatives(UNITS)})`

/**
 * A number in words, as a regular-expression source (no groups): "twenty-nine", "two dozen",
 * "a hundred", "three hundred and fifty", "half a dozen".
 */
export const NUMBER_IN_WORDS = String.raw`(?:(?:half\s+a|a|${BELOW_HUNDRED})\s+(?:hundred|dozen)(?:\s+(?:and\s+)?${BELOW_HUNDRED})?|${BELOW_HUNDRED})`

/** The value of a number in words matched by NUMBER_IN_WORDS, or null. */
export function numberInWords(written: string): number | null {
  const words = written
    .toLowerCase()
    .split(/[-\s]+/)
    .filter((w) => w && w !== 'and')
  let total = 0
  let half = false
  for (const w of words) {
    if (w === 'half') half = true
    else if (w === 'a') total = Math.max(total, 1)
    else if (w === 'hundred') total = (total || 1) * 100
    else if (w === 'dozen') total = (total || 1) * 12
    else if (NUMBER_WORDS[w] !== undefined) total += NUMBER_WORDS[w]!
    else return null
  }
  if (words.length === 0) return null
  return half ? total / 2 : total
}
