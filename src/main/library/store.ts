// The store's interface: the library of texts, checks with the editor's decisions and their
// history, house names and preferences. Every method answers with a Promise so a store on a
// network database (PostgreSQL, for a desk) can implement it as well as the embedded SQLite one;
// services, api handlers, the CLI and the check worker's callers depend on this file only.
import type { CheckResult, ClaimKind } from '../../shared/check'
import type {
  ParsedDocument,
  SearchHit,
  TextDetail,
  TextMeta,
  TextPage,
  TextRole,
  TextSummary
} from '../../shared/domain'
import type { Member, MemberRole } from '../../shared/members'
import type { Preferences } from '../../shared/preferences'
import type { Assignment, ReviewEvent } from '../../shared/review'
import type { ReviewState } from '../../shared/review-rules'
import type { DecisionListener, FeedListener } from './decision-feed'
import type { CheckSummary, Decision, DecisionInput, HistoryEntry, UndoState } from '../../shared/workbench'

export interface ImportDocumentInput {
  fileName: string
  /** The file as imported, kept so a text can always be shown (or re-cleaned) as it arrived. */
  bytes: Uint8Array
  doc: ParsedDocument
  role: TextRole
}

export interface ImportDocumentResult {
  status: 'imported' | 'duplicate'
  /** The new text, or for a duplicate the text already holding this content. */
  id: number
  title: string | null
}

export interface ListOptions {
  role?: TextRole
  limit: number
  offset: number
}

export interface Passage {
  textId: number
  paragraphId: number
  index: number
  text: string
  start: number
}

export interface PassageOptions {
  limit: number
  excludeTextIds?: readonly number[]
  roles?: readonly TextRole[]
}

export interface HouseName {
  id: number
  name: string
  note: string | null
  addedAt: string
}

export interface Library {
  /**
   * Stores a text, its paragraphs with it or not at all. A text whose cleaned content is already
   * in the library is not stored again: the answer is 'duplicate' with the text holding it.
   */
  importDocument(input: ImportDocumentInput): Promise<ImportDocumentResult>
  /**
   * Makes every stored text searchable now; returns how many paragraphs that took. A store that
   * indexes in batches (SQLite) calls this itself too; one that indexes as it stores answers 0.
   */
  indexPending(): Promise<number>
  list(options: ListOptions): Promise<{ texts: TextSummary[]; total: number }>
  get(id: number): Promise<TextDetail | null>
  /** A text's summary (title, counts) without its text. */
  summary(id: number): Promise<TextSummary | null>
  /** A page of a text's paragraphs and the start of its original, read without loading the rest. */
  read(id: number, offset: number, limit: number, originalChars: number): Promise<TextPage | null>
  /** The text's paragraphs of these indexes (those it has), in index order; null for an unknown id. */
  paragraphsAt(id: number, indexes: readonly number[]): Promise<Array<{ index: number; text: string }> | null>
  /** The file's bytes as imported, or null for an unknown id. */
  originalBytes(id: number): Promise<Uint8Array | null>
  /**
   * Headlines first (at most a fifth of the limit, so a word common in headlines leaves room for
   * passages), then paragraphs, each best first. `headlines: false` for paragraphs only.
   */
  search(query: string, limit: number, options?: { headlines?: boolean }): Promise<SearchHit[]>
  searchPassages(terms: readonly string[], options: PassageOptions): Promise<Passage[]>
  delete(id: number): Promise<boolean>
  setRole(id: number, role: TextRole): Promise<TextSummary | null>
  /** Changes the metadata given (null clears a field); fields left out stay as they are. */
  setMeta(id: number, meta: Partial<TextMeta>): Promise<TextSummary | null>
  count(): Promise<number>
  listHouseNames(): Promise<HouseName[]>
  addHouseName(name: string, note?: string | null): Promise<HouseName>
  removeHouseName(id: number): Promise<boolean>
  /** Checks and the editor's decisions. */
  checks: ChecksStore
  /** Who a check and its claims are assigned to, and the check's review. */
  reviews: ReviewsStore
  /** The newsroom, its address and the checker's name, kept with the library. */
  preferences: PreferencesStore
  /** The indexed words, for spelling suggestions. */
  vocabulary: Vocabulary
  /** The people who may sign in to a desk. */
  members: MembersStore
  /** Signed-in browsers of a desk, kept here so a restart or a second server keeps them. */
  sessions: SessionsStore
  close(): Promise<void>
}

