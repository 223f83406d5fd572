// Checks and the one open in the workbench: its claims, the editor's decisions (each written to
// the library the moment it is made), the selected claim, filters, and undo/redo (done by the
// library from the check's stored history, so they work after a reload).
import { defineStore } from 'pinia'
import { computed, ref, shallowReactive, shallowRef, watch } from 'vue'
import type { CheckedClaim, ClaimKind } from '../../../shared/check'
import type {
  CheckDetail,
  CheckSummary,
  Decision,
  DecisionChange,
  DecisionStatus,
  HistoryEntry,
  PinnedEvidence,
  RunningCheck,
  UndoState
} from '../../../shared/workbench'
import { api, ApiCallError, followCheck } from '../api'
import { isDecision, isUndoState } from '../api/shapes'
import { unsavedWords, type UnsavedWords } from '../checks/conflict'
import { errorCapture } from './capture-error'
import {
  checklistRows,
  filterClaims,
  inScope,
  neighbour,
  openingScope,
  type ClaimScope
} from '../checks/checklist'
import { samePassage } from '../checks/pinned'
import { paragraphAt, paragraphSpans } from '../checks/story-segments'
import { readViewState, writeViewState, type CheckViewState } from '../checks/view-state'
import { replacedWording } from '../checks/replaced-wording'
import { noteDecision } from '../checks/review-marks'
import type { CheckReview, ReviewChange, ReviewOverview } from '../../../shared/review'

/** What a decision can change; the rest is kept from the claim's current decision. */
export interface DecisionPatch {
  status?: DecisionStatus
  correctedText?: string | null
  note?: string | null
  pinned?: PinnedEvidence[]
  publish?: boolean
  publicExplanation?: string | null
}

const LAST_CHECK_KEY = 'factdesk.openCheck'
/** How often a running check's progress is asked for: often enough to see it move. */
const PROGRESS_POLL_MS = 250

/** A correction whose wording the last decision replaced: what the notice offering Undo says. */
export interface ReplacedCorrection {
  claimId: string
  wording: string
  status: DecisionStatus
}

/**
 * A claim someone else decided while this editor was deciding it: their decision is shown, and
 * what this editor had decided or typed, not saved, stays on screen to copy.
 */
export interface DecisionConflict {
  claimId: string
  /** The decision now on record; null when the claim is undecided again. */
  current: Decision | null
  /** The editor's own words and choice that were not saved. */
  unsaved: UnsavedWords
}

type SavedDecision = { decision: Decision; entry: HistoryEntry }

const NO_UNDO: UndoState = { canUndo: false, canRedo: false, nextUndo: null, nextRedo: null }

