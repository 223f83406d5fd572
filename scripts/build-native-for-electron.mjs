#!/usr/bin/env node
// After `npm install`: build better-sqlite3 a second time, for Electron's ABI, into
// native/electron/. The copy in node_modules stays built for Node, so the tests (which run under
// Node) and the app (which runs under Electron) each load the build made for them; the app passes
// this file to better-sqlite3 as its `nativeBinding`.
// Needs the Electron binary (scripts/postinstall.mjs downloads it first) and Electron's headers
// (a download); where they cannot be had the install still succeeds and says what is missing.
import { cpSync, mkdirSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { electronBinary } from './electron.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

function skip(reason) {
  console.log(
    `[factdesk] better-sqlite3 for Electron not built: ${reason}. Tests and 'factdesk serve' do not need it.`
  )
  process.exit(0)
}

const electron = electronBinary()
if (!electron.path) skip(electron.reason)
const electronVersion = electron.version

const source = dirname(require.resolve('better-sqlite3/package.json'))
const work = mkdtempSync(join(tmpdir(), 'factdesk-native-'))
try {
  cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${join(source, 'build')}`) })
  const gyp = require.resolve('node-gyp/bin/node-gyp.js')
  const result = spawnSync(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers'
    ],
    { cwd: work, stdio: 'inherit' }
  )
  if (result.status !== 0) skip(`node-gyp failed for Electron ${electronVersion}`)
  const out = join(root, 'native', 'electron')
  mkdirSync(out, { recursive: true })
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(out, 'better_sqlite3.node'))
  console.log(`[factdesk] better-sqlite3 built for Electron ${electronVersion} in native/electron/`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
