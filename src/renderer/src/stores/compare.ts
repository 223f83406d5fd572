// The document diff: two texts from the library, their paragraphs aligned.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { alignParagraphs, type AlignedRow } from '../../../main/core/diff/align-paragraphs'
import type { MethodOutput } from '../../../shared/contract'
import { api } from '../api'

export const useCompareStore = defineStore('compare', () => {
  type TextParagraphs = MethodOutput<'library.paragraphs'>
  const left = shallowRef<TextParagraphs | null>(null)
  const right = shallowRef<TextParagraphs | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)

  const rows = computed<AlignedRow[]>(() =>
    left.value && right.value
      ? alignParagraphs(
          left.value.paragraphs.map((p) => p.text),
          right.value.paragraphs.map((p) => p.text)
        )
      : []
  )
  const summary = computed(() => {
    const count = (kind: AlignedRow['kind']) => rows.value.filter((r) => r.kind === kind).length
    return {
      same: count('same'),
      changed: count('changed'),
      moved: count('moved'),
      added: count('added'),
      removed: count('removed')
    }
  })

  async function load(leftId: number, rightId: number): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const [l, r] = await Promise.all([
        api.call('library.get', { id: leftId }),
        api.call('library.get', { id: rightId })
      ])
      left.value = l
      right.value = r
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }

  function swap(): void {
    ;[left.value, right.value] = [right.value, left.value]
  }

  return { left, right, loading, error, rows, summary, load, swap }
})