/** A decision with the history entry that recorded it. */
export interface SavedDecision {
  decision: Decision
  entry: HistoryEntry
}

/** A claim the editor added by selecting story text. */
export interface StoredEditorClaim {
  rowId: number
  kind: ClaimKind
  start: number
  end: number
  addedAt: string
}

export interface StoredCheck {
  summary: CheckSummary
  result: CheckResult
}

export interface ChecksStore {
  create(input: {
    storyId: number
    title: string
    sourceIds: number[] | null
    result: CheckResult
  }): Promise<CheckSummary>
  list(): Promise<CheckSummary[]>
  get(id: number): Promise<StoredCheck | null>
  /**
   * Whether the check's result has a claim with this id; null when there is no such check. Read
   * without loading the result into this process (a check of a long story is hundreds of KB of
   * JSON; a decide asks this on every call).
   */
  hasClaim(checkId: number, claimId: string): Promise<boolean | null>
  replaceResult(id: number, result: CheckResult): Promise<CheckSummary | null>
  /** The title the checks of a story are listed under, after its headline changed. */
  retitle(storyId: number, title: string): Promise<void>
  /** Changes the sources chosen for the check (null: all of the library) with the result made from them. */
  replaceSources(id: number, sourceIds: number[] | null, result: CheckResult): Promise<CheckSummary | null>
  delete(id: number): Promise<boolean>
  decisions(checkId: number): Promise<Decision[]>
  /**
   * Writes the decision and its history entry together (one transaction); returns both. With
   * `input.version`, only if that is still the claim's version: otherwise nothing is written and
   * it throws CONFLICT with the current decision (rows.ts, staleDecision). Two decides on one
   * version, in this process or through another server on the same database, never both succeed.
   * `actor` is who made it (a desk member's name, the checker's name, or null when unknown).
   */
  decide(input: DecisionInput, actor?: string | null): Promise<SavedDecision | null>
  /**
   * Reverses the last change of the check not yet undone (writing its "before" as a new entry),
   * or makes the last undone one again; null when there is none, or no such check. With
   * `entryId`, only if that is still the entry next in line: otherwise it throws CONFLICT with the
   * undo state as it is now (rows.ts, changedMeanwhile).
   */
  undo(checkId: number, entryId?: number, actor?: string | null): Promise<SavedDecision | null>
  redo(checkId: number, entryId?: number, actor?: string | null): Promise<SavedDecision | null>
  /**
   * Calls `listener` with every decision written to the check from now on (decide, undo, redo),
   * by this process or, for a shared database, by any other. Resolves, once the changes are being
   * heard, with the function that stops it.
   */
  watch(checkId: number, listener: DecisionListener): Promise<() => void>
  undoState(checkId: number): Promise<UndoState>
  history(checkId: number, claimId?: string): Promise<HistoryEntry[]>
  /** Records an editor's claim; null when that span and kind are already recorded. */
  addEditorClaim(
    checkId: number,
    claim: { kind: ClaimKind; start: number; end: number }
  ): Promise<StoredEditorClaim | null>
  editorClaims(checkId: number): Promise<StoredEditorClaim[]>
}

export interface CheckReviewOverview {
  checkId: number
  state: ReviewState
  assignee: string | null
}

