#!/usr/bin/env node
// A throwaway PostgreSQL cluster for the desk store's tests and for trying desk mode: initdb in a
// temporary directory, listening on 127.0.0.1 only, on a free port, with trust authentication
// (nothing but this machine can reach it, and it is deleted on exit). PostgreSQL refuses to run
// as root, so as root the cluster runs as the unprivileged user `nobody`.
//
//   node scripts/pg-cluster.mjs                 prints the URL, runs until Ctrl+C
//   node scripts/pg-cluster.mjs --serve         factdesk serve --database on it (npm run desk:dev)
//   node scripts/pg-cluster.mjs CMD ARGS...     runs CMD with FACTDESK_TEST_DATABASE_URL set to it,
//                                               then stops; exits as CMD did
//
// Binaries: FACTDESK_PG_BIN, else the newest /usr/lib/postgresql/*/bin with an initdb.
import { spawn, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const UNPRIVILEGED = 'nobody'
const DATABASE_USER = 'factdesk'

/** The directory holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresBin() {
  if (process.env.FACTDESK_PG_BIN) return process.env.FACTDESK_PG_BIN
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length > 0 ? join(root, versions[0], 'bin') : null
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

const asRoot = process.getuid?.() === 0

/** Runs a PostgreSQL binary, as `nobody` when this process is root; throws with its output on failure. */
function pgRun(bin, args) {
  const [command, commandArgs] = asRoot
    ? ['runuser', ['-u', UNPRIVILEGED, '--', join(bin, args[0]), ...args.slice(1)]]
    : [join(bin, args[0]), args.slice(1)]
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', cwd: tmpdir() })
  if (result.status !== 0)
    throw new Error(`${args[0]} failed (${result.status}): ${result.stderr || result.stdout || result.error}`)
}

/**
 * Starts a cluster and answers with its URL and a stop() that shuts it down and deletes its
 * directory. Throws (having cleaned up) when PostgreSQL is missing or does not start. `settings`
 * are server settings beyond the test cluster's own (a benchmark gives it a server's memory).
 */
export async function startCluster(settings = {}) {
  const bin = postgresBin()
  if (!bin)
    throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; set FACTDESK_PG_BIN)')
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-pg-'))
  const data = join(dir, 'data')
  if (asRoot) {
    const nobody = spawnSync('id', ['-u', UNPRIVILEGED], { encoding: 'utf8' })
    const group = spawnSync('id', ['-g', UNPRIVILEGED], { encoding: 'utf8' })
    chownSync(dir, Number(nobody.stdout.trim()), Number(group.stdout.trim()))
  }
  let started = false
  const stop = () => {
    if (started) {
      try {
        pgRun(bin, ['pg_ctl', 'stop', '-D', data, '-m', 'fast', '-w'])
      } catch {
        // Already gone; the directory is removed all the same.
      }
      started = false
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    pgRun(bin, ['initdb', '-D', data, '-U', DATABASE_USER, '--auth=trust', '-E', 'UTF8', '--no-locale'])
    const port = await freePort()
    // A test cluster: durability is not wanted, speed is (no fsync, no full-page writes). No Unix
    // socket: the only way in is TCP on loopback.
    const options = [
      `-c listen_addresses=127.0.0.1`,
      `-c port=${port}`,
      `-c unix_socket_directories=''`,
      '-c fsync=off',
      '-c full_page_writes=off',
      '-c synchronous_commit=off',
      ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)
    ].join(' ')
    pgRun(bin, ['pg_ctl', 'start', '-D', data, '-w', '-l', join(dir, 'server.log'), '-o', options])
    started = true
    return { url: `postgres://${DATABASE_USER}@127.0.0.1:${port}/postgres`, stop }
  } catch (error) {
    stop()
    throw error
  }
}

async function main() {
  // `npm run desk:dev -- CMD` hands CMD over without the `--`; typed directly, it may keep it.
  const args = process.argv.slice(2)
  const given = args[0] === '--' ? args.slice(1) : args
  const cluster = await startCluster()
  const factdesk = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'factdesk.mjs')
  const command =
    given[0] === '--serve'
      ? [process.execPath, factdesk, 'serve', '--database', cluster.url, ...given.slice(1)]
      : given
  let stopped = false
  const stopOnce = () => {
    if (!stopped) cluster.stop()
    stopped = true
  }
  process.on('exit', stopOnce)
  console.log(`PostgreSQL is running at ${cluster.url}`)
  if (command.length === 0) {
    console.log('Stop with Ctrl+C; the cluster and its data are then deleted.')
    await new Promise((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    stopOnce()
    return 0
  }
  const env = { ...process.env, FACTDESK_TEST_DATABASE_URL: cluster.url }
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env })
  // Ctrl+C reaches the child too (same process group); wait for it, then stop the cluster.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  const code = await new Promise((resolve) => child.on('exit', (status) => resolve(status ?? 1)))
  stopOnce()
  return code
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    }
  )
}
