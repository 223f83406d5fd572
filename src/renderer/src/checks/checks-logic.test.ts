// The check view's pure parts: story segments, checklist rows and filters, keyboard table.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CheckedClaim } from '../../../shared/check'
import { checklistRows, filterClaims, inScope, neighbour, openingScope } from './checklist'
import { actionFor, SHORTCUTS } from './shortcuts'
import { replacedWording } from './replaced-wording'
import { decidedMeanwhile, unsavedWords } from './conflict'
import { paragraphAt, paragraphSpans, storyParagraphs } from './story-segments'

function claim(
  id: string,
  start: number,
  end: number,
  text: string,
  kind: CheckedClaim['kind'] = 'event'
): CheckedClaim {
  return {
    id,
    kind,
    text,
    start,
    end,
    sentence: { start, end },
    normalized: {},
    status: 'unsupported',
    flags: [],
    evidence: [],
    silent: []
  }
}

describe('story segments', () => {
  const text = 'Ana Ruiz met Bo Li in Oslo.\n\nThey signed a deal on May 3.'

  it('splits paragraphs on blank lines and marks the innermost claim of nested ones', () => {
    expect(paragraphSpans(text)).toEqual([
      { start: 0, end: 27 },
      { start: 29, end: 57 }
    ])
    const outer = claim('outer', 0, 18, 'Ana Ruiz met Bo Li')
    const inner = claim('inner', 13, 18, 'Bo Li', 'person')
    const [first] = storyParagraphs(text, [inner, outer])
    const marked = first!.segments.map((s) => [text.slice(s.start, s.end), s.claimId, s.covering])
    expect(marked).toEqual([
      ['Ana Ruiz met ', 'outer', ['outer']],
      ['Bo Li', 'inner', ['outer', 'inner']],
      [' in Oslo.', null, []]
    ])
  })

  it('covers every character of every paragraph exactly once, whatever the claims (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.array(fc.tuple(fc.nat(220), fc.nat(40)), { maxLength: 30 }),
        (story, spans) => {
          const claims = spans.map(([start, length], i) => claim(`c${i}`, start, start + length, ''))
          const paragraphs = storyParagraphs(story, claims)
          for (const p of paragraphs) {
            let at = p.start
            for (const s of p.segments) {
              expect(s.start).toBe(at)
              expect(s.end).toBeGreaterThan(s.start)
              at = s.end
            }
            expect(at).toBe(p.end)
          }
          const joined = paragraphs.map((p) => story.slice(p.start, p.end)).join('')
          expect(joined).toBe(story.split(/\n[^\S\n]*\n\s*/).join(''))
        }
      )
    )
  })

  it('finds the paragraph of an offset', () => {
    const spans = paragraphSpans(text)
    expect([0, 26, 29, 56].map((o) => paragraphAt(spans, o))).toEqual([0, 0, 1, 1])
  })
})

describe('checklist', () => {
  const claims = [
    claim('a', 0, 3, 'Zelenskyy', 'person'),
    claim('b', 5, 9, 'May 3', 'date'),
    claim('c', 40, 44, '$40 million', 'money')
  ]
  const status = (id: string) => (id === 'b' ? 'verified' : 'open')

  it('filters by kind, status and accent-blind words', () => {
    const all = { kinds: new Set<never>(), statuses: new Set<never>(), query: '' }
    expect(filterClaims(claims, status, all).map((c) => c.id)).toEqual(['a', 'b', 'c'])
    expect(
      filterClaims(claims, status, { ...all, kinds: new Set(['date', 'money'] as const) }).map((c) => c.id)
    ).toEqual(['b', 'c'])
    expect(
      filterClaims(claims, status, { ...all, statuses: new Set(['open'] as const) }).map((c) => c.id)
    ).toEqual(['a', 'c'])
    expect(filterClaims(claims, status, { ...all, query: 'ZÉLENSKYY' }).map((c) => c.id)).toEqual(['a'])
    expect(filterClaims(claims, status, { ...all, query: 'million 40' }).map((c) => c.id)).toEqual(['c'])
  })

  it('groups claims under their paragraph', () => {
    const rows = checklistRows(claims, (c) => (c.start < 20 ? 0 : 2))
    expect(rows.map((r) => (r.type === 'paragraph' ? `¶${r.paragraph}:${r.count}` : r.claim.id))).toEqual([
      '¶0:2',
      'a',
      'b',
      '¶2:1',
      'c'
    ])
  })

  it('moves to neighbours and stops at the ends', () => {
    const ids = ['a', 'b', 'c']
    expect(neighbour(ids, null, 1)).toBe('a')
    expect(neighbour(ids, null, -1)).toBe('c')
    expect(neighbour(ids, 'a', 1)).toBe('b')
    expect(neighbour(ids, 'c', 1)).toBe('c')
    expect(neighbour(ids, 'a', -1)).toBe('a')
    expect(neighbour(ids, 'gone', 1)).toBe('a')
    expect(neighbour([], 'a', 1)).toBeNull()
  })
})

