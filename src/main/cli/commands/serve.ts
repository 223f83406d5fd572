// factdesk serve: the app's UI in a browser on this machine, over the same API.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createHandlers } from '../../api/handlers'
import { openLibrary } from '../../library'
import { builtWorkers } from '../../services/worker-paths'
import { seedDemoLibrary } from '../../services/importer'
import { startHttpServer } from '../../transports/http'
import type { CliIo } from '../io'
import { RENDERER_DIR, SAMPLES_DIR } from '../paths'
import { version } from '../version'

export const SERVE_USAGE = `Usage: factdesk serve --library FILE [--port N] [--no-demo]

Serves the Factdesk UI at http://127.0.0.1:PORT (loopback only). Open the printed address:
it carries a token that every API call needs. Stop with Ctrl+C.`

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
  if (!values.library) {
    io.stderr(`factdesk serve needs --library FILE (it is created if missing).\n\n${SERVE_USAGE}`)
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
  const libraryPath = resolve(values.library)
  const library = openLibrary(libraryPath)
  if (!values['no-demo']) await seedDemoLibrary(library, SAMPLES_DIR)
  const workers = builtWorkers()
  const handlers = createHandlers({
    library,
    libraryPath,
    version,
    checkEngine: workers.checkEngine,
    parseImport: workers.parseImport,
    renderReport: workers.renderReport
  })
  const server = await startHttpServer({
    handlers,
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
      library.close()
    }
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
