import { describe, expect, it } from 'vitest'
import type { Decision } from '../../../shared/workbench'
import { resultWithClaims } from '../../../test-support/library/check-result'
import { deskTextId, remapDecision, remapResult, remapSourceIds } from './remap-ids'

const ids = new Map([
  [1, 11],
  [2, 12],
  [3, 13]
])

describe('ids rewritten for the desk', () => {
  it('maps a known text, and makes a deleted one negative so it names no desk text', () => {
    expect(deskTextId(ids, 2)).toBe(12)
    expect(deskTextId(ids, 7)).toBe(-7)
    expect(remapSourceIds([1, 7], ids)).toEqual([11, -7])
    expect(remapSourceIds(null, ids)).toBeNull()
  })

  it('rewrites every text a result names and keeps the rest, fields it does not know included', () => {
    const base = resultWithClaims(['c1'])
    const result = {
      ...base,
      story: { ...base.story, id: 1, inferredFrom: [2] },
      sources: [{ id: 2, title: null, outlet: null, publishedAt: null, url: null }],
      versions: [{ id: 3, title: null, share: 0.5, included: false }],
      claims: base.claims.map((c) => ({
        ...c,
        silent: [3],
        evidence: [
          {
            sourceId: 2,
            sourceTitle: null,
            outlet: null,
            paragraphIndex: 0,
            text: 'x',
            start: 0,
            end: 1,
            relation: 'supports' as const,
            reason: ''
          }
        ]
      })),
      later: { kept: true }
    }
    const remapped = remapResult(result, ids)
    expect(remapped.story).toEqual({ ...result.story, id: 11, inferredFrom: [12] })
    expect(remapped.sources[0]!.id).toBe(12)
    expect(remapped.versions![0]!.id).toBe(13)
    expect(remapped.claims[0]!.silent).toEqual([13])
    expect(remapped.claims[0]!.evidence[0]!.sourceId).toBe(12)
    expect((remapped as typeof result).later).toEqual({ kept: true })
  })

  it('rewrites pinned passages, keeping a deleted source’s passage with its title', () => {
    const decision: Decision = {
      claimId: 'c1',
      status: 'verified',
      correctedText: null,
      note: null,
      pinned: [
        { sourceId: 1, paragraphIndex: 0, start: 0, end: 1, text: 'x' },
        { sourceId: 9, paragraphIndex: 2, start: 0, end: 1, text: 'y', sourceTitle: 'Gone' }
      ],
      publish: false,
      publicExplanation: null,
      updatedAt: '2024-01-01T00:00:00.000Z',
      version: 1
    }
    expect(remapDecision(decision, ids).pinned).toEqual([
      { sourceId: 11, paragraphIndex: 0, start: 0, end: 1, text: 'x' },
      { sourceId: -9, paragraphIndex: 2, start: 0, end: 1, text: 'y', sourceTitle: 'Gone' }
    ])
  })
})
