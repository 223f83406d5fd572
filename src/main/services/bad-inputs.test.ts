// The committed corpus of bad inputs (e2e/fixtures/bad-inputs, made by scripts/make-bad-inputs.mjs)
// imported the way the app imports a drop: one batch, through importFiles, into a real library
// file. Each file must get the outcome expected.json gives it, a refusal must explain itself and
// leave the library exactly as it was, and nothing executable may survive into a stored text.
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportOutcome, TextDetail } from '../../shared/domain'
import type { SqliteLibrary as Library } from '../library/sqlite'
import { openLibrary } from '../library/sqlite'
import { testWorkers } from '../../test-support/workers'
import { importFiles, type ImportInput } from './importer'

const CORPUS = resolve(__dirname, '../../../e2e/fixtures/bad-inputs')

interface Expectation {
  name: string
  about: string
  outcome: 'imported' | 'rejected'
  code?: string
  reason?: string
  contains?: string[]
  absent?: string[]
}
type Recipe =
  { kind: 'lines'; bytes: number; line: string } | { kind: 'single-line'; bytes: number; unit: string }
interface Expected {
  files: Expectation[]
  generated: Array<Expectation & { recipe: Recipe }>
}

const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Expected

/** The big inputs are too large to commit; expected.json says how to make them. */
function generate(recipe: Recipe): Buffer {
  if (recipe.kind === 'lines') return Buffer.alloc(recipe.bytes, recipe.line)
  const parts: string[] = []
  let size = 0
  for (let n = 0; size < recipe.bytes; n++) {
    const unit = recipe.unit.replace('NNNNNN', String(n).padStart(6, '0'))
    parts.push(unit)
    size += Buffer.byteLength(unit)
  }
  // Cut at a unit boundary below the size, then drop the trailing space: a single line, no break.
  return Buffer.from(parts.join('').slice(0, recipe.bytes).trimEnd(), 'utf8')
}

// What a user can see of a stored text apart from the verbatim original (which is evidence of
// what arrived, shown only as text): every field that came out of parsing and cleaning.
function derivedFields(text: TextDetail): string[] {
  return [
    text.title ?? '',
    text.outlet ?? '',
    text.byline ?? '',
    text.url ?? '',
    text.publishedAt ?? '',
    text.cleanedText,
    ...text.paragraphs.map((p) => p.text),
    ...text.removed.map((r) => r.text)
  ]
}

// Catches the executable URL however it is spelled: a tab or newline inside the scheme still runs.
const JAVASCRIPT_URL = /j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i
const MARKUP = /<\s*\/?\s*(script|iframe|object|embed|svg|img|link|style)\b|\son\w+\s*=/i

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex')

/** Every text in the library with its content hash and a hash of its stored original bytes. */
async function snapshot(library: Library): Promise<Map<number, string>> {
  const { texts, total } = await library.list({ limit: 10_000, offset: 0 })
  expect(total).toBe(await library.count())
  const hashes = new Map<number, string>()
  for (const t of texts) {
    const detail = (await library.get(t.id))!
    const original = (await library.originalBytes(t.id))!
    hashes.set(t.id, `${detail.contentHash}:${sha256(original)}:${sha256(detail.cleanedText)}`)
  }
  return hashes
}

let dir: string
let library: Library
let inputs: ImportInput[]
let outcomes: ImportOutcome[]
const all = [...expected.files, ...expected.generated]
/** After each file of the batch: the outcome and the library as it stood right after. */
const steps: Array<{ outcome: ImportOutcome; before: Map<number, string>; after: Map<number, string> }> = []
const CONTROL = 'control-after-bad.txt'

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-bad-inputs-'))
  library = openLibrary(join(dir, 'library.sqlite'))
  // A library that already holds work: a refusal must leave existing texts untouched too.
  await importFiles(library, [
    {
      name: 'existing.txt',
      bytes: new TextEncoder().encode(
        'Existing story\n\nThe mayor opened the new library on Saturday with 300 guests.\n'
      )
    }
  ])
  for (const g of expected.generated) writeFileSync(join(dir, g.name), generate(g.recipe))
  inputs = [
    ...expected.files.map((f) => ({ name: f.name, path: join(CORPUS, f.name) })),
    ...expected.generated.map((g) => ({ name: g.name, path: join(dir, g.name) })),
    // A good file last, so every bad file in the corpus has something after it to not stop.
    {
      name: CONTROL,
      bytes: new TextEncoder().encode(
        'Control text\n\nThe ferry carried 1,200 passengers on its first day of service.\n'
      )
    }
  ]
  let before = await snapshot(library)
  outcomes = await importFiles(library, inputs, {
    onProgress: async (_done, _total, outcome) => {
      const after = await snapshot(library)
      steps.push({ outcome, before, after })
      before = after
    }
  })
}, 180_000)