export interface ReviewsStore {
  /** The check's assignee (claimId null) and its claims' assignees; none cleared. */
  assignments(checkId: number): Promise<Assignment[]>
  /**
   * Assigns the check (claimId null) or one of its claims to `assignee`, or clears it (null),
   * recording who did it (`by`) and when (a cleared one keeps who cleared it); false when there
   * is no such check.
   */
  assign(
    input: { checkId: number; claimId: string | null; assignee: string | null },
    by: string | null
  ): Promise<boolean>
  /** The check's review steps, oldest first. */
  history(checkId: number): Promise<ReviewEvent[]>
  /** Every check assigned or reviewed, with its review state and assignee: the checks list's column. */
  overview(): Promise<CheckReviewOverview[]>
  /**
   * Records a step from `from` to `to`, with the check's last decision entry, in one transaction;
   * null when there is no such check. Throws CONFLICT when the check is no longer in `from`
   * (someone took a step meanwhile): two reviewers never both act on one state.
   */
  record(
    input: { checkId: number; from: ReviewState; to: ReviewState; comment: string | null },
    actor: string | null
  ): Promise<ReviewEvent | null>
  /** Claims whose decision changed in an entry after `entryId` (null: after none, so every change). */
  claimsChangedAfter(checkId: number, entryId: number | null): Promise<string[]>
  /**
   * Calls `listener` whenever the check's review or assignments change from now on, by this
   * process or, for a shared database, by any other; resolves with the function that stops it.
   */
  watch(checkId: number, listener: FeedListener<object>): Promise<() => void>
}

export interface PreferencesStore {
  /** Every preference; null where none is set. */
  get(): Promise<Preferences>
  /**
   * Sets the preferences named in `changes` (null clears one; a key left out is kept), all in one
   * transaction, and returns every preference as now stored. Values must already be valid.
   */
  set(changes: Partial<Preferences>): Promise<Preferences>
}

export interface IndexedWord {
  term: string
  /** Paragraphs and headlines that hold it. */
  rows: number
}

export interface Vocabulary {
  /** Indexed words starting with `first` (one character, folded), of minLength to maxLength characters. */
  wordsStartingWith(first: string, minLength: number, maxLength: number): Promise<IndexedWord[]>
  /** Whether an indexed word starts with `prefix` (folded): the search would find it as a prefix. */
  hasPrefix(prefix: string): Promise<boolean>
  /** The word as a text of the library writes it ("kakmikawa" → "Kakmikawa"), or null when none does. */
  spelling(term: string): Promise<string | null>
}

/** A member as stored, with the hash their password is checked against. */
export interface StoredMember extends Member {
  passwordHash: string
}

export interface MembersStore {
  /** Adds a member; CONFLICT when the name is taken, whatever its case. */
  add(input: { name: string; role: MemberRole; passwordHash: string }): Promise<Member>
  /** Every member, active and disabled, by name. */
  list(): Promise<Member[]>
  /** The member of that name, whatever its case; null when there is none. */
  byName(name: string): Promise<StoredMember | null>
  /** Disables a member and ends their sessions; null for an unknown id. A disabled member stays disabled. */
  disable(id: number): Promise<Member | null>
  /** Lets a disabled member sign in again, with the password they had; null for an unknown id. */
  enable(id: number): Promise<Member | null>
  /**
   * Replaces a member's password hash and ends their sessions, except the one whose `idHash` is
   * `keepSession` (a member changing their own password stays signed in there); null for an
   * unknown id.
   */
  setPassword(id: number, passwordHash: string, keepSession?: string): Promise<Member | null>
  /** Active members with this role (a desk keeps at least one admin). */
  countActive(role: MemberRole): Promise<number>
}

export interface StoredSession {
  member: Member
  csrfToken: string
  expiresAt: string
}

export interface SessionsStore {
  /** `idHash` is a digest of the cookie's id: what the database holds cannot be replayed as a cookie. */
  create(input: { idHash: string; memberId: number; csrfToken: string; expiresAt: string }): Promise<void>
  /** The session and its member while it has not expired and the member is active; else null. */
  get(idHash: string, now: string): Promise<StoredSession | null>
  delete(idHash: string): Promise<void>
  /** Removes expired sessions; returns how many. */
  deleteExpired(now: string): Promise<number>
}
