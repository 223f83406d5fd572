// npm run bench: runs every bench/*.bench.ts (each exports run(report)), prints the results and
// writes them, with the date and the machine, into BENCHMARKS.md at the project root.
import { readdirSync, writeFileSync } from 'node:fs'
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

async function main(): Promise<number> {
  const files = readdirSync(BENCH_DIR)
    .filter((name) => name.endsWith('.bench.ts'))
    .sort()
  const sections: string[] = []
  let failed = 0
  for (const file of files) {
    console.log(`\n### ${file}`)
    const started = process.hrtime.bigint()
    const report: Report = (section, lines) => {
      console.log(`\n## ${section}\n${lines.join('\n')}`)
      sections.push(`## ${section}\n\n_${file}_\n\n${lines.join('\n')}\n`)
    }
    try {
      const bench = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as BenchModule
      await bench.run(report)
    } catch (error) {
      failed++
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
      console.error(`${file} failed: ${message}`)
      sections.push(`## ${file} failed\n\n\`\`\`\n${message}\n\`\`\`\n`)
    }
    console.log(`(${file}: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s)`)
  }
  const header = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts runs every bench/*.bench.ts). Re-run it to refresh this file.',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${machine()}`,
    ''
  ]
  writeFileSync(OUTPUT, [...header, ...sections].join('\n'))
  console.log(`\nWrote ${OUTPUT}`)
  return failed === 0 ? 0 : 1
}

process.exitCode = await main()
