import { describe, expect, it, vi } from 'vitest'
import { checkStory } from './check-story'
import { InMemoryPassageIndex, passageIndexFrom } from './passage-index'

const sources = [
  {
    id: 1,
    paragraphs: [
      { index: 0, text: 'The harbour authority approved the dredging contract on Tuesday.' },
      { index: 1, text: 'Fishermen protested outside the town hall.' }
    ]
  },
  {
    id: 2,
    paragraphs: [{ index: 0, text: 'A dredging contract worth $40m was approved by the harbour board.' }]
  }
]

describe('passage index', () => {
  it('ranks paragraphs sharing the most (and rarest) terms first', () => {
    const index = new InMemoryPassageIndex(sources)
    const hits = index.search(['dredging', 'contract', 'harbour', 'approved'], 10)
    expect(hits.slice(0, 2)).toEqual(
      expect.arrayContaining([
        { sourceId: 1, paragraphIndex: 0 },
        { sourceId: 2, paragraphIndex: 0 }
      ])
    )
    expect(hits).not.toContainEqual({ sourceId: 1, paragraphIndex: 1 })
    expect(index.search(['dredging'], 1)).toHaveLength(1)
  })

  it('indexes only the terms it is told will be searched, when told', () => {
    const index = new InMemoryPassageIndex(sources, new Set(['fishermen']))
    expect(index.search(['fishermen'], 5)).toEqual([{ sourceId: 1, paragraphIndex: 1 }])
    expect(index.search(['dredging'], 5)).toEqual([])
  })

  it('uses a library search when one is given, and survives its failure', () => {
    const find = vi.fn(() => [{ sourceId: 2, paragraphIndex: 0 }])
    const result = checkStory({
      story: {
        id: 9,
        title: null,
        text: 'The harbour board approved a $40m dredging contract.',
        publishedAt: null
      },
      sources: sources.map((s) => ({ ...s, title: `S${s.id}`, outlet: null, publishedAt: null, url: null })),
      houseNames: [],
      findPassages: find
    })
    expect(find).toHaveBeenCalled()
    const money = result.claims.find((c) => c.kind === 'money')!
    expect(money.evidence.map((e) => [e.sourceId, e.relation])).toEqual([[2, 'supports']])
    expect(money.silent).toEqual([1])
    const failing = passageIndexFrom(() => {
      throw new Error('database is locked')
    })
    expect(failing.search(['x'], 3)).toEqual([])
  })
})
