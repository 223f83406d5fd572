// POST /upload and library.importFile from an upload, through the real server, handlers and library.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../api/handlers'
import { openLibrary, type SqliteLibrary } from '../library/sqlite'
import { createUploads, type Uploads } from '../services/uploads'
import { sendRaw } from '../../test-support/raw-http'
import { testCheckEngine } from '../../test-support/workers'
import { startHttpServer, type RunningHttpServer } from './http'

const MAX_BYTES = 64 * 1024

let dir: string
let library: SqliteLibrary
let uploads: Uploads
let server: RunningHttpServer

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-upload-'))
  library = openLibrary(join(dir, 'library.sqlite'))
  uploads = createUploads({ maxBytes: MAX_BYTES })
  const handlers = createHandlers({
    library,
    libraryPath: dir,
    version: 'test',
    checkEngine: testCheckEngine(),
    uploads
  })
  server = await startHttpServer({ handlers, rendererDir: null, uploads })
})
afterAll(async () => {
  await server.close()
  await uploads.dispose()
  await library.close()
  rmSync(dir, { recursive: true, force: true })
})

const upload = (body: string | Uint8Array, headers: Record<string, string> = {}) =>
  sendRaw(server, {
    path: '/upload',
    headers: {
      'Content-Type': 'application/octet-stream',
      Authorization: `Bearer ${server.token}`,
      ...headers
    },
    body
  })

const importFile = async (name: string, source: unknown) =>
  JSON.parse(
    (
      await sendRaw(server, {
        path: '/api/library.importFile',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
        body: JSON.stringify({ name, source })
      })
    ).body
  )

describe('uploads over HTTP', () => {
  it('imports an uploaded file once, then deletes it', async () => {
    const reply = await upload('Minister Yoko Kamikawa visited Kyiv on Saturday.\n\nShe met Andrii Sybiha.')
    expect(reply.status).toBe(200)
    const source = JSON.parse(reply.body).result
    expect(source).toMatchObject({ kind: 'upload', uploadId: expect.stringMatching(/^[\w-]{32}$/) })

    const imported = await importFile('kyiv.txt', source)
    expect(imported.result).toMatchObject({ status: 'imported' })
    const text = await library.get(imported.result.id)
    expect(text?.paragraphs.map((p) => p.text)).toEqual([
      'Minister Yoko Kamikawa visited Kyiv on Saturday.',
      'She met Andrii Sybiha.'
    ])
    expect(text?.fileName).toBe('kyiv.txt')

    const again = await importFile('kyiv.txt', source)
    expect(again.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('add it again') })
    const folders = readdirSync(tmpdir()).filter((name) => name.startsWith('factdesk-uploads-'))
    for (const folder of folders) expect(readdirSync(join(tmpdir(), folder))).not.toContain(source.uploadId)
  })

  it('refuses an upload without the token, or not sent as bytes, and keeps nothing', async () => {
    const before = await library.count()
    const anonymous = await sendRaw(server, {
      path: '/upload',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: 'x'
    })
    expect(anonymous.status).toBe(401)
    // A form can post text/plain across sites without asking; an upload must not be one.
    expect((await upload('x', { 'Content-Type': 'text/plain' })).status).toBe(400)
    expect((await sendRaw(server, { method: 'GET', path: '/upload' })).status).toBe(405)
    expect(await library.count()).toBe(before)
  })

  it('answers a body past the limit with 413 and why, whether its length was declared or not', async () => {
    const body = new Uint8Array(MAX_BYTES + 1).fill(65)
    const declared = await upload(body)
    // Without Content-Length (chunked), the limit is found while reading.
    const streamed = await upload(body, { 'Transfer-Encoding': 'chunked' })
    for (const reply of [declared, streamed]) {
      expect(reply.status).toBe(413)
      expect(JSON.parse(reply.body).error).toMatchObject({
        code: 'TOO_LARGE',
        message: 'The file is larger than 65536 bytes, the most Factdesk imports.'
      })
    }
  })

  it('imports only an upload id as the server gives them', async () => {
    const reply = await importFile('x.txt', { kind: 'upload', uploadId: '../../etc/passwd' })
    expect(reply.error).toMatchObject({ code: 'BAD_REQUEST' })
  })
})
