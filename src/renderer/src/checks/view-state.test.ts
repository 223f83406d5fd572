import { describe, expect, it } from 'vitest'
import { readViewState, writeViewState, type CheckViewState } from './view-state'

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value)
  }
}

const state: CheckViewState = {
  selectedId: 'quantity-120',
  scope: 'checkable',
  kinds: ['person', 'date'],
  statuses: ['open'],
  query: 'kyiv',
  listAnchor: { key: 'p4', offset: 12.5 }
}

describe('the check view state kept across a reload', () => {
  it('reads back what was written, for that check only', () => {
    const storage = memoryStorage()
    writeViewState(storage, 7, state)
    expect(readViewState(storage, 7)).toEqual(state)
    expect(readViewState(storage, 8)).toBeNull()
  })

  it.each([
    ['not JSON', '{selectedId'],
    ['an unknown scope', JSON.stringify({ ...state, scope: 'everything' })],
    ['an unknown kind', JSON.stringify({ ...state, kinds: ['<script>'] })],
    ['a negative scroll offset', JSON.stringify({ ...state, listAnchor: { key: 'p1', offset: -5 } })],
    ['a field missing', JSON.stringify({ ...state, query: undefined })]
  ])('reads %s as nothing stored, so the check opens afresh', (_what, raw) => {
    const storage = memoryStorage()
    storage.items.set('factdesk.checkView.7', raw)
    expect(readViewState(storage, 7)).toBeNull()
  })

  it('carries on when the storage refuses to read or write', () => {
    const refusing = {
      getItem: (): string | null => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      }
    }
    expect(() => writeViewState(refusing, 7, state)).not.toThrow()
    expect(readViewState(refusing, 7)).toBeNull()
  })
})
