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
rmSync('e2e/artifacts/results-desk.json', { force: true })

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
// The store contract suite and the desk's browser specs run on PostgreSQL too, in a throwaway
// cluster (scripts/pg-cluster.mjs). Where PostgreSQL is missing or does not start, the reason is
// printed and those runs report themselves skipped, saying why.
const DESK_SPECS = [
  'e2e/browser/desk-live.spec.ts',
  'e2e/browser/live-decisions.spec.ts',
  'e2e/browser/desk-login.spec.ts',
  'e2e/browser/desk-review.spec.ts',
  'e2e/browser/check-reload.spec.ts'
]
let cluster = null
try {
  cluster = await startCluster()
  console.log(`\n=== PostgreSQL for the store contract suite and the desk specs: ${cluster.url}`)
} catch (error) {
  console.log(
    `\n=== PostgreSQL unavailable, its store tests and desk specs will be skipped: ${error.message}`
  )
}
try {
  run(
    'unit tests (Vitest, Node)',
    ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'],
    cluster ? { ...process.env, FACTDESK_TEST_DATABASE_URL: cluster.url } : process.env
  )
  run('end-to-end tests (Playwright: Chromium vs factdesk serve; Electron)', ['npx', 'playwright', 'test'])
  if (cluster)
    run(
      'the desk specs again, on PostgreSQL',
      ['npx', 'playwright', 'test', '--project=browser', ...DESK_SPECS],
      {
        ...process.env,
        FACTDESK_E2E_DATABASE_URL: cluster.url,
        FACTDESK_E2E_RESULTS: 'e2e/artifacts/results-desk.json'
      }
    )
} finally {
  cluster?.stop()
}
process.exit(run('summary', [process.execPath, 'scripts/test-summary.mjs']))
