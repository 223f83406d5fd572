import { describe, expect, it } from 'vitest'
import type { Evidence, Flag, Relation } from '../../../shared/check'
import { suggestStatus } from './status'

const ev = (sourceId: number, relation: Relation): Evidence => ({
  sourceId,
  sourceTitle: `S${sourceId}`,
  outlet: null,
  paragraphIndex: 0,
  text: 'x',
  start: 0,
  end: 1,
  relation,
  reason: ''
})
const flag = (kind: Flag['kind']): Flag => ({ kind, message: '' })

describe('suggested status', () => {
  it('asks for a spelling check before anything else', () => {
    expect(suggestStatus([ev(1, 'supports'), ev(2, 'supports')], [flag('spelling-to-check')])).toBe(
      'spelling-to-check'
    )
  })
  it('is conflicting when any source contradicts, or the story contradicts itself', () => {
    expect(suggestStatus([ev(1, 'supports'), ev(2, 'contradicts')], [])).toBe('conflicting')
    expect(suggestStatus([], [flag('weekday-mismatch')])).toBe('conflicting')
  })
  it('is corroborated by two sources, single-source by one, partly by partial evidence', () => {
    expect(suggestStatus([ev(1, 'supports'), ev(2, 'supports')], [])).toBe('corroborated')
    expect(suggestStatus([ev(1, 'supports'), ev(1, 'supports')], [])).toBe('single-source')
    expect(suggestStatus([ev(1, 'partial')], [])).toBe('partly-corroborated')
    expect(suggestStatus([ev(1, 'supports'), ev(2, 'supports')], [flag('hedged-difference')])).toBe(
      'partly-corroborated'
    )
  })
  it('is unsupported with mentions only, or nothing', () => {
    expect(suggestStatus([ev(1, 'mentions')], [])).toBe('unsupported')
    expect(suggestStatus([], [])).toBe('unsupported')
  })
})
