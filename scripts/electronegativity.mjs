#!/usr/bin/env node
// Doyensec's Electronegativity over src/: Electron misconfigurations and anti-patterns found by
// reading the source. Exits 1 on any finding above INFORMATIONAL that is not accepted below
// with a reason, and on any file the tool could not parse (an unparsed file is an unchecked one).
//
//   node scripts/electronegativity.mjs            (add --online to also ask GitHub which
//                                                  security fixes the Electron in use lacks)
//
// The tool is called through its programmatic entry (the package's main), which returns the
// findings as objects: its CSV writer truncates the file for the header while the rows are being
// appended, so a written CSV can lose its first row, and did so on every try on one CI machine.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const TARGET = join(ROOT, 'src')
const require = createRequire(import.meta.url)
const ONLINE = process.argv.includes('--online')

const SEVERITY = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 }

/**
 * Findings reviewed and accepted. Matched on check, file and the flagged line's text, not its
 * number: when the code on that line changes, the finding comes back for a fresh review.
 */
const ACCEPTED = [
  {
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'main/app/index.ts',
    sample: 'const window = new BrowserWindow(',
    reason:
      'The options come from mainWindowOptions() in src/main/app/window-options.ts (contextIsolation: true), which ' +
      'the check cannot follow across files; window-options.test.ts asserts the setting.'
  },
  {
    id: 'SANDBOX_JS_CHECK',
    file: 'main/app/index.ts',
    sample: 'const window = new BrowserWindow(',
    reason:
      'sandbox: true is set in window-options.ts (asserted by window-options.test.ts), and index.ts calls ' +
      'app.enableSandbox() for every renderer; the check cannot see either from the constructor call.'
  },
  {
    id: 'AUXCLICK_JS_CHECK',
    file: 'main/app/index.ts',
    sample: 'const window = new BrowserWindow(',
    reason:
      'The check wants disableBlinkFeatures: "Auxclick". A middle-click that opens a window goes through ' +
      'setWindowOpenHandler, which hardenWebContents() (security.ts) installs on every web contents: it always ' +
      'denies, and hands only http(s) links to the system browser. Imported text is never rendered as links.'
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/app/index.ts',
    sample:
      'hardenWebContents(contents, appOrigins, { openExternal: (url) => void shell.openExternal(url) })',
    reason:
      'The only caller is setWindowOpenHandler in security.ts, which passes a URL on only when isWebLink() ' +
      'says its protocol is https: or http: (no file:, smb:, javascript: or custom schemes); security.test.ts covers it.'
  },
  {
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'main/app/print-pdf.ts',
    sample: 'const window = new BrowserWindow(pdfWindowOptions(PARTITION))',
    reason:
      'The hidden PDF window takes pdfWindowOptions() from window-options.ts (contextIsolation: true, javascript: ' +
      'false, no preload), asserted by window-options.test.ts; the check cannot follow the call across files.'
  },
  {
    id: 'SANDBOX_JS_CHECK',
    file: 'main/app/print-pdf.ts',
    sample: 'const window = new BrowserWindow(pdfWindowOptions(PARTITION))',
    reason:
      'sandbox: true is set in pdfWindowOptions() (asserted by window-options.test.ts) and app.enableSandbox() ' +
      'covers every renderer; the page runs no script at all and its session loads nothing but the report file.'
  },
  {
    id: 'AUXCLICK_JS_CHECK',
    file: 'main/app/print-pdf.ts',
    sample: 'const window = new BrowserWindow(pdfWindowOptions(PARTITION))',
    reason:
      'The window is never shown, so nothing can be clicked; setWindowOpenHandler from hardenWebContents() denies ' +
      'every new window for it as for all web contents.'
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/app/security.ts',
    sample: 'if (isWebLink(url)) deps.openExternal(url)',
    reason: 'Guarded on the same line by isWebLink(): http(s) URLs only, tested in security.test.ts.'
  }
]

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
// -e: src/ holds no package.json, and without a version the tool assumes Electron 0.1 and flags
// every default that changed since. The security-fixes check downloads Electron's release list.
const scan = require('@doyensec/electronegativity')
const result = await scan(
  {
    input: TARGET,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: ONLINE ? [] : ['AvailableSecurityFixesGlobalCheck']
  },
  false
)
const findings = result.issues.map((issue) => ({
  id: issue.id,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  file: issue.file,
  line: issue.location.line,
  column: issue.location.column,
  sample: issue.sample,
  description: issue.description
}))
const parseErrors = result.errors.filter((e) => !e.tolerable)
for (const e of result.errors.filter((e) => e.tolerable))
  console.log(`warning: tolerable error parsing ${e.file}: ${e.message}`)

// A scan that ran no checks would pass with nothing found.
if (result.atomicChecks === 0) throw new Error('electronegativity loaded no checks')

const above = findings.filter((f) => (SEVERITY[f.severity] ?? SEVERITY.HIGH) > SEVERITY.INFORMATIONAL)
const used = new Set()
const unaccepted = []
for (const f of above) {
  const i = ACCEPTED.findIndex((a) => a.id === f.id && a.file === f.file && a.sample === f.sample)
  const where = `src/${f.file}:${f.line}:${f.column + 1}`
  if (i === -1) {
    unaccepted.push(f)
    console.log(
      `FINDING  ${f.severity}/${f.confidence} ${f.id} at ${where}\n         ${f.sample}\n         ${f.description}`
    )
  } else {
    used.add(i)
    console.log(`accepted ${f.severity}/${f.confidence} ${f.id} at ${where}\n         ${ACCEPTED[i].reason}`)
  }
}
for (const [i, a] of ACCEPTED.entries()) {
  if (!used.has(i))
    console.log(
      `note: the acceptance of ${a.id} in src/${a.file} matched nothing; remove it if the code changed`
    )
}
for (const e of parseErrors) console.log(`UNCHECKED ${e.file}: ${e.message}`)
console.log(
  `electronegativity ${JSON.parse(readFileSync(require.resolve('@doyensec/electronegativity/package.json'), 'utf8')).version} ` +
    `on src/ (Electron ${electronVersion}): ${findings.length} findings, ${above.length} above INFORMATIONAL, ` +
    `${above.length - unaccepted.length} accepted, ${unaccepted.length} not accepted, ${parseErrors.length} files unparsed`
)
process.exitCode = unaccepted.length > 0 || parseErrors.length > 0 ? 1 : 0
