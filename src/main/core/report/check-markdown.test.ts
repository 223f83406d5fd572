import { describe, expect, it } from 'vitest'
import type { CheckResult } from '../../../shared/check'
import { checkResultToMarkdown, mdEscape } from './check-markdown'

const result: CheckResult = {
  version: 1,
  story: { id: 1, title: 'Council <b>vote</b>', publishedAt: '2024-05-10' },
  sources: [{ id: 2, title: 'Wire', outlet: 'Agency', publishedAt: '2024-05-09', url: null }],
  generatedAt: '2024-05-10T12:00:00.000Z',
  claims: [
    {
      id: 'person-0',
      kind: 'person',
      text: 'Ana Ruiz',
      start: 0,
      end: 8,
      sentence: { start: 0, end: 20 },
      normalized: {},
      status: 'spelling-to-check',
      flags: [{ kind: 'spelling-to-check', message: '“Ruiz” near “Ruíz”' }],
      evidence: [],
      silent: [2]
    },
    {
      id: 'quantity-10',
      kind: 'quantity',
      text: '3 schools',
      start: 10,
      end: 19,
      sentence: { start: 0, end: 20 },
      normalized: {},
      status: 'corroborated',
      flags: [],
      silent: [],
      evidence: [
        {
          sourceId: 2,
          sourceTitle: 'Wire',
          outlet: 'Agency',
          paragraphIndex: 0,
          text: 'three *schools*',
          start: 0,
          end: 15,
          relation: 'supports',
          reason: 'same figure'
        }
      ]
    }
  ]
}

describe('check result as Markdown', () => {
  it('puts what needs the editor first and lists corroborated claims briefly', () => {
    const md = checkResultToMarkdown(result)
    expect(md.indexOf('spelling to check')).toBeLessThan(md.indexOf('corroborated ('))
    expect(md).toContain('⚑ spelling-to-check')
    expect(md).toContain('silent: Wire')
  })

  it('escapes markup from story and source text', () => {
    expect(checkResultToMarkdown(result)).toContain('Council \\<b\\>vote\\</b\\>')
    expect(mdEscape('three *schools* [link](x)')).toBe('three \\*schools\\* \\[link\\](x)')
    expect(checkResultToMarkdown(result, { includeCorroborated: true })).toContain('three \\*schools\\*')
  })
})
