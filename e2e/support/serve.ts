// Starts the real `factdesk serve` (the built CLI) on a fresh library, as a user would.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

export interface ServeProcess {
  url: string
  origin: string
  token: string
  libraryPath: string
  /** On the desk store: the database it serves (another serve may be started on it: `sharing`). */
  databaseUrl: string | null
  output: () => string
  /** Calls the API as the page does (token, JSON); throws with the API's message on an error. */
  call<T>(method: string, input: unknown): Promise<T>
  stop(): Promise<void>
}

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const SAMPLES_DIR = join(ROOT, 'resources', 'samples', 'iwaya-kyiv-2024')

/**
 * With FACTDESK_E2E_DATABASE_URL (a PostgreSQL cluster, as scripts/pg-cluster.mjs starts), each
 * serve runs on the desk store instead, in a database of its own dropped when it stops: the same
 * specs then prove the UI on PostgreSQL.
 */
const DESK_CLUSTER = process.env['FACTDESK_E2E_DATABASE_URL']

async function onCluster(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: DESK_CLUSTER })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** A new empty database in the cluster, for one serve. */
async function deskDatabase(): Promise<{ url: string; name: string }> {
  const name = `factdesk_e2e_${process.pid}_${Date.now()}`
  await onCluster(`CREATE DATABASE ${name}`)
  const url = new URL(DESK_CLUSTER!)
  url.pathname = `/${name}`
  return { url: url.toString(), name }
}

/** Whether the specs run on the desk store, where several serves can share one database. */
export const onDeskStore = DESK_CLUSTER !== undefined

export interface DeskMemberSpec {
  name: string
  role: 'checker' | 'reviewer' | 'admin'
  password: string
}

/** Adds a member with the real CLI, the password piped on stdin as the README tells admins to. */
function addMember(store: string[], member: DeskMemberSpec): Promise<void> {
  return new Promise((resolveAdded, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin', 'factdesk.mjs'),
        'desk',
        'add-member',
        ...store,
        '--name',
        member.name,
        '--role',
        member.role
      ],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] }
    )
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stdin?.end(`${member.password}\n`)
    child.once('exit', (code) =>
      code === 0 ? resolveAdded() : reject(new Error(`desk add-member exited with ${code}:\n${output}`))
    )
  })
}

/**
 * Without `members`, single-user serve (the token link); with them, a desk those members sign in
 * to (a library file with --desk, or its own database on the cluster). `sharing`: a second server
 * on this serve's database (desk store only).
 */
export async function startServe(
  options: { demo?: boolean; members?: DeskMemberSpec[]; sharing?: ServeProcess } = {}
): Promise<ServeProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-e2e-'))
  const libraryPath = join(dir, 'library.sqlite')
  const shared = options.sharing?.databaseUrl ?? null
  // The database is dropped by the serve that made it, not by one sharing it.
  const desk = shared ? null : DESK_CLUSTER ? await deskDatabase() : null
  const databaseUrl = shared ?? desk?.url ?? null
  const store = databaseUrl ? ['--database', databaseUrl] : ['--library', libraryPath]
  const signIn = options.members !== undefined
  for (const member of options.members ?? []) await addMember(store, member)
  const mode = signIn ? (databaseUrl ? [] : ['--desk']) : databaseUrl ? ['--single-user'] : []
  const args = [join(ROOT, 'bin', 'factdesk.mjs'), 'serve', ...store, ...mode, '--port', '0']
  if (options.demo === false) args.push('--no-demo')
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`factdesk serve printed no URL in 30 s:\n${output}`)),
      30_000
    )
    const poll = setInterval(() => {
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/(?:#token=\S+)?)/.exec(output)
      if (match?.[1]) {
        clearInterval(poll)
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    }, 50)
    child.once('exit', (code) => {
      clearInterval(poll)
      clearTimeout(timer)
      reject(new Error(`factdesk serve exited with ${code}:\n${output}`))
    })
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    libraryPath,
    databaseUrl,
    output: () => output,
    call: async <T>(method: string, input: unknown): Promise<T> => {
      const response = await fetch(`${parsed.origin}/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${parsed.hash.replace('#token=', '')}`
        },
        body: JSON.stringify(input)
      })
      const body = (await response.json()) as { result?: T; error?: { message: string } }
      if (body.result === undefined) throw new Error(`${method}: ${body.error?.message ?? response.status}`)
      return body.result
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
      if (desk) await onCluster(`DROP DATABASE IF EXISTS ${desk.name}`)
    }
  }
}
