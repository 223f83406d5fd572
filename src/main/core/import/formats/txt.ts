import { splitPlainParagraphs } from '../paragraphs'
import type { Extracted } from '../types'

export function readPlainText(text: string, encoding: string): Extracted {
  return { format: 'txt', encoding, originalText: text, paragraphs: splitPlainParagraphs(text), meta: {} }
}
