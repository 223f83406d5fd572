// The library as the renderer sees it: the list, search, the open text and the import queue.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ImportOutcome, SearchHit, TextPage, TextRole, TextSummary } from '../../../shared/domain'
import { MAX_IMPORT_BYTES, tooLargeMessage } from '../../../shared/limits'
import { api, ApiCallError } from '../api'
import { importSourceOf, type ImportItem } from '../composables/dropped-files'

export interface ImportJob {
  total: number
  done: number
  running: boolean
  cancelRequested: boolean
  outcomes: ImportOutcome[]
}

/** Paragraphs per request: a screenful several times over, small enough to answer at once. */
const READER_PAGE = 200

export const useLibraryStore = defineStore('library', () => {
  const texts = shallowRef<TextSummary[]>([])
  const total = ref(0)
  /** Whether the library has been read once: until then there is no count to show. */
  const loaded = ref(false)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const query = ref('')
  const hits = shallowRef<SearchHit[]>([])
  /** When a search finds nothing: the query spelled as the library spells a word of it. */
  const suggestions = shallowRef<string[]>([])
  /** The text in the reader: its paragraphs as far as they have been read, a page at a time. */
  const openText = shallowRef<TextPage | null>(null)
  let loadingMore = false
  /** Asked for another page while one was on its way: read it once that one is in. */
  let moreAgain = false
  const job = ref<ImportJob | null>(null)

  const stories = computed(() => texts.value.filter((t) => t.role === 'story'))
  const counts = computed(() => {
    const outcomes = job.value?.outcomes ?? []
    return {
      imported: outcomes.filter((o) => o.status === 'imported').length,
      duplicate: outcomes.filter((o) => o.status === 'duplicate').length,
      rejected: outcomes.filter((o) => o.status === 'rejected').length
    }
  })

  async function refresh(): Promise<void> {
    loading.value = true
    try {
      const page = await api.call('library.list', { limit: 10_000 })
      texts.value = page.texts
      total.value = page.total
      loaded.value = true
      error.value = null
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }

  let searchSeq = 0
  async function search(text: string): Promise<void> {
    query.value = text
    const seq = ++searchSeq
    if (text.trim() === '') {
      hits.value = []
      suggestions.value = []
      return
    }
    try {
      const result = await api.call('library.search', { query: text, limit: 50 })
      // A slower earlier search must not overwrite a newer one.
      if (seq === searchSeq) {
        hits.value = result.hits
        suggestions.value = result.suggestions
      }
    } catch (e) {
      if (seq === searchSeq) error.value = (e as Error).message
    }
  }

  async function open(id: number): Promise<void> {
    try {
      moreAgain = false
      openText.value = await api.call('library.read', { id, offset: 0, limit: READER_PAGE })
    } catch (e) {
      error.value = (e as Error).message
    }
  }

  /** The reader's next page, when it scrolls near the end of what it has. */
  async function loadMore(): Promise<void> {
    const text = openText.value
    if (!text || text.paragraphs.length >= text.paragraphCount) return
    if (loadingMore) {
      moreAgain = true
      return
    }
    loadingMore = true
    try {
      const page = await api.call('library.read', {
        id: text.id,
        offset: text.paragraphs.length,
        limit: READER_PAGE
      })
      // Another text may have been opened meanwhile.
      if (openText.value?.id === text.id)
        openText.value = { ...text, paragraphs: [...text.paragraphs, ...page.paragraphs] }
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      loadingMore = false
    }
    if (moreAgain) {
      moreAgain = false
      await loadMore()
    }
  }

  function close(): void {
    openText.value = null
  }

  async function remove(id: number): Promise<void> {
    await api.call('library.delete', { id })
    if (openText.value?.id === id) openText.value = null
    await refresh()
    if (query.value) await search(query.value)
  }

  async function setRole(id: number, role: TextRole): Promise<void> {
    await api.call('library.setRole', { id, role })
    if (openText.value?.id === id) openText.value = { ...openText.value, role }
    await refresh()
  }

  /** A text's new details, in the list and the reader, without reading the library again. */
  function showMeta(text: TextSummary): void {
    texts.value = texts.value.map((t) => (t.id === text.id ? text : t))
    if (openText.value?.id === text.id) openText.value = { ...openText.value, ...text }
    if (query.value.trim()) void search(query.value)
  }

  /** The file being imported, so Cancel can stop it mid-parse rather than after it. */
  let currentImportId: string | null = null
  /** Stops the file in hand while it is still being uploaded (serve mode). */
  let currentUpload: AbortController | null = null

  /** The file's outcome; null when Cancel stopped it (the library is as it was). */
  async function importOne(item: ImportItem): Promise<ImportOutcome | null> {
    const importId = crypto.randomUUID()
    currentImportId = importId
    const upload = new AbortController()
    currentUpload = upload
    try {
      if ('path' in item) {
        return await api.call('library.importFile', {
          name: item.name,
          source: { kind: 'path', path: item.path },
          importId
        })
      }
      // The server refuses it too; checking here spares uploading a file that cannot be imported.
      if (item.file.size > MAX_IMPORT_BYTES) {
        return {
          status: 'rejected',
          name: item.name,
          code: 'IMPORT_TOO_LARGE',
          message: tooLargeMessage(item.name, item.file.size)
        }
      }
      return await api.call('library.importFile', {
        name: item.name,
        source: await importSourceOf(item.file, upload.signal),
        importId
      })
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'CANCELLED') return null
      if (upload.signal.aborted) return null
      const tooLarge = e instanceof ApiCallError && e.code === 'TOO_LARGE' && 'file' in item
      return {
        status: 'rejected',
        name: item.name,
        code: tooLarge ? 'IMPORT_TOO_LARGE' : 'IMPORT_UNREADABLE',
        message: tooLarge
          ? tooLargeMessage(item.name, item.file.size)
          : `${item.name} could not be imported: ${(e as Error).message}`
      }
    }
  }

  /** Imports one file at a time, so progress is honest and Cancel stops the file in hand and the rest. */
  async function importItems(items: ImportItem[], paths: string[] = []): Promise<void> {
    const queue = [...items]
    if (paths.length > 0) {
      const { files } = await api.call('library.expandPaths', { paths })
      queue.push(...files)
    }
    if (queue.length === 0) return
    const current: ImportJob = {
      total: queue.length,
      done: 0,
      running: true,
      cancelRequested: false,
      outcomes: []
    }
    job.value = current
    for (const item of queue) {
      if (job.value.cancelRequested) break
      const outcome = await importOne(item)
      if (!outcome) break
      job.value.outcomes.push(outcome)
      job.value.done += 1
    }
    job.value.running = false
    await refresh()
  }

  function cancelImport(): void {
    if (!job.value?.running) return
    job.value.cancelRequested = true
    // Also the file in hand: a 45 MB text would otherwise be parsed and stored to the end.
    currentUpload?.abort()
    if (currentImportId) void api.call('library.cancelImport', { importId: currentImportId }).catch(() => {})
  }

  function dismissImport(): void {
    if (!job.value?.running) job.value = null
  }

  return {
    texts,
    total,
    loading,
    loaded,
    error,
    query,
    hits,
    openText,
    loadMore,
    job,
    stories,
    counts,
    refresh,
    search,
    suggestions,
    open,
    close,
    remove,
    setRole,
    showMeta,
    importItems,
    cancelImport,
    dismissImport
  }
})
