// The parsed document handed from the import worker comes back exactly as it went, whatever the
// text holds; one that UTF-8 cannot carry (a lone surrogate) is cloned instead.
import { describe, expect, it } from 'vitest'
import type { ParsedDocument } from '../../shared/domain'
import { packDocument, unpackDocument } from './parsed-handover'

const doc = (paragraphs: string[], originalText = paragraphs.join('\n')): ParsedDocument => ({
  title: 'Écoles — “quoted”',
  outlet: null,
  byline: null,
  publishedAt: null,
  url: null,
  format: 'txt',
  encoding: 'utf-8',
  originalText,
  paragraphs,
  cleanedText: paragraphs.join('\n\n'),
  removed: [{ text: 'Advertisement', reason: 'advertising marker' }]
})

describe('a parsed document handed over as one buffer', () => {
  it('comes back equal, with accents, emoji, empty paragraphs and CJK', () => {
    const original = doc(['Kraków 😀 et l’été', '', '東京で会談', 'a\r\nb\u0000c'], 'raw \uFEFF text 𝒳')
    const handed = packDocument(original)
    expect('packed' in handed).toBe(true)
    expect(unpackDocument(structuredClone(handed))).toEqual(original)
  })

  it('clones a text with a lone surrogate rather than lose it to U+FFFD', () => {
    const original = doc(['half a pair: \uD83D here'])
    const handed = packDocument(original)
    expect('doc' in handed).toBe(true)
    expect(unpackDocument(handed)).toEqual(original)
  })
})
