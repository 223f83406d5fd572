// Handlers for transport tests: real dispatch, canned data, no library.
import type { Handlers } from '../main/api/dispatch'

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
