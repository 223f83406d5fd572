// What a text is called where it has no headline: its first sentence, cut at a word near 90
// characters. A file name ("000_e88434a1b6eaaa2a.txt") tells a reader nothing.
import { splitSentences } from '../claims/sentences'

const LONGEST = 90

export function provisionalHeadline(text: string): string | null {
  const first = splitSentences(text)[0]
  if (!first) return null
  const sentence = text.slice(first.start, first.end).trim().replace(/\s+/g, ' ')
  if (!sentence) return null
  if (sentence.length <= LONGEST) return sentence.replace(/[.!?]$/, '')
  const cut = sentence.slice(0, LONGEST)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).replace(/[,;:]$/, '')}…`
}

/** The name to show for a text: its headline, else its first sentence, else its file name. */
export function textName(text: { title: string | null; fileName: string; cleanedText: string }): string {
  return text.title ?? provisionalHeadline(text.cleanedText) ?? text.fileName
}
