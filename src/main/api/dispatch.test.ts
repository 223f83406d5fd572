import { describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/errors'
import { dispatch } from './dispatch'
import { cannedHandlers } from '../../test-support/api-handlers'

const ipc = { transport: 'ipc' as const }

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'resolved'
  } catch (error) {
    return error instanceof ApiError ? error.code : 'not an ApiError'
  }
}

describe('dispatch', () => {
  it('runs a handler with validated input and returns its checked output', async () => {
    const result = await dispatch(cannedHandlers(), 'app.info', {}, ipc)
    expect(result).toMatchObject({ transport: 'ipc', textCount: 3 })
  })

  it('fills in defaults from the contract before the handler sees the input', async () => {
    let seen: unknown
    const handlers = cannedHandlers({
      'library.list': (input) => {
        seen = input
        return { texts: [], total: 0 }
      }
    })
    await dispatch(handlers, 'library.list', {}, ipc)
    expect(seen).toEqual({ limit: 500, offset: 0 })
  })

  it.each([
    ['an unknown method', 'library.dropTables', {}, 'UNKNOWN_METHOD'],
    ['a prototype key as method', 'constructor', {}, 'UNKNOWN_METHOD'],
    ['a missing field', 'library.get', {}, 'BAD_REQUEST'],
    ['a field of the wrong type', 'library.get', { id: '1; DROP TABLE texts' }, 'BAD_REQUEST'],
    ['a negative id', 'library.delete', { id: -4 }, 'BAD_REQUEST'],
    ['an extra field', 'app.info', { admin: true }, 'BAD_REQUEST'],
    ['null input', 'library.list', null, 'BAD_REQUEST'],
    ['a Map instead of an object', 'app.info', new Map(), 'BAD_REQUEST'],
    ['a Date instead of an object', 'library.list', new Date(), 'BAD_REQUEST'],
    [
      'bytes that are not base64',
      'library.importFile',
      { name: 'a.txt', source: { kind: 'bytes', base64: '!!!not base64!!!' } },
      'BAD_REQUEST'
    ],
    ['an over-long query', 'library.search', { query: 'x'.repeat(501) }, 'BAD_REQUEST'],
    ['an unknown role', 'library.setRole', { id: 1, role: 'admin' }, 'BAD_REQUEST']
  ])('refuses %s with a typed error', async (_label, method, input, code) => {
    expect(await codeOf(dispatch(cannedHandlers(), method, input, ipc))).toBe(code)
  })

  it('refuses an extra key inside a nested object (the import source)', async () => {
    const input = { name: 'a.txt', source: { kind: 'bytes', base64: 'aGk=', path: '/etc/passwd' } }
    expect(await codeOf(dispatch(cannedHandlers(), 'library.importFile', input, ipc))).toBe('BAD_REQUEST')
  })

  it('hides an unexpected handler failure behind INTERNAL and logs it', async () => {
    const logged: string[] = []
    const code = await codeOf(
      dispatch(cannedHandlers(), 'library.search', { query: 'boom' }, ipc, (c) => logged.push(c))
    )
    expect(code).toBe('INTERNAL')
    expect(logged).toEqual(['INTERNAL'])
  })

  it('refuses a handler output that breaks the contract', async () => {
    const handlers = cannedHandlers({ 'library.delete': () => ({ deleted: 'yes' }) as never })
    expect(await codeOf(dispatch(handlers, 'library.delete', { id: 1 }, ipc))).toBe('INTERNAL')
  })
})
