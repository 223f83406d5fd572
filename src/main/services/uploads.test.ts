import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createUploads, uploadOwner, type Uploads } from './uploads'

async function* chunks(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part)
}

let uploads: Uploads
afterEach(() => uploads.dispose())

describe('uploads', () => {
  it('keeps a body as a file that only its owner can take, once', async () => {
    uploads = createUploads()
    const id = await uploads.receive(chunks('Yoko Kamikawa ', 'visited Kyiv.'), uploadOwner({ id: 4 }))
    expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(uploads.take(id, uploadOwner({ id: 5 }))).toBeNull()
    expect(uploads.take(id, uploadOwner(undefined))).toBeNull()
    const path = uploads.take(id, uploadOwner({ id: 4 }))!
    expect(readFileSync(path, 'utf8')).toBe('Yoko Kamikawa visited Kyiv.')
    expect(uploads.take(id, uploadOwner({ id: 4 }))).toBeNull()
    await uploads.remove(path)
    expect(existsSync(path)).toBe(false)
  })

  it('refuses a body past the limit and keeps nothing of it', async () => {
    uploads = createUploads({ maxBytes: 10 })
    const kept = await uploads.receive(chunks('0123456789'), 'token')
    const folder = dirname(uploads.take(kept, 'token')!)
    await expect(uploads.receive(chunks('01234', '56789', 'x'), 'token')).rejects.toMatchObject({
      code: 'TOO_LARGE'
    })
    expect(readdirSync(folder)).toEqual([kept])
  })

  it('deletes an upload nobody imported in time', async () => {
    let now = 0
    uploads = createUploads({ keptMs: 1000, now: () => now })
    const late = await uploads.receive(chunks('late'), 'token')
    now = 600
    const recent = await uploads.receive(chunks('recent'), 'token')
    now = 1200
    const recentPath = uploads.take(recent, 'token')!
    expect(uploads.take(late, 'token')).toBeNull()
    // The sweep's delete runs in the background; by the next turn of the loop it has.
    await new Promise((r) => setTimeout(r, 50))
    expect(readdirSync(dirname(recentPath))).toEqual([recent])
  })

  it('removes every upload and their folder when disposed', async () => {
    uploads = createUploads()
    const path = uploads.take(await uploads.receive(chunks('x'), 'token'), 'token')!
    await uploads.receive(chunks('y'), 'token')
    await uploads.dispose()
    expect(existsSync(dirname(path))).toBe(false)
  })
})