describe('checklist scope', () => {
  const withPriority = (id: string, priority: CheckedClaim['priority']) => ({
    ...claim(id, 0, 1, id),
    priority
  })
  const claims = [
    withPriority('a', 'attention'),
    withPriority('c', 'check'),
    withPriority('b', 'background'),
    { ...claim('old', 0, 1, 'old') }
  ]
  const filter = (scope: 'attention' | 'checkable' | 'all') =>
    filterClaims(claims, () => 'open', { scope, kinds: new Set(), statuses: new Set(), query: '' }).map(
      (c) => c.id
    )

  it('shows what needs attention, then what is checkable, then everything with the bare names', () => {
    expect(filter('attention')).toEqual(['a'])
    expect(filter('checkable')).toEqual(['a', 'c', 'old'])
    expect(filter('all')).toEqual(['a', 'c', 'b', 'old'])
    expect(inScope(claims[2]!, 'checkable')).toBe(false)
  })

  it('opens on what needs attention when anything does, else on what is checkable', () => {
    expect(openingScope(claims)).toBe('attention')
    expect(openingScope(claims.slice(1))).toBe('checkable')
  })
})

describe('keyboard table', () => {
  const press = (key: string, ctrlKey = false) => ({ key, ctrlKey, metaKey: false, altKey: false })

  it('maps each listed key to its action and nothing else', () => {
    expect(actionFor(press('v'))).toBe('verified')
    expect(actionFor(press('z'))).toBe('undo')
    expect(actionFor(press('Z'))).toBe('redo')
    expect(actionFor(press('z', true))).toBe('undo')
    expect(actionFor(press('y', true))).toBe('redo')
    expect(actionFor(press('v', true))).toBeNull()
    expect(actionFor({ ...press('v'), altKey: true })).toBeNull()
    expect(actionFor(press('q'))).toBeNull()
  })

  it('gives no key two actions', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys)
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('a decision replacing a correction', () => {
  const corrected = { status: 'corrected' as const, correctedText: 'Yoko Kamikawa' }

  it('names the wording a corrected claim loses when marked anything else', () => {
    for (const next of ['verified', 'disputed', 'dismissed', 'open'] as const)
      expect(replacedWording(corrected, next)).toBe('Yoko Kamikawa')
  })

  it('names none when the claim stays corrected, was not corrected, or had no wording', () => {
    expect(replacedWording(corrected, 'corrected')).toBeNull()
    expect(replacedWording({ status: 'verified', correctedText: null }, 'disputed')).toBeNull()
    expect(replacedWording(undefined, 'verified')).toBeNull()
    expect(replacedWording({ status: 'corrected', correctedText: '  ' }, 'verified')).toBeNull()
  })
})

describe('a claim decided by someone else meanwhile', () => {
  const seen = { status: 'open' as const, correctedText: null, note: 'old note', publicExplanation: null }

  it('keeps what the editor chose and typed that the decision they saw did not hold', () => {
    expect(
      unsavedWords(seen, {
        status: 'corrected',
        correctedText: 'on Sunday',
        note: 'old note',
        publicExplanation: '  '
      })
    ).toEqual({ status: 'corrected', words: [{ label: 'Corrected wording', text: 'on Sunday' }] })
    expect(unsavedWords(null, { status: 'open', note: 'typed' })).toEqual({
      status: null,
      words: [{ label: 'Note', text: 'typed' }]
    })
  })

  it('says what is on record now, in the interface words', () => {
    const current = {
      claimId: 'c1',
      status: 'verified' as const,
      correctedText: null,
      note: 'Three outlets agree.',
      pinned: [],
      publish: false,
      publicExplanation: null,
      updatedAt: '2024-01-01T00:00:00.000Z',
      version: 2
    }
    expect(decidedMeanwhile('Saturday', current)).toBe(
      '“Saturday” was decided by someone else meanwhile: Verified, note “Three outlets agree.”.'
    )
    expect(decidedMeanwhile('Saturday', null)).toBe(
      '“Saturday” was changed by someone else meanwhile: it is undecided again.'
    )
  })
})
