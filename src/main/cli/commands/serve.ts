// factdesk serve: the app's UI in a browser, over the same API: on this machine for one person,
// or a desk's members signing in.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createHandlers } from '../../api/handlers'
import { createUploads } from '../../services/uploads'
import type { Library } from '../../library'
import { databaseLabel, openPostgresLibrary } from '../../library/postgres'
import { openLibrary } from '../../library/sqlite'
import { builtWorkers } from '../../services/worker-paths'
import { seedDemoLibrary } from '../../services/importer'
import { decisionEventsOf } from '../../transports/decision-events'
import { LOOPBACK_HOSTS, startHttpServer } from '../../transports/http'
import { createDeskAuth } from '../../desk/desk-auth'
import type { CliIo } from '../io'
import { cannotOpen, DATABASE_VARIABLE } from '../open-desk'
import { RENDERER_DIR, SAMPLES_DIR } from '../paths'
import { version } from '../version'

export const SERVE_USAGE = `Usage: factdesk serve --library FILE [--port N] [--no-demo]
       factdesk serve --database postgres://USER@HOST/DB [--port N] [--no-demo] [--single-user]
                      [--host ADDRESS (--tls-cert FILE --tls-key FILE | --behind-proxy)]
       factdesk serve --library FILE --desk [same desk options]

With --library: serves the Factdesk UI at http://127.0.0.1:PORT (loopback only), for one person.
Open the printed address: it carries a token that every API call needs. Stop with Ctrl+C.

With --database (or FACTDESK_DATABASE_URL, when --library is not given) it serves a desk: a
library on PostgreSQL that members sign in to with a name and password (create the first admin
with "factdesk desk add-member"). --desk makes a desk of a library file instead; --single-user
serves a database with the token link, as a file is served.
  --host ADDRESS     listen there instead of 127.0.0.1. Beyond loopback a desk needs
                     --tls-cert FILE --tls-key FILE (https, PEM files), or --behind-proxy when a
                     proxy in front serves https. Plain HTTP is served on loopback only.
  --behind-proxy     a reverse proxy terminates TLS: cookies are Secure, and the sign-in limit
                     counts the address the proxy puts last in X-Forwarded-For.`

export { DATABASE_VARIABLE } from '../open-desk'

export interface ServeHandle {
  url: string
  close(): Promise<void>
}

