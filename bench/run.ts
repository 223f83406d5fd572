// npm run bench: runs every bench/*.bench.ts (each exports run(report)), prints the results and
// writes them, with the date and the machine, into BENCHMARKS.md at the project root.
// `npm run bench -- library claims` runs only the files whose names contain one of the words; the
// sections of the other files are kept from BENCHMARKS.md as they were, and the header says so.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

type Report = (section: string, lines: string[]) => void
interface BenchModule {
  run(report: Report): Promise<void>
}

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url))
const OUTPUT = resolve(BENCH_DIR, '..', 'BENCHMARKS.md')

function machine(): string {
  const cpu = cpus()
  const ramGb = (totalmem() / 1024 ** 3).toFixed(1)
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${ramGb} GB RAM, Node ${process.version}, ${process.platform}-${process.arch}`
}

interface Previous {
  /** The run that wrote each earlier file's sections: "DATE on MACHINE". */
  runs: Map<string, string>
  /** Each earlier section's text by the bench file that wrote it. */
  sections: Map<string, string[]>
}

const KEPT_PREFIX = '- Kept from an earlier run, not re-run this time: '

/** What BENCHMARKS.md holds now: its sections, by the `_file.bench.ts_` line under each heading, and the runs that wrote them. */
function previousResults(): Previous {
  const runs = new Map<string, string>()
  const sections = new Map<string, string[]>()
  if (!existsSync(OUTPUT)) return { runs, sections }
  const [header = '', ...rest] = readFileSync(OUTPUT, 'utf8').split(/^(?=## )/m)
  for (const section of rest) {
    const file = /^_([\w.-]+\.bench\.ts)_$/m.exec(section)?.[1]
    if (file) sections.set(file, [...(sections.get(file) ?? []), section.replace(/\n+$/, '\n')])
  }
  // "- Date: D" (every file was run) or "- Date: D (a.bench.ts, b.bench.ts)" (those were run),
  // "- Machine: M", and KEPT_PREFIX + "c.bench.ts, d.bench.ts (run D on M)".
  const date = /^- Date: (\S+)(?: \((.*)\))?$/m.exec(header)
  const machine = /^- Machine: (.*)$/m.exec(header)?.[1] ?? 'an unnamed machine'
  if (date?.[1])
    for (const file of date[2]?.split(', ') ?? sections.keys()) runs.set(file, `${date[1]} on ${machine}`)
  for (const line of header.split('\n').filter((l) => l.startsWith(KEPT_PREFIX))) {
    const kept = /^(.*?) \(run (.*)\)$/.exec(line.slice(KEPT_PREFIX.length))
    for (const file of kept?.[1]?.split(', ') ?? []) if (kept?.[2]) runs.set(file, kept[2])
  }
  return { runs, sections }
}

/** One line per earlier run whose sections are kept. */
function keptLines(kept: string[], runs: Map<string, string>): string[] {
  const byRun = new Map<string, string[]>()
  for (const file of kept) {
    const run = runs.get(file) ?? 'an earlier date'
    byRun.set(run, [...(byRun.get(run) ?? []), file])
  }
  return [...byRun].map(([run, list]) => `${KEPT_PREFIX}${list.join(', ')} (run ${run})`)
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2)
  const all = readdirSync(BENCH_DIR)
    .filter((name) => name.endsWith('.bench.ts'))
    .sort()
  const files = filters.length === 0 ? all : all.filter((name) => filters.some((word) => name.includes(word)))
  if (files.length === 0) {
    console.error(`No bench file matches ${filters.join(', ')} (there are ${all.join(', ')}).`)
    return 1
  }
  const previous = previousResults()
  const byFile = new Map<string, string[]>()
  const sections: string[] = []
  let failed = 0
  for (const file of files) {
    console.log(`\n### ${file}`)
    const started = process.hrtime.bigint()
    const own: string[] = []
    byFile.set(file, own)
    const report: Report = (section, lines) => {
      console.log(`\n## ${section}\n${lines.join('\n')}`)
      own.push(`## ${section}\n\n_${file}_\n\n${lines.join('\n')}\n`)
    }
    try {
      const bench = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as BenchModule
      await bench.run(report)
    } catch (error) {
      failed++
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
      console.error(`${file} failed: ${message}`)
      own.push(`## ${file} failed\n\n\`\`\`\n${message}\n\`\`\`\n`)
    }
    console.log(`(${file}: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s)`)
  }
  const kept = all.filter((file) => !byFile.has(file) && previous.sections.has(file))
  for (const file of all) sections.push(...(byFile.get(file) ?? previous.sections.get(file) ?? []))
  const header = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts runs every bench/*.bench.ts). Re-run it to refresh this file;',
    '`npm run bench -- NAME` re-runs only the bench files whose names contain NAME and keeps the other sections.',
    '',
    `- Date: ${new Date().toISOString()}${kept.length > 0 ? ` (${files.join(', ')})` : ''}`,
    `- Machine: ${machine()}`,
    ...keptLines(kept, previous.runs),
    ''
  ]
  writeFileSync(OUTPUT, [...header, ...sections].join('\n'))
  console.log(`\nWrote ${OUTPUT}`)
  return failed === 0 ? 0 : 1
}

process.exitCode = await main()
