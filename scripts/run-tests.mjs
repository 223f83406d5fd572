#!/usr/bin/env node
// `npm test`: every check the project has, in order, ending with one summary line.
// Static checks and the build stop the run when they fail (nothing after them would mean
// anything); unit and end-to-end tests both run, so one failure does not hide the other.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { startCluster } from './pg-cluster.mjs'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const run = (label, args, env = process.env) => {
  console.log(`\n=== ${label}: ${args.join(' ')}`)
  return spawnSync(args[0] === 'npm' ? npm : args[0], args.slice(1), { stdio: 'inherit', env }).status ?? 1
}

rmSync('test-results', { recursive: true, force: true })
rmSync('e2e/artifacts/results.json', { force: true })

for (const [label, args] of [
  ['type-check', ['npm', 'run', '--silent', 'typecheck']],
  ['lint', ['npm', 'run', '--silent', 'lint']],
  ['Electron security scan (electronegativity)', [process.execPath, 'scripts/electronegativity.mjs']],
  ['build', ['npm', 'run', '--silent', 'build']]
]) {
  if (run(label, args) !== 0) {
    console.log(`tests: 0 passed, 1 failed, 0 skipped (${label} failed before any test ran)`)
    process.exit(1)
  }
}
// The store contract suite runs on PostgreSQL too, in a throwaway cluster (scripts/pg-cluster.mjs).
// Where PostgreSQL is missing or does not start, the reason is printed and that half of the suite
// reports itself skipped, saying why.
let cluster = null
try {
  cluster = await startCluster()
  console.log(`\n=== PostgreSQL for the store contract suite: ${cluster.url}`)
} catch (error) {
  console.log(`\n=== PostgreSQL unavailable, its store tests will be skipped: ${error.message}`)
}
try {
  run(
    'unit tests (Vitest, Node)',
    ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'],
    cluster ? { ...process.env, FACTDESK_TEST_DATABASE_URL: cluster.url } : process.env
  )
} finally {
  cluster?.stop()
}
run('end-to-end tests (Playwright: Chromium vs factdesk serve; Electron)', ['npx', 'playwright', 'test'])
process.exit(run('summary', [process.execPath, 'scripts/test-summary.mjs']))
