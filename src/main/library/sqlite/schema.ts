// The library's schema as a list of migrations keyed by PRAGMA user_version: migration i takes
// a file from version i to i + 1. A file records how far it has come, so any older library is
// brought forward step by step, and a file from a newer build is recognised (and left alone).
// Never edit a migration that has shipped; add the next one.
import type { Database } from 'better-sqlite3'

export type Migration = (db: Database) => void

export const MIGRATIONS: readonly Migration[] = [
  // v1: texts, their paragraphs, and a full-text index over the paragraphs.
  (db) => {
    db.exec(`
      CREATE TABLE texts (
        id             INTEGER PRIMARY KEY,
        role           TEXT NOT NULL CHECK (role IN ('story', 'source')),
        format         TEXT NOT NULL,
        file_name      TEXT NOT NULL,
        title          TEXT,
        outlet         TEXT,
        byline         TEXT,
        published_at   TEXT,
        url            TEXT,
        encoding       TEXT NOT NULL,
        -- sha256 of the cleaned text with whitespace collapsed: the identity of an article
        -- regardless of the file it came in, so the same story saved as .txt and as .html is
        -- one text (the second import reports a duplicate).
        content_hash   TEXT NOT NULL UNIQUE,
        original_bytes BLOB NOT NULL,
        original_text  TEXT NOT NULL,
        cleaned_text   TEXT NOT NULL,
        removed_json   TEXT NOT NULL DEFAULT '[]',
        imported_at    TEXT NOT NULL,
        word_count     INTEGER NOT NULL
      );
      CREATE INDEX texts_role_imported ON texts (role, imported_at);
      CREATE INDEX texts_imported ON texts (imported_at);

      CREATE TABLE paragraphs (
        id      INTEGER PRIMARY KEY,
        text_id INTEGER NOT NULL REFERENCES texts (id) ON DELETE CASCADE,
        idx     INTEGER NOT NULL,
        start   INTEGER NOT NULL,
        text    TEXT NOT NULL,
        UNIQUE (text_id, idx)
      );

      -- External content: the index holds tokens only and reads paragraph text from the
      -- paragraphs table, so no text is stored twice. remove_diacritics 2 lets "cafe" find "café".
      CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
        text,
        content = 'paragraphs',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );

      -- New paragraphs are indexed by the library's own INSERT, in the same transaction (see
      -- library.ts). Measured: an AFTER INSERT trigger halved import speed. A trigger runs under
      -- a statement savepoint, and FTS5 flushes its pending terms at savepoints, so the index got
      -- many small segments per text instead of one. Deletes and updates stay on triggers so
      -- ON DELETE CASCADE from texts keeps the index right; they are rare.
      CREATE TRIGGER paragraphs_fts_delete AFTER DELETE ON paragraphs BEGIN
        INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER paragraphs_fts_update AFTER UPDATE OF text ON paragraphs BEGIN
        INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO paragraphs_fts (rowid, text) VALUES (new.id, new.text);
      END;
    `)
  },
  // v2: the newsroom's authority list of names (house spellings), read by the claim engine.
  (db) => {
    db.exec(`
      CREATE TABLE house_names (
        id       INTEGER PRIMARY KEY,
        name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
        note     TEXT,
        added_at TEXT NOT NULL
      );
    `)
  },
  // v3: checks (a story and the sources chosen for it, with the claim engine's last result) and
  // the editor's decisions, each change kept in a history.
  (db) => {
    db.exec(`
      CREATE TABLE checks (
        id              INTEGER PRIMARY KEY,
        story_id        INTEGER NOT NULL REFERENCES texts (id) ON DELETE CASCADE,
        title           TEXT NOT NULL,
        -- JSON array of text ids, or NULL for every source in the library.
        source_ids_json TEXT,
        -- The claim engine's result (CheckResult JSON): claims keep their ids across reruns, so
        -- decisions stay attached to them.
        result_json     TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      );
      CREATE INDEX checks_story ON checks (story_id);

      CREATE TABLE decisions (
        check_id       INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
        claim_id       TEXT NOT NULL,
        status         TEXT NOT NULL CHECK (status IN ('open', 'verified', 'disputed', 'corrected', 'dismissed')),
        corrected_text TEXT,
        note           TEXT,
        pinned_json    TEXT NOT NULL DEFAULT '[]',
        updated_at     TEXT NOT NULL,
        PRIMARY KEY (check_id, claim_id)
      );

      CREATE TABLE decision_history (
        id          INTEGER PRIMARY KEY,
        check_id    INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
        claim_id    TEXT NOT NULL,
        at          TEXT NOT NULL,
        before_json TEXT,
        after_json  TEXT NOT NULL
      );
      CREATE INDEX decision_history_claim ON decision_history (check_id, claim_id, id);
    `)
  },
  // v4: preferences kept with the library (so the app, serve mode and the CLI agree on the newsroom
  // and the checker's name), and claims an editor added by selecting story text, which the claim
  // engine did not find and which must survive every rerun.
  (db) => {
    db.exec(`
      CREATE TABLE preferences (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE manual_claims (
        id        INTEGER PRIMARY KEY,
        check_id  INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
        start     INTEGER NOT NULL CHECK (start >= 0),
        end       INTEGER NOT NULL CHECK (end > start),
        kind      TEXT NOT NULL,
        added_at  TEXT NOT NULL,
        UNIQUE (check_id, start, end)
      );
    `)
  },
  // v5: full-text indexing in batches. A text's row and its paragraphs still commit in the text's
  // own transaction, but its paragraphs reach paragraphs_fts later, with those of other texts, in
  // one transaction (library.ts: createIndexBatches). FTS5 writes a new index segment at every
  // commit, so indexing text by text made most of an import's cost. The index holds exactly the
  // paragraphs with id <= upto; those above wait for the next batch. Nothing waiting is lost to a
  // crash: opening a library, and every search, first indexes whatever waits. New paragraphs
  // always get ids above upto (a rowid is one more than the largest in the table, and upto never
  // exceeds the largest: a delete lowers it to what is left).
  (db) => {
    db.exec(`
      CREATE TABLE fts_indexed (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        upto INTEGER NOT NULL
      );
      INSERT INTO fts_indexed (id, upto) SELECT 1, coalesce(max(id), 0) FROM paragraphs;
    `)
  },
  // v6: undo and redo kept in the history. An entry written by Undo names the entry it reversed,
  // one written by Redo the entry it re-applied, so the undo stacks are rebuilt from the library
  // (core/decisions/undo-stacks.ts) and survive a reload. Older entries were all made by hand.
  (db) => {
    db.exec(`
      ALTER TABLE decision_history ADD COLUMN undoes INTEGER;
      ALTER TABLE decision_history ADD COLUMN redoes INTEGER;
      CREATE INDEX decision_history_check ON decision_history (check_id, id);
    `)
  },
  // v7: what a decision publishes, and headlines in the full-text search.
  // - publish: whether the claim goes into the public ClaimReview. Decisions made before there was
  //   a choice are not published (0): publishing is the editor's act, never a default.
  // - public_explanation: the reviewBody a reader sees, kept apart from the private note. History
  //   entries are decisions as JSON, so each gets the two fields with the same values.
  // - titles_fts: the headlines, with the paragraphs' tokenizer so a query means the same in both.
  //   Headlines are indexed in the paragraphs' batches (texts with id > titles_upto wait), so the
  //   triggers touch only headlines already in the index: a 'delete' of a row FTS5 never indexed
  //   would corrupt it. A text without a headline is indexed too (no terms), for the same reason
  //   and because FTS5's integrity check expects a row for every row of texts.
  (db) => {
    db.exec(`
      ALTER TABLE decisions ADD COLUMN publish INTEGER NOT NULL DEFAULT 0 CHECK (publish IN (0, 1));
      ALTER TABLE decisions ADD COLUMN public_explanation TEXT;
      UPDATE decision_history SET
        before_json = CASE WHEN before_json IS NULL THEN NULL
          ELSE json_set(before_json, '$.publish', json('false'), '$.publicExplanation', NULL) END,
        after_json = json_set(after_json, '$.publish', json('false'), '$.publicExplanation', NULL);

      CREATE VIRTUAL TABLE titles_fts USING fts5(
        title,
        content = 'texts',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      ALTER TABLE fts_indexed ADD COLUMN titles_upto INTEGER NOT NULL DEFAULT 0;
      INSERT INTO titles_fts (rowid, title) SELECT id, title FROM texts ORDER BY id;
      UPDATE fts_indexed SET titles_upto = (SELECT coalesce(max(id), 0) FROM texts);

      CREATE TRIGGER titles_fts_delete AFTER DELETE ON texts
      WHEN old.id <= (SELECT titles_upto FROM fts_indexed) BEGIN
        INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', old.id, old.title);
      END;
      CREATE TRIGGER titles_fts_update AFTER UPDATE OF title ON texts
      WHEN old.id <= (SELECT titles_upto FROM fts_indexed) BEGIN
        INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', old.id, old.title);
        INSERT INTO titles_fts (rowid, title) VALUES (new.id, new.title);
      END;
    `)
  },
  // v8: each decision's version, so a decision made on a screen that had not seen the latest one
  // is refused instead of overwriting it. A decision changed once per history entry of its claim,
  // so that count is its version (at least 1: a decision row exists).
  (db) => {
    db.exec(`
      ALTER TABLE decisions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      UPDATE decisions SET version = max(1, (SELECT count(*) FROM decision_history h
        WHERE h.check_id = decisions.check_id AND h.claim_id = decisions.claim_id));
    `)
  },
  // v9: a desk's members and their sessions, and who made each decision and history entry.
  // - name_key is the name folded (member-name.ts): names are unique whatever their case, beyond
  //   ASCII too, which COLLATE NOCASE is not.
  // - password_hash holds the scrypt parameters and salt with the hash (passwords.ts).
  // - A session is stored by a digest of its cookie's id, so a copy of the database signs no one in.
  // - actor is a member's name, the checker's name in single-user mode, or NULL (earlier entries).
  (db) => {
    db.exec(`
      CREATE TABLE members (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        name_key      TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('checker', 'reviewer', 'admin')),
        created_at    TEXT NOT NULL,
        disabled_at   TEXT
      );

      CREATE TABLE sessions (
        id_hash    TEXT PRIMARY KEY,
        member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_member ON sessions (member_id);
      CREATE INDEX sessions_expires ON sessions (expires_at);

      ALTER TABLE decisions ADD COLUMN actor TEXT;
      ALTER TABLE decision_history ADD COLUMN actor TEXT;
    `)
  },
  // v10: a text's bodies (the file's bytes, its text as imported and as cleaned) move out of texts
  // into text_bodies. SQLite stores a row's columns in order, and a column past a big one is
  // reached by walking the big one's overflow pages: with a 48 MB text, reading its word count or
  // import time took 70 ms and the Library's list stalled. And length() or substr() of a text loads
  // all of it (250 ms for 48 MB), so texts keeps the original's length, and text_bodies its first
  // 200,000 characters (what the reader shows as imported, READER_ORIGINAL_CHARS) in a column of
  // its own ahead of the big ones. Within text_bodies the original's bytes come last: only a
  // download of the file reads them. The copy doubles the file's size until the next VACUUM.
  (db) => {
    db.exec(`
      CREATE TABLE text_bodies (
        text_id        INTEGER PRIMARY KEY REFERENCES texts (id) ON DELETE CASCADE,
        original_head  TEXT NOT NULL,
        cleaned_text   TEXT NOT NULL,
        original_text  TEXT NOT NULL,
        original_bytes BLOB NOT NULL
      );
      INSERT INTO text_bodies (text_id, original_head, cleaned_text, original_text, original_bytes)
        SELECT id, substr(original_text, 1, 200000), cleaned_text, original_text, original_bytes FROM texts;
      ALTER TABLE texts ADD COLUMN original_length INTEGER NOT NULL DEFAULT 0;
      UPDATE texts SET original_length = length(original_text);
      ALTER TABLE texts DROP COLUMN original_bytes;
      ALTER TABLE texts DROP COLUMN original_text;
      ALTER TABLE texts DROP COLUMN cleaned_text;
    `)
  },
  // v11: assignment and review of checks (desk mode's "working together").
  // - assignments: who checks a check (claim_id '', see review-rows.ts) or one of its claims. A
  //   cleared assignment keeps its row, assignee NULL, so who cleared it and when stay on record.
  // - review_history: every step of a check's review; the last one is its state (none: in
  //   progress). decision_entry is the check's last decision_history id when the step was taken,
  //   so what changed since a review is read from the history, not from clocks that may disagree.
  (db) => {
    db.exec(`
      CREATE TABLE assignments (
        check_id    INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
        claim_id    TEXT NOT NULL,
        assignee    TEXT,
        assigned_by TEXT,
        assigned_at TEXT NOT NULL,
        PRIMARY KEY (check_id, claim_id)
      );

      CREATE TABLE review_history (
        id             INTEGER PRIMARY KEY,
        check_id       INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
        state          TEXT NOT NULL CHECK (state IN ('in_progress', 'ready', 'approved', 'returned')),
        actor          TEXT,
        at             TEXT NOT NULL,
        comment        TEXT,
        decision_entry INTEGER
      );
      CREATE INDEX review_history_check ON review_history (check_id, id);
    `)
  }
]

/** The schema version this build writes and reads up to. */
export const SCHEMA_VERSION = MIGRATIONS.length

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Runs the migrations from the file's version up to `target` (tests stop early to build old
 * libraries). Each step and its version bump commit together, so a crash mid-upgrade leaves the
 * file at the last complete version rather than half-way between two.
 */
export function migrate(db: Database, target: number = SCHEMA_VERSION): void {
  for (let version = schemaVersion(db); version < target; version++) {
    const step = MIGRATIONS[version]
    if (!step) throw new Error(`No migration from schema version ${version}.`)
    db.transaction(() => {
      step(db)
      // user_version lives in the file header and changes inside the transaction like any page.
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
