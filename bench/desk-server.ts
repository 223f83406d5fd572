// Child process of desk.bench.ts: a desk served over HTTP on 127.0.0.1 as `factdesk serve` serves
// one (src/main/cli/commands/serve.ts: the same handlers, sign-in, CSRF and same-origin checks,
// live decisions), in a process of its own so the editors the bench simulates do not share its
// event loop. Two differences: the workers are started from the TypeScript sources (as in tests),
// and no user interface is served (the bench calls the API only).
// Usage: node --import tsx bench/desk-server.ts database URL | library FILE
// Prints "listening ORIGIN" once it answers; SIGTERM closes it.
import { createHandlers } from '../src/main/api/handlers'
import { createDeskAuth } from '../src/main/desk/desk-auth'
import type { Library } from '../src/main/library'
import { openPostgresLibrary } from '../src/main/library/postgres'
import { openLibrary } from '../src/main/library/sqlite'
import { decisionEventsOf } from '../src/main/transports/decision-events'
import { startHttpServer } from '../src/main/transports/http'
import { testWorkers } from '../src/test-support/workers'

const [kind, where] = process.argv.slice(2)
if ((kind !== 'database' && kind !== 'library') || !where)
  throw new Error('usage: desk-server.ts database URL | library FILE')

const library: Library =
  kind === 'database' ? await openPostgresLibrary(where) : openLibrary(where, { answersRequests: true })
// Kept alive a minute, as the app keeps them: the check is computed once, then nothing else runs.
const workers = testWorkers(60_000)
const handlers = createHandlers({
  library,
  libraryPath: where,
  version: 'bench',
  checkEngine: workers.checkEngine,
  parseImport: workers.parseImport,
  ...(kind === 'library' ? { importFile: workers.importInto({ path: where }) } : {}),
  renderReport: workers.renderReport
})
const server = await startHttpServer({
  handlers,
  events: decisionEventsOf(library),
  rendererDir: null,
  desk: createDeskAuth(library),
  log: (code, detail) =>
    process.stderr.write(
      `[desk-server] ${code} ${detail instanceof Error ? detail.stack : JSON.stringify(detail)}\n`
    )
})
process.stdout.write(`listening ${server.origin}\n`)
process.once('SIGTERM', () => {
  void (async () => {
    await server.close()
    await workers.close()
    await library.close()
    process.exit(0)
  })()
})
