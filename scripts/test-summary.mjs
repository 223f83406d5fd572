#!/usr/bin/env node
// Adds up the unit (Vitest) and end-to-end (Playwright) results into one closing line,
// "tests: N passed, N failed, N skipped", and lists every skipped test with its reason.
import { existsSync, readFileSync } from 'node:fs'

const totals = { passed: 0, failed: 0, skipped: 0 }
const skippedWithReason = []

const unitFile = 'test-results/unit.json'
if (existsSync(unitFile)) {
  const unit = JSON.parse(readFileSync(unitFile, 'utf8'))
  totals.passed += unit.numPassedTests ?? 0
  totals.failed += (unit.numFailedTests ?? 0) + (unit.numRuntimeErrorTestSuites ?? 0)
  totals.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0)
} else {
  console.error(`no unit test results at ${unitFile}`)
  totals.failed += 1
}

function walkSuites(suites, visit) {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) for (const t of spec.tests ?? []) visit(spec, t)
    walkSuites(suite.suites, visit)
  }
}

/** A Playwright JSON report's tests added to the totals; `label` names the run in skip reasons. */
function addPlaywright(file, label) {
  const e2e = JSON.parse(readFileSync(file, 'utf8'))
  walkSuites(e2e.suites, (spec, t) => {
    if (t.status === 'skipped') {
      totals.skipped += 1
      const reason = (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given'
      skippedWithReason.push(`${label}${spec.title} — ${reason}`)
    } else if (t.status === 'expected' || t.status === 'flaky') totals.passed += 1
    else totals.failed += 1
  })
  for (const error of e2e.errors ?? []) {
    console.error(`e2e error: ${error.message ?? JSON.stringify(error)}`)
    totals.failed += 1
  }
}

const e2eFile = 'e2e/artifacts/results.json'
if (existsSync(e2eFile)) addPlaywright(e2eFile, '')
else {
  console.error(`no end-to-end results at ${e2eFile}`)
  totals.failed += 1
}
// The desk specs on PostgreSQL: absent when PostgreSQL could not start (run-tests.mjs said why).
const deskFile = 'e2e/artifacts/results-desk.json'
if (existsSync(deskFile)) addPlaywright(deskFile, '(on PostgreSQL) ')
else {
  totals.skipped += 1
  skippedWithReason.push(
    'the desk specs on PostgreSQL — PostgreSQL did not start (run-tests.mjs printed why)'
  )
}

for (const line of skippedWithReason) console.log(`skipped: ${line}`)
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 ? 1 : 0)