afterAll(async () => {
  await library?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('the bad-inputs corpus imported in one batch', () => {
  it('lists every committed file in expected.json, and nothing that is not there', () => {
    const onDisk = readdirSync(CORPUS)
      .filter((n) => n !== 'expected.json')
      .sort()
    expect(onDisk).toEqual(expected.files.map((f) => f.name).sort())
    // Issue #12 asks for at least 25 kinds of bad input (the committed files and those made here).
    expect(all.length).toBeGreaterThanOrEqual(25)
    // The corpus must exercise both sides, or a test that only checks one of them passes vacuously.
    expect(all.filter((e) => e.outcome === 'rejected').length).toBeGreaterThanOrEqual(8)
    expect(all.filter((e) => e.outcome === 'imported').length).toBeGreaterThanOrEqual(8)
  })

  it('went on after every bad file: one outcome per file, in order, the last file imported', () => {
    expect(outcomes.map((o) => o.name)).toEqual(inputs.map((i) => i.name))
    expect(steps.map((s) => s.outcome.name)).toEqual(inputs.map((i) => i.name))
    expect(outcomes.at(-1)).toMatchObject({ name: CONTROL, status: 'imported' })
  })

  it.each(all.map((e) => [e.name, e] as const))('%s gets its expected outcome', async (name, want) => {
    const outcome = outcomes.find((o) => o.name === name)!
    expect(outcome, want.about).toBeDefined()
    expect(outcome.status, `${name}: ${want.about}`).toBe(want.outcome)
    if (outcome.status === 'rejected') {
      expect(outcome.code).toBe(want.code)
      expect(outcome.message).toContain(name)
      expect(outcome.message).toContain(want.reason)
      // A sentence for an editor: no stack, no error class, no errno, no placeholder leaking through.
      expect(outcome.message).not.toMatch(
        /\bat .+:\d+:\d+|Error:|\bE[A-Z]{3,}\b|undefined|\bnull\b|\[object|NaN/
      )
      expect(outcome.message.length).toBeLessThan(300)
      return
    }
    if (outcome.status !== 'imported') return
    const text = (await library.get(outcome.id))!
    expect(text.fileName).toBe(name)
    for (const phrase of want.contains ?? [])
      expect(text.cleanedText, `${name} cleaned text`).toContain(phrase)
    for (const field of derivedFields(text)) {
      for (const bad of want.absent ?? [])
        expect(field, `${name} must not carry ${JSON.stringify(bad)}`).not.toContain(bad)
    }
  })

  it('a refused file left the library exactly as it was; an imported one added one text and changed no other', async () => {
    const rejected = steps.filter((s) => s.outcome.status === 'rejected')
    expect(rejected.length).toBe(all.filter((e) => e.outcome === 'rejected').length)
    for (const step of steps) {
      if (step.outcome.status === 'rejected') {
        expect(step.after, `${step.outcome.name} changed the library`).toEqual(step.before)
        continue
      }
      const added = [...step.after.keys()].filter((id) => !step.before.has(id))
      expect(added, step.outcome.name).toEqual(step.outcome.status === 'imported' ? [step.outcome.id] : [])
      for (const [id, hash] of step.before)
        expect(step.after.get(id), `${step.outcome.name} touched text ${id}`).toBe(hash)
    }
    expect(await library.count()).toBe(1 + outcomes.filter((o) => o.status === 'imported').length)
    expect(await library.integrityCheck()).toEqual({ ok: true, problems: [] })
  })

  it('no stored text carries script, frame or handler markup or a javascript: URL, and search cannot find them', async () => {
    const imported = outcomes.filter((o) => o.status === 'imported')
    expect(imported.length).toBeGreaterThanOrEqual(8)
    for (const outcome of imported) {
      const text = (await library.get(outcome.id))!
      for (const field of derivedFields(text)) {
        expect(field, outcome.name).not.toMatch(JAVASCRIPT_URL)
        expect(field, outcome.name).not.toMatch(MARKUP)
      }
    }
    // The index is what search snippets are cut from: a payload there would reach the screen.
    for (const word of ['alert', 'javascript', 'cookie', 'onerror', 'PAYLOAD']) {
      expect(await library.search(word, 50), word).toEqual([])
    }
  })
})

describe('the bad-inputs corpus parsed in a worker thread, as the app and serve mode parse it', () => {
  it('gets the same outcomes and stores the same texts as when parsed in this thread', async () => {
    const workers = testWorkers()
    const inWorker = openLibrary(join(dir, 'in-worker.sqlite'))
    try {
      await importFiles(inWorker, [{ name: 'existing.txt', bytes: (await library.originalBytes(1))! }])
      expect(await importFiles(inWorker, inputs, { parse: workers.parseImport })).toEqual(outcomes)
      expect(await snapshot(inWorker)).toEqual(await snapshot(library))
    } finally {
      await inWorker.close()
      await workers.close()
    }
  }, 180_000)
})
