#!/usr/bin/env node
// `npm start`: the desktop app where the Electron binary is installed. Where it is not (its download
// was out of reach when `npm install` ran), the same app, built the same way, served by
// `factdesk serve` and opened in the system browser: the README's first command still starts
// Factdesk on such a machine instead of failing.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { constants, homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { electronBinary } from './electron.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * @typedef {{ electronPath: string | null, appName: string, platform: string,
 *   env: Record<string, string | undefined>, home: string }} Host
 * @typedef {{ mode: 'desktop' } | { mode: 'browser', library: string }} Plan
 */

/** @param {Host} host @returns {Plan} */
export function startPlan(host) {
  if (host.electronPath) return { mode: 'desktop' }
  return { mode: 'browser', library: host.env.FACTDESK_LIBRARY || defaultLibrary(host) }
}

/**
 * The library the desktop app opens (Electron's userData folder for this app), so the browser and
 * the desktop app on one machine share one library.
 * @param {Omit<Host, 'electronPath'>} host
 */
export function defaultLibrary({ appName, platform, env, home }) {
  const appData =
    platform === 'win32'
      ? env.APPDATA || join(home, 'AppData', 'Roaming')
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : env.XDG_CONFIG_HOME || join(home, '.config')
  return join(appData, appName, 'library.sqlite')
}

/**
 * The command that opens `url` in the system browser, or null where there is nothing to open it in.
 * @param {string} platform @param {Record<string, string | undefined>} env @param {string} url
 * @returns {string[] | null}
 */
export function browserOpener(platform, env, url) {
  if (platform === 'darwin') return ['open', url]
  // The empty argument is start's window title; without it start takes the URL for the title.
  if (platform === 'win32') return ['cmd', '/c', 'start', '', url]
  // With no display, xdg-open falls back to terminal browsers (w3m, lynx) that would take over
  // this terminal; there the printed address is the way in.
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null
  return ['xdg-open', url]
}

/** The address in `factdesk serve`'s "Open URL" line, once it has printed it. */
export function servedUrl(output) {
  return /^Open (http:\/\/\S+)/m.exec(output)?.[1] ?? null
}

/** Runs a command to its end, passing on the signals that stop it; resolves to its exit code. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options })
    // Ctrl+C reaches the whole process group already; a second SIGINT would cut short the
    // child's own shutdown. SIGTERM and SIGHUP (from npm, timeout, a closed terminal) reach only us.
    const ignore = () => {}
    const forward = (signal) => child.kill(signal)
    process.on('SIGINT', ignore)
    process.on('SIGTERM', forward)
    process.on('SIGHUP', forward)
    options.onChild?.(child)
    child.once('error', (error) => {
      console.error(`[factdesk] ${command}: ${error.message}`)
      resolve(1)
    })
    child.once('exit', (code, signal) => {
      process.off('SIGINT', ignore)
      process.off('SIGTERM', forward)
      process.off('SIGHUP', forward)
      resolve(code ?? 128 + (constants.signals[signal] ?? 0))
    })
  })
}

function electronVite(args) {
  const require = createRequire(import.meta.url)
  const manifest = require.resolve('electron-vite/package.json')
  const bin = JSON.parse(readFileSync(manifest, 'utf8')).bin['electron-vite']
  return run(process.execPath, [join(dirname(manifest), bin), ...args])
}

function openInBrowser(url) {
  const command = browserOpener(process.platform, process.env, url)
  if (!command) return
  try {
    const child = spawn(command[0], command.slice(1), { stdio: 'ignore', detached: true })
    child.on('error', () => {}) // no such opener: the printed address is enough
    child.unref()
  } catch {
    // as above
  }
}

async function main() {
  const electron = electronBinary()
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const plan = startPlan({
    electronPath: electron.path,
    appName: pkg.productName ?? pkg.name,
    platform: process.platform,
    env: process.env,
    home: homedir()
  })
  if (plan.mode === 'desktop') {
    return (await electronVite(['build'])) || (await electronVite(['preview']))
  }
  console.log(
    `[factdesk] Desktop shell unavailable: ${electron.reason} (\`npm install\` downloads it where ` +
      `Electron's download is reachable). Starting Factdesk in the browser instead.`
  )
  const built = await electronVite(['build'])
  if (built !== 0) return built
  mkdirSync(dirname(plan.library), { recursive: true })
  let output = ''
  return run(process.execPath, [join(root, 'bin', 'factdesk.mjs'), 'serve', '--library', plan.library], {
    stdio: ['inherit', 'pipe', 'inherit'],
    onChild: (child) =>
      child.stdout.on('data', (chunk) => {
        process.stdout.write(chunk)
        if (output === null) return
        output += chunk
        const url = servedUrl(output)
        if (url) {
          output = null
          openInBrowser(url)
        }
      })
  })
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main()
}
