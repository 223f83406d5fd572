// npm run eval: the claim engine measured on real clusters (shared/eval), controlled edits of real
// texts and labelled relation pairs. Prints per cluster and per kind; `--write` puts the tables in
// EVAL.md with the command, machine and date; `--floors` fails (exit 1) when a figure is below
// its floor in eval-floors.json, so CI refuses a change that makes the engine worse.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { clusterDirs, runCluster, type ClusterRun } from './clusters'
import { runEdits, type EditOutcome, type ControlledEdit } from './controlled-edits'
import { figuresTable, floorFailures, type EvalFigures, summarize } from './figures'
import { relatePair, type RelationPair } from './relation-pairs'

const here = fileURLToPath(new URL('.', import.meta.url))
const root = resolve(here, '..', '..', '..')
const shared = resolve(process.env['FACTDESK_SHARED'] ?? join(root, '..', 'shared'))

function machine(): string {
  const cpu = cpus()
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}`
}

function readCases<T>(name: string): T[] {
  const file = join(here, 'cases', name)
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T[]) : []
}

async function main(): Promise<number> {
  const args = new Set(process.argv.slice(2))
  const verbose = args.has('--verbose') || args.has('-v')
  const started = Date.now()
  const clusterRoot = join(shared, 'eval', 'clusters')
  if (!existsSync(clusterRoot)) {
    console.error(`No development clusters at ${clusterRoot}: put shared/ beside the project or set FACTDESK_SHARED.`)
    return 2
  }
  const clusters: ClusterRun[] = []
  for (const dir of clusterDirs(clusterRoot)) clusters.push(await runCluster(dir))
  const edits: EditOutcome[] = await runEdits(readCases<ControlledEdit>('controlled-edits.json'), shared)
  const pairs = readCases<RelationPair>('relation-pairs.json').map(relatePair)
  const figures: EvalFigures = summarize(clusters, edits, pairs)
  const seconds = (Date.now() - started) / 1000

  if (verbose) {
    for (const run of clusters)
      for (const s of run.scores) if (!s.ok) console.log(`${run.cluster} ${s.item.level} ${s.item.id}: ${s.why}`)
    for (const e of edits) if (!e.ok) console.log(`edit ${e.edit.id} (${e.edit.class}, ${e.edit.expect}): ${e.why}`)
    for (const p of pairs)
      if ((p.got ?? 'silent') !== p.pair.expected)
        console.log(`pair ${p.pair.id}: expected ${p.pair.expected}, got ${p.got ?? 'no claim'}`)
  }
  const table = figuresTable(figures)
  console.log(table)
  console.log(`\neval took ${seconds.toFixed(1)} s`)

  if (args.has('--write')) {
    const header = `# Claim engine evaluation\n\nWritten by \`npm run eval -- --write\` on ${new Date().toISOString().slice(0, 10)}, ${machine()}; the run took ${seconds.toFixed(1)} s. Floors that CI enforces: src/main/eval/eval-floors.json.\n\n`
    writeFileSync(join(root, 'EVAL.md'), header + table + '\n')
  }
  if (args.has('--floors')) {
    const floors = JSON.parse(readFileSync(join(here, 'eval-floors.json'), 'utf8')) as Record<string, number>
    const failures = floorFailures(figures, floors)
    for (const f of failures) console.error(`below its floor: ${f}`)
    if (failures.length) return 1
  }
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(2)
  }
)
