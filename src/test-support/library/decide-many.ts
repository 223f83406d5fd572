// Child process for the decisions crash test: opens the library at PATH (on the first run imports
// the demo story and its sources and creates a check of them), then records COUNT decisions as
// fast as it can, varying status, corrected wording, notes and pinned evidence. After each
// decide() has returned it prints one acknowledgement line, so every line the parent reads
// stands for a decision the store said was saved.
// Usage: node --import tsx decide-many.ts PATH COUNT ROUND
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DecisionInput, PinnedEvidence } from '../../shared/workbench'
import { openLibrary } from '../../main/library/sqlite'

export interface DecisionAck {
  round: number
  n: number
  checkId: number
  claimId: string
  entryId: number
  status: DecisionInput['status']
  at: string
}

const SAMPLES = fileURLToPath(new URL('../../../resources/samples/iwaya-kyiv-2024', import.meta.url))
const STORY = '000_e88434a1b6eaaa2a.txt'
const SOURCES = ['001_1e9aa42e73f21370.txt', '002_9a41b40ebb447b2c.txt', '003_d0b03767b9ee34bf.txt']
const STATUSES = ['verified', 'disputed', 'corrected'] as const

async function theCheck(library: ReturnType<typeof openLibrary>): Promise<number> {
  const existing = (await library.checks.list())[0]
  if (existing) return existing.id
  // Loaded only here: the import and claim engines are most of a run's start-up, and only the
  // first run needs them.
  const { importFiles } = await import('../../main/services/importer')
  const { createCheck } = await import('../../main/services/checks')
  const file = (name: string) => ({ name, path: join(SAMPLES, name) })
  const [story] = await importFiles(library, [file(STORY)], { role: 'story' })
  await importFiles(library, SOURCES.map(file), { role: 'source' })
  if (!story || story.status === 'rejected') throw new Error('the demo story did not import')
  return (await createCheck(library, story.id, null, { storyDate: '2024-11-16' })).id
}

async function main(): Promise<void> {
  const [path, countArg, roundArg] = process.argv.slice(2)
  if (!path || !countArg || !roundArg) throw new Error('usage: decide-many.ts PATH COUNT ROUND')
  const round = Number(roundArg)
  const library = openLibrary(path)
  const checkId = await theCheck(library)
  const claims = (await library.checks.get(checkId))!.result.claims
  // Evidence to pin: whatever the engine found, so pinned passages are real source spans.
  const evidence: PinnedEvidence[] = claims
    .flatMap((claim) => claim.evidence)
    .map(({ sourceId, paragraphIndex, start, end, text }) => ({ sourceId, paragraphIndex, start, end, text }))
  if (claims.length === 0) throw new Error('the demo check has no claims')
  process.stdout.write('ready\n')

  // Numbered across runs, so each run carries on where the last one was killed.
  const first = (await library.checks.history(checkId)).length
  for (let n = first; n < first + Number(countArg); n++) {
    const claim = claims[n % claims.length]!
    const pass = Math.floor(n / claims.length)
    const status = STATUSES[(n + pass) % STATUSES.length]!
    // Passes over the claims alternate long notes (40-80 KB) with short ones, so every decision
    // replaces one of the other size and its history entry, which holds both, is the bulk of what
    // a decision writes: most kills land inside a write, not in the loop's own work.
    const note =
      pass % 2 === 0
        ? `round ${round} decision ${n}: ${'checked against the wire. '.repeat(1500 + ((n * 389) % 1500))}`
        : n % 3 === 0
          ? null
          : `round ${round} decision ${n}: confirmed by phone.`
    const pinned =
      evidence.length === 0 ? [] : evidence.slice(n % evidence.length, (n % evidence.length) + (n % 4))
    const saved = await library.checks.decide({
      checkId,
      claimId: claim.id,
      status,
      correctedText: status === 'corrected' ? `${claim.text} (corrected ${round}.${n})` : null,
      note,
      pinned
    })
    if (!saved) throw new Error(`check ${checkId} vanished`)
    const ack: DecisionAck = {
      round,
      n,
      checkId,
      claimId: claim.id,
      entryId: saved.entry.id,
      status,
      at: saved.decision.updatedAt
    }
    // Synchronous on a pipe (Node writes to pipes synchronously on Linux and macOS): once this
    // returns the line is the parent's to read, even if this process dies the next moment.
    process.stdout.write(`ack ${JSON.stringify(ack)}\n`)
  }
  await library.close()
  process.stdout.write('finished\n')
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
