// Web addresses in running text: their dates and numbers ("/2018/03/21/") are metadata of a
// page, never claims of the story.
import type { Span } from './types'

const ADDRESS = /\bhttps?:\/\/[^\s<>"“”]+|\bwww\.[^\s<>"“”]+|\b[\w-]+(?:\.[\w-]+)+\/[^\s<>"“”]*/gi

export function webAddressSpans(text: string): Span[] {
  // Every form of ADDRESS has a slash or "www."; most sentences have neither, and the last form
  // is dear to try at every word of a sentence.
  if (!text.includes('/') && !/www\./i.test(text)) return []
  return [...text.matchAll(ADDRESS)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
}

export function insideWebAddress(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => start < s.end && end > s.start)
}
