// The Electron binary: where it is, or why there is none. Shared by `npm install`'s postinstall
// (which drives the download) and `npm start` (which falls back to the browser without it).
//
// Electron's own postinstall is denied in package.json#allowScripts: it exits 1 when its download
// is out of reach, and that failure would fail the whole `npm install`. Running the same
// install.js from our postinstall keeps the download (same code, same ELECTRON_* and
// npm_config_electron_* settings) but lets a failure be one line instead of a failed install.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { spawnSync } from 'node:child_process'

const require = createRequire(import.meta.url)

/** @returns {{ version: string | null, path: string | null, reason: string }} */
export function electronBinary() {
  let version
  try {
    version = require('electron/package.json').version
  } catch {
    return { version: null, path: null, reason: 'the electron package is not installed' }
  }
  try {
    // electron's index.js throws when no binary was ever extracted (no path.txt).
    const path = require('electron')
    if (typeof path === 'string' && existsSync(path)) return { version, path, reason: '' }
  } catch {
    // fall through: not installed
  }
  return { version, path: null, reason: `the Electron ${version} binary is not installed` }
}

/**
 * Why Electron's install.js failed, in one line: the first line of what it printed (it prints the
 * error's stack), else how it ended.
 * @param {{ status: number | null, signal?: string | null, stderr?: string | null, error?: Error }} result
 */
export function downloadFailure(result) {
  if (result.error) return result.error.message
  const first = (result.stderr ?? '')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '')
  if (first) return first
  return result.signal ? `stopped by ${result.signal}` : `exit code ${result.status}`
}

/** Runs Electron's own install.js (a no-op when the binary is already there), tolerating failure. */
export function downloadElectron() {
  const found = electronBinary()
  if (!found.version) return found
  const dir = dirname(require.resolve('electron/package.json'))
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const after = electronBinary()
  if (after.path) return after
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return { ...after, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' }
  }
  return {
    ...after,
    reason: `Electron ${after.version} could not be downloaded (${downloadFailure(result)})`
  }
}
