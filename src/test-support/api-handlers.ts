// Handlers for tests: canned data and no library, for the transports; or the app's own on a
// library, checks computed by a test worker.
import type { Handlers } from '../main/api/dispatch'
import { createHandlers, type AppServices } from '../main/api/handlers'
import type { Library } from '../main/library'
import { testCheckEngine } from './workers'

export function cannedHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = (): never => {
    throw new Error('not used in this test')
  }
  return {
    'app.info': (_input, context) => ({
      name: 'Factdesk',
      version: '0.0.0-test',
      transport: context.transport,
      libraryPath: '/tmp/test.sqlite',
      textCount: 3
    }),
    'library.list': () => ({ texts: [], total: 0 }),
    'library.get': unused,
    'library.paragraphs': unused,
    'library.search': (input) => ({ hits: input.query === 'boom' ? unused() : [], suggestions: [] }),
    'library.expandPaths': unused,
    'library.importFile': unused,
    'library.delete': () => ({ deleted: false }),
    'library.setRole': unused,
    'checks.list': () => ({ checks: [], reviews: [] }),
    'houseNames.list': () => ({ names: [] }),
    'houseNames.add': unused,
    'houseNames.remove': unused,
    'houseNames.import': unused,
    'houseNames.export': unused,
    'checks.create': unused,
    'checks.get': unused,
    'checks.rerun': unused,
    'checks.delete': unused,
    'checks.decide': unused,
    'checks.history': unused,
    'checks.export': unused,
    ...overrides
  } as Handlers
}

/** The app's handlers on `library` (called ':memory:'), with `services` beyond the check engine. */
export function libraryHandlers(library: Library, services: Partial<AppServices> = {}): Handlers {
  return createHandlers({
    library,
    libraryPath: ':memory:',
    version: 'test',
    checkEngine: testCheckEngine(),
    ...services
  })
}
