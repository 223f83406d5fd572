// A desk under load (issue #14): 20 editors signed in over HTTP deciding on one check at once,
// with claims they share and race for, then every decision counted back from the database; and
// search on a 100,000-text library. On PostgreSQL (a throwaway cluster of its own, as
// scripts/pg-cluster.mjs starts) and on SQLite (`factdesk serve --library FILE --desk`), side
// by side. Without PostgreSQL binaries its half is skipped with the reason.
// FACTDESK_BENCH_DESK_TEXTS=N fills N texts instead of 100,000 (for trying the bench out).
import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { longStory } from '../e2e/support/long-story'
import { hashPassword } from '../src/main/desk/passwords'
import type { Library } from '../src/main/library'
import { openDesk, openPostgresLibrary } from '../src/main/library/postgres'
import { openLibrary, SCHEMA_VERSION } from '../src/main/library/sqlite'
import { importFiles } from '../src/main/services/importer'
import type { Decision, HistoryEntry } from '../src/shared/workbench'
import { bareInsert } from '../src/test-support/library/bare-insert'
import { bareInsertPostgres } from '../src/test-support/library/bare-insert-postgres'
import { bareTexts, loadCorpus, makeQueries, type Corpus } from './library-corpus'

type Report = (section: string, lines: string[]) => void

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..')
const SAMPLES = join(ROOT, 'resources', 'samples', 'iwaya-kyiv-2024')
const SOURCES = ['001_1e9aa42e73f21370.txt', '002_9a41b40ebb447b2c.txt', '003_d0b03767b9ee34bf.txt']

const EDITORS = 20
/** Decisions each editor makes in each of the two phases. */
const DECISIONS_PER_EDITOR = 50
/** One decision in CONTESTED_EVERY is on a claim every editor works on; the rest on the editor's own. */
const CONTESTED_EVERY = 5
const CONTESTED_CLAIMS = 10
/** Rounds in which all editors decide one claim at the same moment on the same version. */
const RACES = 5
/** The paced phase: an editor pauses this long (uniformly) between decisions. */
const PAUSE_MS: [number, number] = [100, 400]
/** About three claims a sentence. */
const STORY_SENTENCES = 300
const TEXTS = Number(process.env['FACTDESK_BENCH_DESK_TEXTS'] ?? 100_000)
const QUERIES = 200
const PASSWORD = 'bench passphrase, long enough'
const STATUSES = ['verified', 'disputed', 'corrected'] as const

const DECISION_TARGET_MS = 50
const SEARCH_TARGET_MS = 150

// ---------------------------------------------------------------------------------------------
// HTTP as a browser on a desk sends it: the session cookie, the CSRF header, the page's Origin.

interface Reply {
  status: number
  body: {
    result?: unknown
    error?: { code: string; message: string; details?: { current?: Decision | null } }
  }
  setCookie: string
  ms: number
}

class Browser {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 })
  private cookie = ''
  private csrf = ''
  constructor(
    private readonly origin: string,
    readonly name: string
  ) {}

  /**
   * A kept-alive connection the server closed for idleness (5 s) just as a request went out on it
   * fails at once with ECONNRESET or "socket hang up"; a browser then sends the request again on a
   * new connection, and so does this (Node's documented pattern). The time counted is the retry's.
   */
  async post(path: string, body: unknown): Promise<Reply> {
    try {
      return await this.postOnce(path, body)
    } catch (error) {
      if (!(error as { reusedSocket?: boolean }).reusedSocket) throw error
      return this.postOnce(path, body)
    }
  }

  private postOnce(path: string, body: unknown): Promise<Reply> {
    const url = new URL(path, this.origin)
    const payload = JSON.stringify(body)
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Origin: this.origin,
      'Content-Length': String(Buffer.byteLength(payload))
    }
    if (this.cookie) headers['Cookie'] = this.cookie
    if (this.csrf) headers['X-Factdesk-CSRF'] = this.csrf
    const started = performance.now()
    return new Promise((resolvePromise, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers,
          agent: this.agent
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => {
            const ms = performance.now() - started
            const text = Buffer.concat(chunks).toString('utf8')
            resolvePromise({
              status: res.statusCode ?? 0,
              body: JSON.parse(text || '{}') as Reply['body'],
              setCookie: String(res.headers['set-cookie'] ?? ''),
              ms
            })
          })
        }
      )
      req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })))
      req.end(payload)
    })
  }

  async signIn(): Promise<number> {
    const reply = await this.post('/auth/login', { name: this.name, password: PASSWORD })
    if (reply.status !== 200) throw new Error(`${this.name} could not sign in: ${JSON.stringify(reply.body)}`)
    this.cookie = reply.setCookie.split(';')[0]!
    this.csrf = String((reply.body.result as { csrfToken: string }).csrfToken)
    return reply.ms
  }

  async api<T>(method: string, input: unknown): Promise<T> {
    const reply = await this.post(`/api/${method}`, input)
    if (reply.status !== 200) throw new Error(`${method}: ${reply.status} ${JSON.stringify(reply.body)}`)
    return reply.body.result as T
  }

  close(): void {
    this.agent.destroy()
  }
}

