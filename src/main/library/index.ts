// The store's interface and what every implementation shares. Services, api handlers and the CLI
// import from here; only the places that open a store (app, CLI commands, tests) name one
// (./sqlite, ./postgres).
export type {
  ChecksStore,
  HouseName,
  ImportDocumentInput,
  ImportDocumentResult,
  IndexedWord,
  Library,
  ListOptions,
  Passage,
  PassageOptions,
  PreferencesStore,
  SavedDecision,
  StoredCheck,
  StoredEditorClaim,
  Vocabulary
} from './store'
export { foldTerm } from './fold-term'
export { queryWords, type QueryWord } from './fts-query'
export { libraryTooNew } from './too-new'
