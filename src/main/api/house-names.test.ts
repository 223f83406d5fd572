import { describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/errors'
import { openLibrary } from '../library/sqlite'
import { dispatch } from './dispatch'
import { libraryHandlers } from '../../test-support/api-handlers'

function api() {
  const library = openLibrary(':memory:')
  const handlers = libraryHandlers(library)
  return (method: string, input: unknown) => dispatch(handlers, method, input, { transport: 'http' })
}

describe('the house name list through the API', () => {
  it('adds, lists and removes names, refusing a duplicate in any case', async () => {
    const call = api()
    const added = (await call('houseNames.add', { name: ' Yoko Kamikawa ', note: 'AP' })) as {
      id: number
      name: string
    }
    expect(added.name).toBe('Yoko Kamikawa')
    await expect(call('houseNames.add', { name: 'yoko kamikawa' })).rejects.toMatchObject({
      code: 'CONFLICT'
    })
    await expect(call('houseNames.add', { name: '   ' })).rejects.toBeInstanceOf(ApiError)
    expect(((await call('houseNames.list', {})) as { names: unknown[] }).names).toHaveLength(1)
    expect(await call('houseNames.remove', { id: added.id })).toEqual({ removed: true })
  })

  it('imports a plain list, skipping names already there, and exports it back', async () => {
    const call = api()
    await call('houseNames.add', { name: 'Ana Ruiz' })
    const result = await call('houseNames.import', {
      text: '# list\nAna Ruiz\nVolodymyr Zelensky\tAP style\nTakeshi Iwaya\n'
    })
    expect(result).toEqual({ added: 2, skipped: 1 })
    const exported = (await call('houseNames.export', {})) as { fileName: string; text: string }
    expect(exported.fileName).toBe('house-names.txt')
    expect(exported.text).toContain('Volodymyr Zelensky\tAP style')
    const again = api()
    expect(await again('houseNames.import', { text: exported.text })).toEqual({ added: 3, skipped: 0 })
  })
})
