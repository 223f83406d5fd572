// How much of a very common word's matches a search ranks, in both stores: ranking costs per
// match (bm25 on SQLite, ts_rank on PostgreSQL), and a word in hundreds of thousands of
// paragraphs ranks by little more than paragraph length. A search ranks the newest this many
// matches (a query with fewer is ranked whole); the best older matches are not looked at.

/**
 * Matching paragraphs ranked, newest first. SQLite: 10,000 kept the 10,000-text p95 near its
 * 20 ms target on a busy machine (measured 10–19 ms), 5,000 well under it (7–12 ms).
 * PostgreSQL: ranking every match of a common word on 100,000 texts took 0.5–2.8 s
 * (bench/desk.bench.ts); it ranks the newest 5,000 matches among its newest rows first
 * (postgres/library.ts, searchedMatches).
 */
export const SEARCH_CANDIDATES = 5_000

/** A search's list gives headlines at most 1/HEADLINE_SHARE of its places. */
export const HEADLINE_SHARE = 5

/**
 * Matching headlines ranked, newest first (it shows ten at most). Measured on SQLite with 30,000
 * texts and a word in a third to two thirds of the headlines: 2–5 ms to rank 1,000, 6–11 ms to
 * rank 5,000.
 */
export const HEADLINE_CANDIDATES = 1_000