export const useChecksStore = defineStore('checks', () => {
  const list = shallowRef<CheckSummary[]>([])
  /** The listed checks' review state and assignee (a desk's), by check id. */
  const reviewsListed = shallowRef(new Map<number, ReviewOverview>())
  const detail = shallowRef<CheckDetail | null>(null)
  /** The open check's assignment and review, kept current by the live stream. */
  const review = shallowRef<CheckReview | null>(null)
  /** Show only the claims changed since the last review (a reviewer's second look). */
  const onlyChanged = ref(false)
  const changedSinceReview = computed(() => new Set(review.value?.changedSinceReview.claimIds ?? []))
  // Tracked per key: a decision re-renders only what shows that claim, not all 5,000 marks.
  const decisions = shallowReactive(new Map<string, Decision>())
  const selectedId = ref<string | null>(null)
  const history = shallowRef<HistoryEntry[]>([])
  const error = ref<string | null>(null)
  /** A save in flight, for the "Saving…/Saved" indicator. */
  const saving = ref(0)
  const lastSavedAt = ref<string | null>(null)
  const loading = ref(false)

  const kinds = ref(new Set<ClaimKind>())
  const statuses = ref(new Set<DecisionStatus>())
  const query = ref('')
  const scope = ref<ClaimScope>('all')
  /** Where the claim list is scrolled (ChecklistPane keeps it up to date and restores it). */
  const listAnchor = shallowRef<CheckViewState['listAnchor']>(null)

  const undoState = ref<UndoState>(NO_UNDO)
  /** The latest history entry this tab knows of: older news (a late event) does not set the undo state. */
  let latestEntry = 0
  const conflict = shallowRef<DecisionConflict | null>(null)
  /** Stops following the open check's decisions as other editors make them. */
  let unfollow: (() => void) | null = null
  /** Set only while the replacing decision is the last one, so Undo is what brings the wording back. */
  const replacedCorrection = shallowRef<ReplacedCorrection | null>(null)

  const claims = computed<CheckedClaim[]>(() => detail.value?.result.claims ?? [])
  const claimById = computed(() => new Map(claims.value.map((c) => [c.id, c])))
  const selected = computed(() => (selectedId.value ? (claimById.value.get(selectedId.value) ?? null) : null))
  const storyText = computed(() => detail.value?.story.text ?? '')
  const paragraphs = computed(() => paragraphSpans(storyText.value))
  const sourceById = computed(() => new Map((detail.value?.result.sources ?? []).map((s) => [s.id, s])))

  function statusOf(claimId: string): DecisionStatus {
    return decisions.get(claimId)?.status ?? 'open'
  }
  const paragraphOf = (claim: CheckedClaim) => paragraphAt(paragraphs.value, claim.start)
  const sentenceOf = (claim: CheckedClaim) => storyText.value.slice(claim.sentence.start, claim.sentence.end)

  const visibleClaims = computed(() =>
    filterClaims(
      onlyChanged.value ? claims.value.filter((c) => changedSinceReview.value.has(c.id)) : claims.value,
      statusOf,
      { scope: scope.value, kinds: kinds.value, statuses: statuses.value, query: query.value },
      sentenceOf
    )
  )
  const rows = computed(() => checklistRows(visibleClaims.value, paragraphOf))
  const counts = computed(() => {
    const byStatus: Record<DecisionStatus, number> = {
      open: 0,
      verified: 0,
      disputed: 0,
      corrected: 0,
      dismissed: 0
    }
    for (const c of claims.value) byStatus[statusOf(c.id)]++
    const byScope: Record<ClaimScope, number> = {
      attention: claims.value.filter((c) => inScope(c, 'attention')).length,
      checkable: claims.value.filter((c) => inScope(c, 'checkable')).length,
      all: claims.value.length
    }
    return { total: claims.value.length, decided: claims.value.length - byStatus.open, byStatus, byScope }
  })

  const attempt = errorCapture(error)

  /** The check being computed for this window, with how far it got (polled while it runs). */
  const running = shallowRef<(Omit<RunningCheck, 'id'> & { id: string | null }) | null>(null)

  /**
   * Runs a call that computes a check (the engine works in a worker: the call answers when it is
   * done) and meanwhile asks how far it got, for the progress line and its Cancel button.
   */
  async function computing<T>(
    what: { storyId: number; checkId: number | null },
    call: () => Promise<T>
  ): Promise<T | undefined> {
    running.value = { id: null, ...what, related: 0, total: 0 }
    const poll = async () => {
      const got = await api.call('checks.progress', {}).catch(() => null)
      const mine = got?.running.find((r) => r.storyId === what.storyId && r.checkId === what.checkId)
      if (mine && running.value) running.value = mine
    }
    const timer = setInterval(() => void poll(), PROGRESS_POLL_MS)
    void poll()
    try {
      return await attempt(call)
    } finally {
      clearInterval(timer)
      running.value = null
    }
  }

  /** Stops the check being computed; its call then fails with the plain "cancelled" message. */
  async function cancelRunning(): Promise<void> {
    const jobId = running.value?.id
    if (jobId) await attempt(() => api.call('checks.cancel', { jobId }))
  }

  async function refreshList(): Promise<void> {
    await attempt(async () => {
      const got = await api.call('checks.list', {})
      list.value = got.checks
      reviewsListed.value = new Map(got.reviews.map((r) => [r.checkId, r]))
    })
  }

  function show(next: CheckDetail): void {
    detail.value = next
    decisions.clear()
    for (const d of next.decisions) decisions.set(d.claimId, d)
    undoState.value = next.undo
    review.value = next.review
  }

  /** A decision's entry, from this tab or another: a claim changed since the last review is marked. */
  function noteEntry(entry: { id: number; claimId: string }): void {
    if (review.value) review.value = noteDecision(review.value, entry)
  }

  /** The review as a step, an assignment or the live stream left it. */
  function takeReview(change: ReviewChange): void {
    if (detail.value?.check.id !== change.checkId) return
    review.value = change.review
    if (onlyChanged.value && change.review.changedSinceReview.claimIds.length === 0) onlyChanged.value = false
  }

  /** Takes a decision the library has, unless this tab already shows that one or a later one. */
  function take(decision: Decision, entry: HistoryEntry | null): boolean {
    const shown = decisions.get(decision.claimId)
    if (shown && shown.version >= decision.version) return false
    decisions.set(decision.claimId, decision)
    if (entry) noteEntry(entry)
    if (entry && decision.claimId === selectedId.value && !history.value.some((e) => e.id === entry.id))
      history.value = [entry, ...history.value]
    return true
  }

  /** Another editor's decision (or this tab's own, echoed): shown at once, in place of what was there. */
  function applyChange(change: DecisionChange): void {
    if (detail.value?.check.id !== change.checkId) return
    take(change.decision, change.entry)
    if (change.entry.id >= latestEntry) {
      latestEntry = change.entry.id
      undoState.value = change.undo
    }
  }

  /** After the live stream dropped: what was decided meanwhile, read afresh. */
  async function catchUp(checkId: number): Promise<void> {
    const got = await api.call('checks.get', { id: checkId }).catch(() => null)
    if (!got || detail.value?.check.id !== checkId) return
    for (const d of got.decisions) take(d, null)
    undoState.value = got.undo
    review.value = got.review
    if (selectedId.value) await loadHistory()
  }

  function follow(checkId: number): void {
    unfollow?.()
    latestEntry = 0
    unfollow = followCheck(checkId, {
      change: applyChange,
      review: takeReview,
      reconnected: () => void catchUp(checkId)
    })
  }

  async function open(id: number): Promise<void> {
    loading.value = true
    const loaded = await attempt(() => api.call('checks.get', { id }))
    loading.value = false
    if (!loaded) return
    const another = detail.value?.check.id !== id
    if (another) {
      onlyChanged.value = false
      selectedId.value = null
      replacedCorrection.value = null
      conflict.value = null
      follow(id)
      // "Saved 6:30" belongs to the check it was said of.
      lastSavedAt.value = null
    }
    show(loaded)
    const saved = another ? readViewState(sessionStorage, id) : null
    if (another) restoreFilters(saved, loaded.result.claims)
    sessionStorage.setItem(LAST_CHECK_KEY, String(id))
    // A claim a re-run took away is not selected again; the first one shown is, as in a new check.
    if (saved?.selectedId && claimById.value.has(saved.selectedId)) await select(saved.selectedId)
    else if (!selectedId.value || !claimById.value.has(selectedId.value))
      await select(visibleClaims.value[0]?.id ?? null)
  }

  /** The check as the editor left it in this window; a check opened afresh opens on what needs attention. */
  function restoreFilters(saved: CheckViewState | null, all: readonly CheckedClaim[]): void {
    scope.value = saved?.scope ?? openingScope(all)
    kinds.value = new Set(saved?.kinds)
    statuses.value = new Set(saved?.statuses)
    query.value = saved?.query ?? ''
    listAnchor.value = saved?.listAnchor ?? null
  }

  // Every change to what the view shows is written at once: a reload can come at any moment.
  watch([selectedId, scope, kinds, statuses, query, listAnchor], () => {
    const id = detail.value?.check.id
    if (id === undefined) return
    writeViewState(sessionStorage, id, {
      selectedId: selectedId.value,
      scope: scope.value,
      kinds: [...kinds.value],
      statuses: [...statuses.value],
      query: query.value,
      listAnchor: listAnchor.value
    })
  })

  function close(): void {
    unfollow?.()
    unfollow = null
    conflict.value = null
    detail.value = null
    review.value = null
    onlyChanged.value = false
    selectedId.value = null
    history.value = []
    replacedCorrection.value = null
    sessionStorage.removeItem(LAST_CHECK_KEY)
    void refreshList()
  }

  /** The check that was open before a reload, if any. */
  function lastOpen(): number | null {
    const id = Number(sessionStorage.getItem(LAST_CHECK_KEY))
    return Number.isInteger(id) && id > 0 ? id : null
  }

  async function create(storyId: number, sourceIds: number[] | null = null): Promise<void> {
    const made = await computing({ storyId, checkId: null }, () =>
      api.call('checks.create', { storyId, sourceIds })
    )
    if (made) {
      await refreshList()
      await open(made.id)
    }
  }

  const ofOpenCheck = (checkId: number) => ({ storyId: detail.value?.check.storyId ?? 0, checkId })

  async function rerun(): Promise<void> {
    const id = detail.value?.check.id
    if (id === undefined) return
    loading.value = true
    const next = await computing(ofOpenCheck(id), () => api.call('checks.rerun', { id }))
    loading.value = false
    if (next) show(next)
  }

  /** Compares a version of the story after all, or leaves it out again. */
  async function includeVersion(sourceId: number, include: boolean): Promise<void> {
    const id = detail.value?.check.id
    if (id === undefined) return
    loading.value = true
    const next = await computing(ofOpenCheck(id), () =>
      api.call('checks.includeVersion', { id, sourceId, include })
    )
    loading.value = false
    if (next) show(next)
  }

  async function setSources(sourceIds: number[] | null): Promise<void> {
    const id = detail.value?.check.id
    if (id === undefined) return
    loading.value = true
    const next = await computing(ofOpenCheck(id), () => api.call('checks.setSources', { id, sourceIds }))
    loading.value = false
    if (next) show(next)
  }

  async function loadHistory(): Promise<void> {
    const checkId = detail.value?.check.id
    const claimId = selectedId.value
    if (checkId === undefined || !claimId) {
      history.value = []
      return
    }
    const got = await attempt(() => api.call('checks.history', { checkId, claimId }))
    if (got && selectedId.value === claimId) history.value = got.entries.slice().reverse()
  }

  async function select(claimId: string | null): Promise<void> {
    if (claimId === selectedId.value) return
    selectedId.value = claimId
    await loadHistory()
  }

  async function step(by: number): Promise<void> {
    await select(
      neighbour(
        visibleClaims.value.map((c) => c.id),
        selectedId.value,
        by
      )
    )
  }

  /**
   * Writes one decision, made on the version this tab shows; nothing changes on screen until the
   * library has it. Made on a version someone else has changed meanwhile, it is refused: their
   * decision is shown instead and this one kept on screen (conflict), never written over theirs.
   */
  async function write(
    claimId: string,
    next: Omit<Decision, 'claimId' | 'updatedAt' | 'version'>
  ): Promise<SavedDecision | null> {
    const checkId = detail.value?.check.id
    if (checkId === undefined) return null
    const before = decisions.get(claimId) ?? null
    saving.value++
    try {
      const saved = await attempt(async () => {
        try {
          return await api.call('checks.decide', {
            checkId,
            claimId,
            status: next.status,
            correctedText: next.correctedText,
            note: next.note,
            pinned: next.pinned,
            publish: next.publish,
            publicExplanation: next.publicExplanation,
            version: before?.version ?? 0
          })
        } catch (error) {
          const current = conflictingDecision(error)
          if (current === undefined) throw error
          showConflict(claimId, current, unsavedWords(before, next))
          return null
        }
      })
      if (!saved) return null
      showSaved(saved)
      return saved
    } finally {
      saving.value--
    }
  }

  /** The decision a CONFLICT carries (null: none), or undefined when the error is another one. */
  function conflictingDecision(error: unknown): Decision | null | undefined {
    if (!(error instanceof ApiCallError) || error.code !== 'CONFLICT') return undefined
    const current = error.details?.['current']
    return current === null || isDecision(current) ? current : undefined
  }

  /** How many decisions of each claim were refused as made on a stale version, in this tab. */
  const conflicts = new Map<string, number>()

  function showConflict(claimId: string, current: Decision | null, unsaved: UnsavedWords): void {
    conflicts.set(claimId, (conflicts.get(claimId) ?? 0) + 1)
    if (current) take(current, null)
    else decisions.delete(claimId)
    conflict.value = null
    keepUnsaved(claimId, unsaved)
    replacedCorrection.value = null
    if (claimId === selectedId.value) void loadHistory()
  }

  /**
   * Words the editor was typing for a claim that someone else's decision has just replaced on
   * screen: kept in the conflict notice, so nothing typed is lost without a word.
   */
  function keepUnsaved(claimId: string, unsaved: UnsavedWords): void {
    const shown = conflict.value?.claimId === claimId ? conflict.value.unsaved : null
    const words = [...(shown?.words ?? [])]
    for (const w of unsaved.words)
      if (!words.some((k) => k.label === w.label && k.text === w.text)) words.push(w)
    conflict.value = {
      claimId,
      current: decisions.get(claimId) ?? null,
      unsaved: { status: unsaved.status ?? shown?.status ?? null, words }
    }
  }

  function showSaved(saved: SavedDecision): void {
    decisions.set(saved.decision.claimId, saved.decision)
    noteEntry(saved.entry)
    lastSavedAt.value = saved.decision.updatedAt
    latestEntry = Math.max(latestEntry, saved.entry.id)
    if (saved.decision.claimId === selectedId.value && !history.value.some((e) => e.id === saved.entry.id))
      history.value = [saved.entry, ...history.value]
  }

  function current(claimId: string): Omit<Decision, 'claimId' | 'updatedAt' | 'version'> {
    const d = decisions.get(claimId)
    return {
      status: d?.status ?? 'open',
      correctedText: d?.correctedText ?? null,
      note: d?.note ?? null,
      pinned: d?.pinned ?? [],
      publish: d?.publish ?? false,
      publicExplanation: d?.publicExplanation ?? null
    }
  }

  // Decisions are made one after another, each from the one saved before it: a text box saved
  // as it loses focus and the click that took the focus (a status, "Publish") would otherwise both
  // start from the old decision, and the later write would undo the earlier one.
  let decided: Promise<unknown> = Promise.resolve()
  function decide(claimId: string, patch: DecisionPatch): Promise<boolean> {
    const conflictsSeen = conflicts.get(claimId) ?? 0
    const next = decided.then(() => decideNow(claimId, patch, conflictsSeen))
    decided = next.catch(() => undefined)
    return next
  }

  async function decideNow(claimId: string, patch: DecisionPatch, conflictsSeen: number): Promise<boolean> {
    // Asked for before a decision queued ahead of it was refused: it too was made on a claim
    // someone else has decided since, so it is kept on screen with the refused one, not written.
    if ((conflicts.get(claimId) ?? 0) !== conflictsSeen) {
      keepUnsaved(claimId, unsavedWords(decisions.get(claimId) ?? null, patch))
      return false
    }
    const next = { ...current(claimId), ...patch }
    const replaced = replacedWording(decisions.get(claimId), next.status)
    // The wording stays on record only while the claim is marked corrected.
    if (next.status !== 'corrected') next.correctedText = null
    const after = await write(claimId, next)
    if (!after) return false
    // A new decision is the one Undo takes back, and leaves nothing to redo.
    undoState.value = { canUndo: true, canRedo: false, nextUndo: after.entry.id, nextRedo: null }
    replacedCorrection.value = replaced ? { claimId, wording: replaced, status: next.status } : null
    return true
  }

  /** Undo and Redo are the library's: it knows, from the stored history, which change is next. */
  async function replay(side: 'undo' | 'redo'): Promise<void> {
    const checkId = detail.value?.check.id
    if (checkId === undefined) return
    saving.value++
    try {
      // The change this tab shows as next: another one (someone else's, made meanwhile) is refused.
      const entryId = (side === 'undo' ? undoState.value.nextUndo : undoState.value.nextRedo) ?? undefined
      const outcome = await attempt(async () => {
        try {
          return await api.call(side === 'undo' ? 'checks.undo' : 'checks.redo', { checkId, entryId })
        } catch (error) {
          const now = error instanceof ApiCallError ? error.details?.['undo'] : null
          if (isUndoState(now) && detail.value?.check.id === checkId) undoState.value = now
          throw error
        }
      })
      if (!outcome || detail.value?.check.id !== checkId) return
      undoState.value = {
        canUndo: outcome.canUndo,
        canRedo: outcome.canRedo,
        nextUndo: outcome.nextUndo,
        nextRedo: outcome.nextRedo
      }
      replacedCorrection.value = null
      if (!outcome.change) return
      showSaved(outcome.change)
      // The claim changed is shown, with its history read afresh when it was not already.
      await select(outcome.change.decision.claimId)
    } finally {
      saving.value--
    }
  }

  const undo = () => replay('undo')
  const redo = () => replay('redo')

  function isPinned(claimId: string, passage: PinnedEvidence): boolean {
    return (decisions.get(claimId)?.pinned ?? []).some((p) => samePassage(p, passage))
  }

  async function togglePin(claimId: string, passage: PinnedEvidence): Promise<boolean> {
    const pinned = current(claimId).pinned
    const next = isPinned(claimId, passage)
      ? pinned.filter((p) => !samePassage(p, passage))
      : [...pinned, passage]
    return decide(claimId, { pinned: next })
  }

  async function addClaim(kind: ClaimKind, start: number, end: number): Promise<boolean> {
    const checkId = detail.value?.check.id
    if (checkId === undefined) return false
    const added = await attempt(() => api.call('checks.addClaim', { checkId, kind, start, end }))
    if (!added) return false
    show(added.detail)
    // A claim the filters would hide must still be seen once added.
    if (!visibleClaims.value.some((c) => c.id === added.claimId)) clearFilters()
    await select(added.claimId)
    return true
  }

  function toggle<T>(set: Set<T>, value: T): Set<T> {
    const next = new Set(set)
    if (!next.delete(value)) next.add(value)
    return next
  }
  const toggleKind = (kind: ClaimKind) => (kinds.value = toggle(kinds.value, kind))
  const toggleStatus = (status: DecisionStatus) => (statuses.value = toggle(statuses.value, status))
  function setScope(next: ClaimScope): void {
    scope.value = next
  }
  function clearFilters(): void {
    setScope('all')
    kinds.value = new Set()
    statuses.value = new Set()
    query.value = ''
    onlyChanged.value = false
  }

  return {
    list,
    reviewsListed,
    detail,
    review,
    onlyChanged,
    changedSinceReview,
    takeReview,
    decisions,
    selectedId,
    selected,
    history,
    error,
    saving,
    lastSavedAt,
    loading,
    kinds,
    statuses,
    query,
    scope,
    setScope,
    listAnchor,
    undoState,
    replacedCorrection,
    conflict,
    keepUnsaved,
    claims,
    claimById,
    storyText,
    paragraphs,
    sourceById,
    visibleClaims,
    rows,
    counts,
    statusOf,
    sentenceOf,
    refreshList,
    open,
    close,
    lastOpen,
    create,
    running,
    cancelRunning,
    rerun,
    includeVersion,
    setSources,
    select,
    step,
    decide,
    undo,
    redo,
    isPinned,
    togglePin,
    addClaim,
    toggleKind,
    toggleStatus,
    clearFilters
  }
})