// ---------------------------------------------------------------------------------------------
// The server: bench/desk-server.ts in a child process.

interface Served {
  origin: string
  stop(): Promise<void>
}

async function serve(kind: 'database' | 'library', where: string): Promise<Served> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', 'desk-server.ts'), kind, where],
    { stdio: ['ignore', 'pipe', 'inherit'], cwd: ROOT }
  )
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  const origin = await new Promise<string>((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      const match = /^listening (\S+)$/.exec(line)
      if (match) resolvePromise(match[1]!)
    })
    void exited.then((code) => reject(new Error(`the desk server exited (${code}) before listening`)))
  })
  return {
    origin,
    async stop() {
      child.kill('SIGTERM')
      await exited
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics.

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
}
const fmt = (ms: number): string => `${ms.toFixed(1)} ms`
const verdict = (ok: boolean): string => (ok ? '✓' : '✗')
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ')

// ---------------------------------------------------------------------------------------------
// The editors.

interface Accepted {
  editor: string
  claimId: string
  note: string
  entryId: number
  version: number
}

interface Phase {
  name: string
  accepted: Accepted[]
  refusedNotes: string[]
  acceptedMs: number[]
  refusedMs: number[]
  /** The races' decisions (all editors at once on one claim), measured apart from the rest. */
  raceMs: number[]
  seconds: number
}

function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Editor {
  /** The version of each claim's decision as this editor last saw it (0: undecided). */
  readonly seen = new Map<string, number>()
  private made = 0
  constructor(
    readonly browser: Browser,
    readonly index: number
  ) {}

  /** One decision as the app sends it: on the version seen; a refusal shows the editor the current one. */
  async decide(checkId: number, claimId: string, phase: Phase, race = false): Promise<void> {
    const n = this.made++
    const status = STATUSES[(this.index + n) % STATUSES.length]!
    const note = `${this.browser.name} #${n} on ${claimId}`
    const version = this.seen.get(claimId) ?? 0
    const reply = await this.browser.post('/api/checks.decide', {
      checkId,
      claimId,
      status,
      correctedText: status === 'corrected' ? `corrected by ${this.browser.name} (${n})` : null,
      note,
      version
    })
    if (reply.status === 200) {
      const saved = reply.body.result as { decision: Decision; entry: HistoryEntry }
      this.seen.set(claimId, saved.decision.version)
      phase.accepted.push({
        editor: this.browser.name,
        claimId,
        note,
        entryId: saved.entry.id,
        version: saved.decision.version
      })
      ;(race ? phase.raceMs : phase.acceptedMs).push(reply.ms)
    } else if (reply.status === 409 && reply.body.error?.code === 'CONFLICT') {
      this.seen.set(claimId, reply.body.error.details?.current?.version ?? 0)
      phase.refusedNotes.push(note)
      ;(race ? phase.raceMs : phase.refusedMs).push(reply.ms)
    } else {
      throw new Error(`checks.decide by ${this.browser.name}: ${reply.status} ${JSON.stringify(reply.body)}`)
    }
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

async function runPhase(
  name: string,
  editors: Editor[],
  checkId: number,
  own: string[][],
  contested: string[],
  paced: boolean
): Promise<Phase> {
  const phase: Phase = {
    name,
    accepted: [],
    refusedNotes: [],
    acceptedMs: [],
    refusedMs: [],
    raceMs: [],
    seconds: 0
  }
  const started = performance.now()
  // Races: every editor at once on one contested claim, all on the version the first of them saw.
  for (let race = 0; race < RACES; race++) {
    const claimId = contested[race % contested.length]!
    // The version now, as the check's page shows it to everyone (not timed).
    const detail = await editors[0]!.browser.api<{ decisions: Decision[] }>('checks.get', { id: checkId })
    const version = detail.decisions.find((d) => d.claimId === claimId)?.version ?? 0
    for (const editor of editors) editor.seen.set(claimId, version)
    await Promise.all(editors.map((editor) => editor.decide(checkId, claimId, phase, true)))
  }
  await Promise.all(
    editors.map(async (editor) => {
      const random = prng(0xde5c + editor.index * 7919 + (paced ? 1 : 2))
      const mine = own[editor.index]!
      for (let n = 0; n < DECISIONS_PER_EDITOR; n++) {
        if (paced) await sleep(PAUSE_MS[0] + random() * (PAUSE_MS[1] - PAUSE_MS[0]))
        const claimId =
          n % CONTESTED_EVERY === CONTESTED_EVERY - 1
            ? contested[Math.floor(random() * contested.length)]!
            : mine[n % mine.length]!
        await editor.decide(checkId, claimId, phase)
      }
    })
  )
  phase.seconds = (performance.now() - started) / 1000
  return phase
}

// ---------------------------------------------------------------------------------------------
// Counting afterwards, from the database.

interface Count {
  accepted: number
  refused: number
  entries: number
  lost: number
  duplicated: number
  refusedWritten: number
  wrongVersion: number
  unexplained: number
  finalMismatch: number
}

async function countBack(library: Library, checkId: number, phases: Phase[]): Promise<Count> {
  const accepted = phases.flatMap((p) => p.accepted)
  const refused = new Set(phases.flatMap((p) => p.refusedNotes))
  const history = await library.checks.history(checkId)
  const decisions = await library.checks.decisions(checkId)
  const byId = new Map(history.map((entry) => [entry.id, entry]))
  const notes = new Map<string, number>()
  for (const entry of history) notes.set(entry.after.note ?? '', (notes.get(entry.after.note ?? '') ?? 0) + 1)
  let lost = 0
  let wrongVersion = 0
  for (const a of accepted) {
    const entry = byId.get(a.entryId)
    if (!entry || entry.after.note !== a.note || entry.claimId !== a.claimId || entry.actor !== a.editor)
      lost++
    else if (entry.after.version !== a.version || (entry.before?.version ?? 0) !== a.version - 1)
      wrongVersion++
  }
  const duplicated = [...notes.values()].filter((n) => n > 1).reduce((sum, n) => sum + n - 1, 0)
  const refusedWritten = [...refused].filter((note) => notes.has(note)).length
  const acceptedNotes = new Set(accepted.map((a) => a.note))
  const unexplained = history.filter((entry) => !acceptedNotes.has(entry.after.note ?? '')).length
  // Each claim's decision now: the last accepted one, at the version of its count of entries.
  const last = new Map<string, Accepted>()
  for (const a of [...accepted].sort((x, y) => x.entryId - y.entryId)) last.set(a.claimId, a)
  const perClaim = new Map<string, number>()
  for (const entry of history) perClaim.set(entry.claimId, (perClaim.get(entry.claimId) ?? 0) + 1)
  let finalMismatch = 0
  for (const decision of decisions) {
    const expected = last.get(decision.claimId)
    if (
      !expected ||
      decision.note !== expected.note ||
      decision.version !== expected.version ||
      decision.version !== perClaim.get(decision.claimId)
    )
      finalMismatch++
  }
  if (decisions.length !== last.size) finalMismatch += Math.abs(decisions.length - last.size)
  return {
    accepted: accepted.length,
    refused: refused.size,
    entries: history.length,
    lost,
    duplicated,
    refusedWritten,
    wrongVersion,
    unexplained,
    finalMismatch
  }
}

// ---------------------------------------------------------------------------------------------
// One store, start to end.

interface StoreResult {
  store: string
  fill: string
  signInMs: number[]
  claims: number
  phases: Phase[]
  count: Count
  search: { kind: string; ms: number; hits: number }[]
  misspelled: { ms: number; hits: number; suggestions: number }[]
  loadBefore: string
  loadAfter: string
}

/** How many mistyped words the search is asked for. */
const MISSPELLINGS = 20

/** Words of the corpus of 6 letters or more, each with two letters in its middle swapped. */
function misspellings(corpus: Corpus): string[] {
  const random = prng(7)
  const long = corpus.vocabulary.filter((w) => w.length >= 6)
  return Array.from({ length: MISSPELLINGS }, () => {
    const word = long[Math.floor(random() * long.length)]!
    const at = 1 + Math.floor(random() * (word.length - 3))
    return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
  })
}

/** Queries as the search box gets them: library-corpus's mix, plus the corpus's commonest words. */
function searchQueries(corpus: Corpus): { kind: string; text: string }[] {
  const counts = new Map<string, number>()
  for (const p of corpus.paragraphs)
    for (const w of p.match(/\p{L}{4,}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1)
  const common = corpus.vocabulary
    .filter((w) => counts.has(w))
    .sort((a, b) => counts.get(b)! - counts.get(a)!)
    .slice(0, 20)
  const queries: { kind: string; text: string }[] = makeQueries(corpus, QUERIES)
  // One in ten a very common word: thousands of matching paragraphs to rank.
  return queries.map((q, i) => (i % 10 === 5 ? { kind: 'common word', text: common[i % common.length]! } : q))
}

async function benchStore(
  store: 'PostgreSQL' | 'SQLite',
  where: string,
  corpus: Corpus,
  cacheDir: string
): Promise<StoreResult> {
  const loadBefore = load()
  // 1. The library: the bulk of texts, then the story and sources through the import.
  let fill: string
  const fillStarted = performance.now()
  if (store === 'PostgreSQL') {
    const desk = await openDesk(where)
    try {
      await bareInsertPostgres(desk.db, bareTexts(corpus, TEXTS))
      // What autovacuum does after a load this size, done before the clock starts rather than
      // while the editors work (the word counts' upserts leave dead rows; the visibility map and
      // the planner's statistics): a desk is searched long after its texts came in.
      await desk.db.query('VACUUM ANALYZE')
    } finally {
      await desk.close()
    }
    fill = `filled in ${((performance.now() - fillStarted) / 1000).toFixed(0)} s`
  } else {
    const cached = join(cacheDir, `desk-sqlite-v${SCHEMA_VERSION}-${TEXTS}.sqlite`)
    if (existsSync(cached)) {
      copyFileSync(cached, where)
      fill = `copied from the cache of an earlier run (${cached})`
    } else {
      await openLibrary(where).close()
      bareInsert(where, bareTexts(corpus, TEXTS))
      mkdirSync(cacheDir, { recursive: true })
      copyFileSync(where, `${cached}.partial`)
      renameSync(`${cached}.partial`, cached)
      fill = `filled in ${((performance.now() - fillStarted) / 1000).toFixed(0)} s`
    }
  }
  const library = store === 'PostgreSQL' ? await openPostgresLibrary(where) : openLibrary(where)
  const served: Served[] = []
  const browsers: Browser[] = []
  try {
    const encoder = new TextEncoder()
    const [story] = await importFiles(
      library,
      [{ name: 'desk-story.txt', bytes: encoder.encode(longStory(STORY_SENTENCES)) }],
      { role: 'story' }
    )
    const sources = await importFiles(
      library,
      SOURCES.map((name) => ({ name, path: join(SAMPLES, name) })),
      { role: 'source' }
    )
    if (story?.status !== 'imported') throw new Error('the story was not imported')
    const sourceIds = sources.flatMap((s) => (s.status === 'rejected' ? [] : [s.id]))

    // 2. The members, as `factdesk desk add-member` adds them (same hash parameters).
    const names = Array.from({ length: EDITORS }, (_, i) => `Editor ${String(i + 1).padStart(2, '0')}`)
    const passwordHash = await hashPassword(PASSWORD)
    await library.members.add({ name: 'Desk Admin', role: 'admin', passwordHash })
    for (const name of names) await library.members.add({ name, role: 'checker', passwordHash })

    // 3. The server, and everyone signing in at once.
    const server = await serve(store === 'PostgreSQL' ? 'database' : 'library', where)
    served.push(server)
    const admin = new Browser(server.origin, 'Desk Admin')
    browsers.push(admin)
    await admin.signIn()
    const editors = names.map((name, i) => {
      const browser = new Browser(server.origin, name)
      browsers.push(browser)
      return new Editor(browser, i)
    })
    const signInMs = await Promise.all(editors.map((e) => e.browser.signIn()))

    // 4. The check, computed by the server's check worker.
    const check = await admin.api<{ id: number }>('checks.create', { storyId: story.id, sourceIds })
    const detail = await editors[0]!.browser.api<{ result: { claims: { id: string }[] } }>('checks.get', {
      id: check.id
    })
    const claimIds = detail.result.claims.map((c) => c.id)
    if (claimIds.length < CONTESTED_CLAIMS + EDITORS * 4)
      throw new Error(`the check has only ${claimIds.length} claims`)
    const contested = claimIds.slice(0, CONTESTED_CLAIMS)
    const own = editors.map((_, i) => claimIds.slice(CONTESTED_CLAIMS).filter((_, n) => n % EDITORS === i))

    // 5. Deciding: paced, then flat out.
    const phases = [
      await runPhase('paced', editors, check.id, own, contested, true),
      await runPhase('flat out', editors, check.id, own, contested, false)
    ]

    // 6. Searching, as one editor types queries, one after another.
    const queries = searchQueries(corpus)
    const searcher = editors[1]!.browser
    for (const q of queries.slice(0, 10)) await searcher.post('/api/library.search', { query: q.text })
    const search: StoreResult['search'] = []
    for (const q of queries) {
      const reply = await searcher.post('/api/library.search', { query: q.text, limit: 50 })
      if (reply.status !== 200) throw new Error(`library.search ${q.text}: ${JSON.stringify(reply.body)}`)
      search.push({
        kind: q.kind,
        ms: reply.ms,
        hits: (reply.body.result as { hits: unknown[] }).hits.length
      })
    }
    // Words mistyped: most find nothing, and those are answered with spelling suggestions.
    const misspelled: StoreResult['misspelled'] = []
    for (const text of misspellings(corpus)) {
      const reply = await searcher.post('/api/library.search', { query: text, limit: 50 })
      if (reply.status !== 200) throw new Error(`library.search ${text}: ${JSON.stringify(reply.body)}`)
      const result = reply.body.result as { hits: unknown[]; suggestions: string[] }
      misspelled.push({ ms: reply.ms, hits: result.hits.length, suggestions: result.suggestions.length })
    }
    const loadAfter = load()

    for (const browser of browsers.splice(0)) browser.close()
    await served.pop()!.stop()
    // 7. Counting, with the server gone: what the database holds.
    const count = await countBack(library, check.id, phases)
    return {
      store,
      fill,
      signInMs,
      claims: claimIds.length,
      phases,
      count,
      search,
      misspelled,
      loadBefore,
      loadAfter
    }
  } finally {
    for (const browser of browsers) browser.close()
    for (const server of served) await server.stop()
    await library.close()
  }
}

// ---------------------------------------------------------------------------------------------

async function postgresAvailable(): Promise<{ url: string; stop(): void } | { skipped: string }> {
  const cluster = (await import(new URL('../scripts/pg-cluster.mjs', import.meta.url).href)) as {
    postgresBin(): string | null
    startCluster(settings?: Record<string, string>): Promise<{ url: string; stop(): void }>
  }
  if (!cluster.postgresBin())
    return {
      skipped: 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; set FACTDESK_PG_BIN)'
    }
  try {
    // A desk server's memory rather than the 128 MB default a throwaway test cluster keeps:
    // PostgreSQL's own advice for shared_buffers is a quarter of the machine's memory; 2 GB here
    // (a tenth of this one) holds the newest paragraphs a search reads, as a desk's server would.
    return await cluster.startCluster({ shared_buffers: '2GB', effective_cache_size: '8GB' })
  } catch (error) {
    return { skipped: `the PostgreSQL cluster did not start: ${(error as Error).message}` }
  }
}

export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-desk-bench-'))
  const cacheDir = join(tmpdir(), 'factdesk-bench-cache')
  const corpus = loadCorpus(SAMPLES)
  const results: StoreResult[] = []
  const skipped: string[] = []
  try {
    const cluster = await postgresAvailable()
    if ('skipped' in cluster) {
      console.log(`desk bench: PostgreSQL skipped: ${cluster.skipped}`)
      skipped.push(`PostgreSQL skipped: ${cluster.skipped}.`)
    } else {
      try {
        results.push(await benchStore('PostgreSQL', cluster.url, corpus, cacheDir))
      } finally {
        cluster.stop()
      }
    }
    results.push(await benchStore('SQLite', join(dir, 'desk.sqlite'), corpus, cacheDir))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  writeReport(report, results, skipped)
}

function writeReport(report: Report, results: StoreResult[], skipped: string[]): void {
  const texts = TEXTS.toLocaleString('en-US')
  const decisionRows: string[] = []
  const countRows: string[] = []
  for (const r of results) {
    for (const phase of r.phases) {
      const all = [...phase.acceptedMs, ...phase.refusedMs]
      const total = all.length + phase.raceMs.length
      const rate = Math.round(total / phase.seconds)
      const p95 = percentile(all, 95)
      decisionRows.push(
        `| ${r.store} | ${phase.name} | ${total} (${rate}/s) | ${phase.accepted.length} / ${phase.refusedNotes.length} | ` +
          `${fmt(percentile(all, 50))} | ${fmt(p95)} | ${fmt(Math.max(...all))} | ${fmt(percentile(phase.refusedMs, 95))} | ` +
          `${fmt(percentile(phase.raceMs, 50))} / ${fmt(Math.max(...phase.raceMs))} | ` +
          `${phase.name === 'paced' ? `≤ ${DECISION_TARGET_MS} ms ${verdict(p95 <= DECISION_TARGET_MS)}` : '(stress: no target)'} |`
      )
    }
    const c = r.count
    const clean =
      c.lost + c.duplicated + c.refusedWritten + c.wrongVersion + c.unexplained + c.finalMismatch === 0
    countRows.push(
      `| ${r.store} | ${c.accepted} | ${c.entries} | ${c.refused} | ${c.lost} | ${c.duplicated} | ${c.refusedWritten} | ` +
        `${c.wrongVersion} | ${c.unexplained} | ${c.finalMismatch} | 0 lost, 0 duplicated ${verdict(clean)} |`
    )
  }
  const searchRows = results.map((r) => {
    const ms = r.search.map((s) => s.ms)
    const hits = r.search.reduce((sum, s) => sum + s.hits, 0) / r.search.length
    return (
      `| ${r.store} | ${texts} | ${fmt(percentile(ms, 50))} | ${fmt(percentile(ms, 95))} | ${fmt(Math.max(...ms))} | ` +
      `${hits.toFixed(1)} | ≤ ${SEARCH_TARGET_MS} ms ${verdict(percentile(ms, 95) <= SEARCH_TARGET_MS)} |`
    )
  })
  const byKind = results.map((r) => {
    const kinds = [...new Set(r.search.map((s) => s.kind))]
    return `- ${r.store}, p50 / p95 by kind of query: ${kinds
      .map((kind) => {
        const ms = r.search.filter((s) => s.kind === kind).map((s) => s.ms)
        return `${kind} ${percentile(ms, 50).toFixed(1)} / ${percentile(ms, 95).toFixed(1)} ms (${ms.length})`
      })
      .join('; ')}`
  })
  const misspelledRows = results.map((r) => {
    const nothing = r.misspelled.filter((m) => m.hits === 0)
    const ms = nothing.map((m) => m.ms)
    if (ms.length === 0) return `- ${r.store}, mistyped words (${MISSPELLINGS}): every one found something`
    return (
      `- ${r.store}, mistyped words (${MISSPELLINGS}, two inner letters swapped): ${nothing.length} found nothing, ` +
      `answered with spelling suggestions in p50 ${fmt(percentile(ms, 50))} / max ${fmt(Math.max(...ms))}; ` +
      `suggestions offered for ${nothing.filter((m) => m.suggestions > 0).length} of them`
    )
  })
  const context = results.map(
    (r) =>
      `- ${r.store}: ${texts} texts ${r.fill}; a check of ${r.claims.toLocaleString('en-US')} claims; ` +
      `${EDITORS} sign-ins at once p50 ${fmt(percentile(r.signInMs, 50))}, max ${fmt(Math.max(...r.signInMs))} (scrypt); ` +
      `load average (1 / 5 / 15 min) ${r.loadBefore} before, ${r.loadAfter} after.`
  )
  report('Desk: 20 editors deciding on one check, and search on 100,000 texts', [
    `${EDITORS} editors and an admin, added to the store with the hash \`factdesk desk add-member\` makes, sign in`,
    'over HTTP (POST /auth/login, session cookie, CSRF header, Origin) to a desk served on 127.0.0.1 by',
    'bench/desk-server.ts in a process of its own: the handlers, sign-in and checks of `factdesk serve` (PostgreSQL:',
    '`--database` on a throwaway cluster started as scripts/pg-cluster.mjs starts one, fsync off, with shared_buffers 2 GB as a desk server would have (test clusters keep the 128 MB default); SQLite:',
    '`--library FILE --desk`, a desk on a library file, WAL), workers from the TypeScript sources, no UI served.',
    `The admin creates a check of a generated story (${STORY_SENTENCES} sentences) against three sample sources`,
    `through checks.create. Each editor then makes ${DECISIONS_PER_EDITOR} decisions in each phase, every one on the`,
    'version of the claim it last saw (as the app sends them): four in five on claims of its own, one in five on',
    `${CONTESTED_CLAIMS} claims every editor works on; a refusal (409 CONFLICT) shows it the current version, as the`,
    `app does. Each phase opens with ${RACES} races: all ${EDITORS} editors deciding one claim at the same moment on the`,
    `same version (one wins, ${EDITORS - 1} are refused). Paced: each editor pauses ${PAUSE_MS[0]}–${PAUSE_MS[1]} ms`,
    'between decisions (some 60 decisions a second for the desk: far busier than people are), and the',
    'target is judged there; flat out: no pause, every editor sending the next decision as the last is',
    'answered (the server saturated: a stress figure, no target). Latency is from sending checks.decide',
    'to the whole answer read, on the same 2-core machine as the server, the database and the 20 clients.',
    'p50 / p95 / max are over the decisions outside the races, refusals included (refused p95: the',
    'refusals alone); the races, 20 requests arriving in the same millisecond and answered one after',
    'another, are given apart (their last answer waits for the 19 before it).',
    '',
    '| store | phase | decisions (rate) | accepted / refused | p50 | p95 | max | refused p95 | races p50 / max | target p95 |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...decisionRows,
    '',
    "Counted afterwards with the server stopped, from the check's history and decisions in the database:",
    'lost = an accepted decision whose entry (id, claim, note, editor) is missing; duplicated = a note',
    'recorded more than once; refused written = a refused decision found in the history; wrong version =',
    'an entry whose before/after versions are not the ones the editor was answered; unexplained = an entry',
    'no accepted decision accounts for; final = claims whose decision now is not the last accepted one at',
    'the version of its number of entries.',
    '',
    '| store | accepted | history entries | refused | lost | duplicated | refused written | wrong version | unexplained | final | target |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...countRows,
    '',
    `Search: ${QUERIES} queries through library.search over HTTP by one signed-in editor, one after another`,
    '(limit 50, headlines and snippets, spelling suggestions when nothing matches), after 10 warm-up',
    "queries: library-corpus's mix (single words, word pairs, 4-letter prefixes, quoted phrases) with one",
    `in ten a very common word. The ${texts} generated news texts (about 20 paragraphs each) are written`,
    "in bulk, not through the import: on SQLite by test-support/library/bare-insert.ts (the library's tables",
    'and its own FTS5 index batches, as library.bench does); on PostgreSQL by bare-insert-postgres.ts',
    "(the columns importDocument writes, computed with the store's own contentHash, countWords and",
    "paragraphStarts, a thousand texts a statement; the tsvectors and GIN indexes are PostgreSQL's own;",
    'then VACUUM ANALYZE, as autovacuum would after such a load). A query ranks at most the newest 5,000 matching',
    'paragraphs (SQLite: the newest 5,000 of all; PostgreSQL: of the newest 200,000 paragraphs, then',
    'of windows reaching four times further back each, only while a window holds fewer matches than the',
    "list needs; each window's matches come from the GIN index ANDed with a BRIN index on id:",
    'search-limits.ts, postgres/library.ts).',
    '',
    '| store | texts | p50 | p95 | max | hits per query | target p95 |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...searchRows,
    '',
    ...byKind,
    ...misspelledRows,
    ...context,
    ...skipped.map((s) => `- ${s}`)
  ])
}
