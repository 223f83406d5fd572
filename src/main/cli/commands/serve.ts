// factdesk serve: the app's UI in a browser on this machine, over the same API.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createHandlers } from '../../api/handlers'
import type { Library } from '../../library'
import { databaseLabel, openPostgresLibrary } from '../../library/postgres'
import { openLibrary } from '../../library/sqlite'
import { builtWorkers } from '../../services/worker-paths'
import { seedDemoLibrary } from '../../services/importer'
import { decisionEventsOf } from '../../transports/decision-events'
import { startHttpServer } from '../../transports/http'
import type { CliIo } from '../io'
import { DATABASE_VARIABLE } from '../open-desk'
import { RENDERER_DIR, SAMPLES_DIR } from '../paths'
import { version } from '../version'

export const SERVE_USAGE = `Usage: factdesk serve --library FILE [--port N] [--no-demo]
       factdesk serve --database postgres://USER@HOST/DB [--port N] [--no-demo]

Serves the Factdesk UI at http://127.0.0.1:PORT (loopback only). Open the printed address:
it carries a token that every API call needs. Stop with Ctrl+C.
--database (or FACTDESK_DATABASE_URL, when --library is not given) serves a desk's library on
PostgreSQL instead of a library file.`

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
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    io.stderr(`The user interface is not built yet (no ${RENDERER_DIR}/index.html). Run: npm run build`)
    return 1
  }
  const opened = databaseUrl ? await openDatabase(databaseUrl, io) : openFile(values.library!)
  if (typeof opened === 'number') return opened
  const { library, libraryPath } = opened
  if (!values['no-demo']) await seedDemoLibrary(library, SAMPLES_DIR)
  const workers = builtWorkers()
  const handlers = createHandlers({
    library,
    libraryPath,
    version,
    checkEngine: workers.checkEngine,
    parseImport: workers.parseImport,
    // A library file is written by the import worker with its own connection; PostgreSQL is
    // written over the network from here (waiting on a socket, not holding the thread).
    ...(opened.file ? { importFile: workers.importInto({ path: opened.file }) } : {}),
    renderReport: workers.renderReport
  })
  const server = await startHttpServer({
    handlers,
    events: decisionEventsOf(library),
    rendererDir: RENDERER_DIR,
    port,
    log: (code, detail) =>
      io.stderr(`[factdesk] ${code} ${detail instanceof Error ? detail.stack : JSON.stringify(detail)}`)
  })
  io.stdout(`Factdesk is serving ${libraryPath}\nOpen ${server.url}`)
  return {
    url: server.url,
    close: async () => {
      await server.close()
      await workers.close()
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
    const code = (error as { code?: unknown }).code
    const reason = error instanceof Error ? error.message : String(error)
    io.stderr(
      code === 'LIBRARY_TOO_NEW'
        ? `${code}: ${reason}`
        : `DATABASE_UNAVAILABLE: Cannot open ${libraryPath}: ${reason}`
    )
    return 1
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
