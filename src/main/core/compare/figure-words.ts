// Figures and their agreement in the words an editor uses: "more than 10,000 troops", "both can
// be true only between 10,000 and 12,000", never interval notation.
import type { NormalizedQuantity } from '../claims/quantities'

const SCALES: Array<[number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million']
]
const CURRENCY_SIGNS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹', UAH: '₴' }
const CURRENCY_WORDS: Record<string, string> = {
  USD: 'dollars',
  EUR: 'euros',
  GBP: 'pounds',
  JPY: 'yen',
  INR: 'rupees',
  UAH: 'hryvnias'
}

/** 12,000; 6.3 billion; 1.5 million: digits with separators, large round figures in words. */
export function number(v: number): string {
  for (const [scale, word] of SCALES) {
    if (Math.abs(v) >= scale && Number.isInteger(Math.round((v / scale) * 100))) {
      const n = Math.round((v / scale) * 100) / 100
      return `${grouped(n)} ${word}`
    }
  }
  return grouped(Math.round(v * 100) / 100)
}

function grouped(v: number): string {
  const [whole, fraction] = String(Math.abs(v)).split('.')
  return `${v < 0 ? '-' : ''}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`
}

function withUnit(q: NormalizedQuantity, amount: string): string {
  if (q.currency) {
    const sign = CURRENCY_SIGNS[q.currency]
    return sign ? `${sign}${amount}` : `${amount} ${q.currency}`
  }
  return q.unit ? `${amount} ${q.unit}` : amount
}

/** The figure as the writer put it: "more than 10,000 troops", "between 10 and 12", "thousands". */
export function figureInWords(q: NormalizedQuantity): string {
  if (q.value !== null) return withUnit(q, `${q.hedge ? `${q.hedge} ` : ''}${number(q.value)}`)
  // A vague amount ("thousands", "billions of dollars") is said as it was written.
  if (q.hedge && q.low !== null && (q.high === null || q.high >= q.low * 2))
    return q.currency ? `${q.hedge} of ${CURRENCY_WORDS[q.currency] ?? q.currency}` : withUnit(q, q.hedge)
  if (q.low !== null && q.high !== null) return withUnit(q, `between ${number(q.low)} and ${number(q.high)}`)
  return withUnit(q, q.low !== null ? `at least ${number(q.low)}` : `up to ${number(q.high ?? 0)}`)
}

/** Where two overlapping figures can both be true, in words: "between 10,000 and 12,000". */
export function commonGround(a: NormalizedQuantity, b: NormalizedQuantity): string {
  const point = a.low === a.high ? a.low : b.low === b.high ? b.low : null
  if (point !== null) return `compatible: ${number(point)} lies within the other's range`
  const low = Math.max(a.low ?? -Infinity, b.low ?? -Infinity)
  const high = Math.min(a.high ?? Infinity, b.high ?? Infinity)
  if (low === high) return `both can be true only at ${number(low)}`
  if (!Number.isFinite(high)) return `both can be true only above ${number(low)}`
  if (!Number.isFinite(low) || low <= 0) return `both can be true only up to ${number(high)}`
  return `both can be true only between ${number(low)} and ${number(high)}`
}