export async function startServe(args: string[], io: CliIo): Promise<ServeHandle | number> {
  let values
  try {
    ;({ values } = parseArgs({
      args,
      options: {
        library: { type: 'string' },
        database: { type: 'string' },
        port: { type: 'string', default: '0' },
        'no-demo': { type: 'boolean', default: false },
        desk: { type: 'boolean', default: false },
        'single-user': { type: 'boolean', default: false },
        host: { type: 'string', default: '127.0.0.1' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'behind-proxy': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false }
      },
      strict: true
    }))
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${SERVE_USAGE}`)
    return 2
  }
  if (values.help) {
    io.stdout(SERVE_USAGE)
    return 0
  }
  if (values.library && values.database) {
    io.stderr(`factdesk serve takes --library or --database, not both.\n\n${SERVE_USAGE}`)
    return 2
  }
  const databaseUrl = values.library ? undefined : (values.database ?? process.env[DATABASE_VARIABLE])
  if (!values.library && !databaseUrl) {
    io.stderr(
      `factdesk serve needs --library FILE (it is created if missing) or --database URL.\n\n${SERVE_USAGE}`
    )
    return 2
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    io.stderr(`--port must be a whole number from 0 to 65535, not “${values.port}”.`)
    return 2
  }
  const deskMode = values.library ? values.desk : !values['single-user']
  const listening = listenPlan(
    {
      desk: deskMode,
      host: values.host,
      tlsCert: values['tls-cert'],
      tlsKey: values['tls-key'],
      behindProxy: values['behind-proxy']
    },
    io
  )
  if (typeof listening === 'number') return listening
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    io.stderr(`The user interface is not built yet (no ${RENDERER_DIR}/index.html). Run: npm run build`)
    return 1
  }
  const opened = databaseUrl ? await openDatabase(databaseUrl, io) : openFile(values.library!)
  if (typeof opened === 'number') return opened
  const { library, libraryPath } = opened
  if (!values['no-demo']) await seedDemoLibrary(library, SAMPLES_DIR)
  const workers = builtWorkers()
  const uploads = createUploads()
  const handlers = createHandlers({
    library,
    libraryPath,
    version,
    checkEngine: workers.checkEngine,
    parseImport: workers.parseImport,
    // A library file is written by the import worker with its own connection; PostgreSQL is
    // written over the network from here (waiting on a socket, not holding the thread).
    ...(opened.file ? { importFile: workers.importInto({ path: opened.file }) } : {}),
    renderReport: workers.renderReport,
    alignDocuments: workers.alignDocuments,
    uploads
  })
  const server = await startHttpServer({
    handlers,
    uploads,
    events: decisionEventsOf(library),
    rendererDir: RENDERER_DIR,
    port,
    ...listening,
    ...(deskMode ? { desk: createDeskAuth(library) } : {}),
    log: (code, detail) =>
      io.stderr(`[factdesk] ${code} ${detail instanceof Error ? detail.stack : JSON.stringify(detail)}`)
  })
  if (deskMode && (await library.members.countActive('admin')) === 0) {
    io.stderr(
      'This desk has no admin yet: add one with factdesk desk add-member --role admin (see factdesk desk --help).'
    )
  }
  io.stdout(
    deskMode
      ? `Factdesk is serving the desk ${libraryPath}\nOpen ${server.url} and sign in`
      : `Factdesk is serving ${libraryPath}\nOpen ${server.url}`
  )
  return {
    url: server.url,
    close: async () => {
      await server.close()
      await workers.close()
      await uploads.dispose()
      await library.close()
    }
  }
}

interface OpenedLibrary {
  library: Library
  libraryPath: string
  /** The SQLite file, which an import worker can open too; none for a network database. */
  file?: string
}

/**
 * Where and how to listen, or exit 2 with the reason. Plain HTTP stays on loopback: beyond it a
 * password and a session cookie would cross the network readable by anyone on the way.
 */
export function listenPlan(
  flags: { desk: boolean; host: string; tlsCert?: string; tlsKey?: string; behindProxy: boolean },
  io: CliIo
): { host: string; tls?: { cert: Buffer; key: Buffer }; behindProxy: boolean } | number {
  const refuse = (message: string): number => {
    io.stderr(`${message}\n\n${SERVE_USAGE}`)
    return 2
  }
  const host = flags.host.trim()
  const tlsWanted = flags.tlsCert !== undefined || flags.tlsKey !== undefined
  if (tlsWanted && (!flags.tlsCert || !flags.tlsKey)) return refuse('--tls-cert and --tls-key go together.')
  if (tlsWanted && flags.behindProxy)
    return refuse('Choose --tls-cert/--tls-key or --behind-proxy, not both.')
  if (!flags.desk && (tlsWanted || flags.behindProxy || !LOOPBACK_HOSTS.has(host))) {
    return refuse(
      'Only a desk listens beyond this machine (--host, --tls-cert, --behind-proxy): serve a --database, or a --library with --desk.'
    )
  }
  if (!LOOPBACK_HOSTS.has(host) && !tlsWanted && !flags.behindProxy) {
    return refuse(
      `Refusing to listen on ${host} over plain HTTP: passwords and session cookies would cross the network unencrypted. ` +
        'Give --tls-cert FILE --tls-key FILE, or --behind-proxy when a proxy in front serves https.'
    )
  }
  if (!tlsWanted) return { host, behindProxy: flags.behindProxy }
  try {
    return {
      host,
      tls: { cert: readFileSync(flags.tlsCert!), key: readFileSync(flags.tlsKey!) },
      behindProxy: false
    }
  } catch (error) {
    io.stderr(`Cannot read the TLS certificate or key: ${(error as Error).message}`)
    return 1
  }
}

function openFile(path: string): OpenedLibrary {
  const libraryPath = resolve(path)
  // This connection answers requests while the import worker writes with its own.
  return { library: openLibrary(libraryPath, { answersRequests: true }), libraryPath, file: libraryPath }
}

/** The desk's store, named without its password; exit 1 with the reason when it cannot be opened. */
async function openDatabase(url: string, io: CliIo): Promise<OpenedLibrary | number> {
  const libraryPath = databaseLabel(url)
  try {
    return { library: await openPostgresLibrary(url), libraryPath }
  } catch (error) {
    return cannotOpen(io, libraryPath, error)
  }
}

export async function runServe(args: string[], io: CliIo): Promise<number> {
  const handle = await startServe(args, io)
  if (typeof handle === 'number') return handle
  await new Promise<void>((resolvePromise) => {
    const stop = (): void => {
      void handle.close().then(resolvePromise)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}
