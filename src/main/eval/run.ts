// npm run eval: the claim engine measured on real clusters (shared/eval), controlled edits of real
// texts and labelled relation pairs. Prints per cluster and per kind; `--write` puts the tables in
// EVAL.md with the command, machine and date; `--floors` fails (exit 1) when a figure is below
// its floor in eval-floors.json; `-v` lists every miss.
import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { evaluate, PROJECT_ROOT, readFloors } from './evaluate'
import { figuresTable, floorFailures } from './figures'

function machine(): string {
  const cpu = cpus()
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}`
}

async function main(): Promise<number> {
  const args = new Set(process.argv.slice(2))
  const started = Date.now()
  const { clusters, edits, pairs, figures } = await evaluate()
  const seconds = (Date.now() - started) / 1000
  if (args.has('--verbose') || args.has('-v')) {
    for (const run of clusters)
      for (const s of run.scores)
        if (!s.ok) console.log(`${run.cluster} ${s.item.level} ${s.item.id}: ${s.why}`)
    for (const e of edits)
      if (!e.ok) console.log(`edit ${e.edit.id} (${e.edit.class}, ${e.edit.expect}): ${e.why}`)
    for (const p of pairs)
      if ((p.got ?? 'silent') !== p.pair.expected)
        console.log(`pair ${p.pair.id}: expected ${p.pair.expected}, got ${p.got ?? 'no claim'}`)
  }
  const table = figuresTable(figures)
  console.log(table)
  console.log(`\neval took ${seconds.toFixed(1)} s`)
  if (args.has('--write')) {
    const header = `# Claim engine evaluation\n\nWritten by \`npm run eval -- --write\` on ${new Date().toISOString().slice(0, 10)}, ${machine()}; the run took ${seconds.toFixed(1)} s. CI fails when a figure falls below its floor in src/main/eval/eval-floors.json (src/main/eval/floors.test.ts).\n\n`
    writeFileSync(join(PROJECT_ROOT, 'EVAL.md'), header + table + '\n')
  }
  if (args.has('--floors')) {
    const failures = floorFailures(figures, readFloors())
    for (const f of failures) console.error(`below its floor: ${f}`)
    if (failures.length) return 1
  }
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(2)
  }
)
