// The document diff: two texts from the library, their paragraphs aligned by the server, fetched a
// page of rows at a time as they come on screen (two 50 MB texts are never sent whole).
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ComparedRow, CompareSummary } from '../../../shared/contract'
import type { TextSummary } from '../../../shared/domain'
import { api } from '../api'

/** Rows asked for at once: a few screens. */
export const COMPARE_PAGE = 200

const NO_ROWS: CompareSummary = { same: 0, changed: 0, moved: 0, added: 0, removed: 0 }

export const useCompareStore = defineStore('compare', () => {
  const left = shallowRef<TextSummary | null>(null)
  const right = shallowRef<TextSummary | null>(null)
  const total = ref(0)
  const summary = shallowRef<CompareSummary>(NO_ROWS)
  /** Every row of the alignment; undefined where its page has not arrived yet. */
  const rows = shallowRef<Array<ComparedRow | undefined>>([])
  const loading = ref(false)
  const error = ref<string | null>(null)
  /** The pair shown: a page that arrives for an earlier pair is dropped. */
  let pair = ''
  const asked = new Set<number>()

  function place(offset: number, page: readonly ComparedRow[]): void {
    const next = rows.value.slice()
    page.forEach((row, i) => (next[offset + i] = row))
    rows.value = next
  }

  async function load(leftId: number, rightId: number): Promise<void> {
    const key = `${leftId}:${rightId}`
    pair = key
    asked.clear()
    loading.value = true
    error.value = null
    try {
      const page = await api.call('compare.rows', { leftId, rightId, offset: 0, limit: COMPARE_PAGE })
      if (pair !== key) return
      left.value = page.left
      right.value = page.right
      total.value = page.total
      summary.value = page.summary
      rows.value = new Array<ComparedRow | undefined>(page.total)
      asked.add(0)
      place(0, page.rows)
    } catch (e) {
      if (pair === key) error.value = (e as Error).message
    } finally {
      if (pair === key) loading.value = false
    }
  }

  /** Fetches the page holding row `index`, once, when that row comes on screen. */
  async function ensure(index: number): Promise<void> {
    if (!left.value || !right.value || rows.value[index]) return
    const offset = Math.floor(index / COMPARE_PAGE) * COMPARE_PAGE
    if (asked.has(offset)) return
    asked.add(offset)
    const key = pair
    try {
      const page = await api.call('compare.rows', {
        leftId: left.value.id,
        rightId: right.value.id,
        offset,
        limit: COMPARE_PAGE
      })
      if (pair === key) place(offset, page.rows)
    } catch (e) {
      // Asked again the next time the row comes on screen.
      asked.delete(offset)
      if (pair === key) error.value = (e as Error).message
    }
  }

  return { left, right, total, summary, rows, loading, error, load, ensure }
})
