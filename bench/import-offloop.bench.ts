// A 45 MB text imported through the API's dispatch (library.importFile, a path, as the desktop app
// sends a dropped file) while app.info is sent through the same dispatch every 50 ms: how long the
// import takes and how long app.info waits, with the parse and the library write in the import
// worker (now: the worker's own connection to the library file), with only the parse there, and
// with both in the thread that answers requests; then how long the first search takes (the
// full-text index of the new text is made in the worker now, by that search or the idle timer in
// the request thread before). Issue #12: big inputs never stall the app.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { deserialize, serialize } from 'node:v8'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { dispatch } from '../src/main/api/dispatch'
import { contract } from '../src/shared/contract'
import { createHandlers } from '../src/main/api/handlers'
import type { Library } from '../src/main/library'
import { openLibrary } from '../src/main/library/sqlite'
import { readAndParse } from '../src/main/services/import-parse'
import { handOverImport, takeOverImport } from '../src/main/services/parsed-handover'
import type { DocumentParser, FileImporter } from '../src/main/services/import-parser'
import { generatedParagraphs } from '../src/test-support/library/generate'
import { testCheckEngine, testWorkers } from '../src/test-support/workers'
import type { AppWorkers } from '../src/main/services/app-workers'
import { createUploads } from '../src/main/services/uploads'
import { startHttpServer } from '../src/main/transports/http'

type Report = (section: string, lines: string[]) => void

const TARGET_BYTES = 45 * 1024 * 1024
const INFO_EVERY_MS = 50

const ms = (x: number) => `${x.toFixed(1)} ms`
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN

function bigText(): string {
  const parts: string[] = ['A very long text\n\n']
  let size = 0
  for (let n = 0; size < TARGET_BYTES; n++)
    for (const paragraph of generatedParagraphs(n)) {
      parts.push(`${paragraph}\n\n`)
      size += paragraph.length + 2
    }
  return parts.join('')
}

interface Measured {
  importMs: number
  /** From when each app.info was due to when it was answered: a stalled loop delays the sending too. */
  info: number[]
  /** The first library.search after the import answered. */
  searchMs: number
  /** Opening the text: library.read of its first page, as the reader asks. */
  readMs: number
  paragraphs: number
}

interface Setup {
  name: string
  parseImport?: DocumentParser
  /** Given the library file: parse and write elsewhere. */
  importInto?: (path: string) => FileImporter
}

type Call = (method: string, input: unknown) => Promise<unknown>
type Imported = { status: string; id: number }

/**
 * app.info every INFO_EVERY_MS until `importing` settles, each wait counted from when it was due;
 * then the first search for a phrase of the text, and its first page as the reader asks.
 */
async function whileImporting(call: Call, importing: Promise<Imported>, library: Library): Promise<Measured> {
  let done = false
  const started = performance.now()
  const settled = importing.finally(() => (done = true))
  const info: number[] = []
  while (!done) {
    const due = performance.now() + INFO_EVERY_MS
    await new Promise((r) => setTimeout(r, INFO_EVERY_MS))
    // Sent even when the import ended meanwhile: it was due while the import held the thread.
    await call('app.info', {})
    info.push(performance.now() - due)
  }
  const outcome = await settled
  const importMs = performance.now() - started
  if (outcome.status !== 'imported') throw new Error(`the big text was ${outcome.status}`)
  const searching = performance.now()
  const { hits } = (await call('library.search', { query: '"Report 1000 part 0"' })) as { hits: unknown[] }
  const searchMs = performance.now() - searching
  if (hits.length !== 1) throw new Error(`the search found ${hits.length} hits, not 1`)
  const reading = performance.now()
  await call('library.read', { id: outcome.id, offset: 0, limit: 200 })
  const readMs = performance.now() - reading
  return { importMs, info, searchMs, readMs, paragraphs: (await library.summary(outcome.id))!.paragraphCount }
}

async function measure(dir: string, file: string, setup: Setup): Promise<Measured> {
  const path = join(dir, `library-${setup.name}.sqlite`)
  // As the app and serve mode open it once imports are written elsewhere.
  const library = openLibrary(path, { answersRequests: setup.importInto !== undefined })
  const handlers = createHandlers({
    library,
    libraryPath: path,
    version: 'bench',
    checkEngine: testCheckEngine(),
    parseImport: setup.parseImport,
    importFile: setup.importInto?.(path)
  })
  const call = (method: string, input: unknown) => dispatch(handlers, method, input, { transport: 'ipc' })
  try {
    const importing = call('library.importFile', { name: 'big.txt', source: { kind: 'path', path: file } })
    return await whileImporting(call, importing as Promise<Imported>, library)
  } finally {
    await library.close()
  }
}

/**
 * Serve mode as a browser uses it: the file sent as the body of POST /upload (streamed to disk),
 * then library.importFile naming the upload, over the real HTTP server on loopback, while app.info
 * is sent over HTTP every INFO_EVERY_MS. The import worker writes, as in serve mode.
 */
async function measureUpload(dir: string, file: string, workers: AppWorkers): Promise<Measured> {
  const path = join(dir, 'library-upload.sqlite')
  const library = openLibrary(path, { answersRequests: true })
  const uploads = createUploads()
  const handlers = createHandlers({
    library,
    libraryPath: path,
    version: 'bench',
    checkEngine: testCheckEngine(),
    importFile: workers.importInto({ path }),
    uploads
  })
  const server = await startHttpServer({ handlers, rendererDir: null, uploads })
  const auth = { Authorization: `Bearer ${server.token}` }
  const call: Call = async (method, input) => {
    const response = await fetch(`${server.origin}/api/${method}`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(input)
    })
    const reply = (await response.json()) as { result?: unknown; error?: { message: string } }
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`)
    return reply.result
  }
  try {
    const importing = (async () => {
      const source = await uploadFromAnotherThread(`${server.origin}/upload`, server.token, file)
      return (await call('library.importFile', { name: 'big.txt', source })) as Imported
    })()
    return await whileImporting(call, importing, library)
  } finally {
    await server.close()
    await uploads.dispose()
    await library.close()
  }
}

/**
 * Sends the file as a browser does, from outside the server's thread: reading the file and
 * sending it are the browser's work, not the server's.
 */
function uploadFromAnotherThread(url: string, token: string, file: string): Promise<unknown> {
  const sender = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads')
     const { readFileSync } = require('node:fs')
     fetch(workerData.url, {
       method: 'POST',
       headers: { Authorization: 'Bearer ' + workerData.token, 'Content-Type': 'application/octet-stream' },
       body: readFileSync(workerData.file)
     }).then((r) => r.json()).then((reply) => parentPort.postMessage(reply))`,
    { eval: true, workerData: { url, token, file } }
  )
  return new Promise((resolve, reject) => {
    sender.once('message', (reply: { result?: unknown; error?: { message: string } }) => {
      void sender.terminate()
      if (reply.error) reject(new Error(`upload: ${reply.error.message}`))
      else resolve(reply.result)
    })
    sender.once('error', reject)
  })
}

/**
 * What serve mode's request thread did with a file the browser sent before POST /upload: the JSON
 * body, the file as base64 in it, read as text, parsed and validated against the contract
 * (transports/http.ts, api/dispatch.ts) before the worker got it.
 */
function uploadInThisThread(bytes: Uint8Array) {
  const body = Buffer.from(
    JSON.stringify({
      name: 'big.txt',
      source: { kind: 'bytes', base64: Buffer.from(bytes).toString('base64') }
    })
  )
  let started = performance.now()
  const text = body.toString('utf8')
  const decode = performance.now() - started
  started = performance.now()
  const input: unknown = JSON.parse(text)
  const parse = performance.now() - started
  started = performance.now()
  if (!contract['library.importFile'].input.safeParse(input).success)
    throw new Error('the upload is not valid')
  const validate = performance.now() - started
  return { decode, parse, validate }
}

/**
 * app.info every INFO_EVERY_MS with no import: what this machine's load alone costs it, and with a
 * thread of this process kept busy meanwhile (as the import worker keeps one), doing nothing else.
 */
async function baseline(dir: string, forMs: number, busyThread: boolean): Promise<number[]> {
  const spinning = busyThread
    ? new Worker(`const end = Date.now() + ${forMs}; while (Date.now() < end) {}`, { eval: true })
    : null
  const library = openLibrary(join(dir, 'library-idle.sqlite'), { answersRequests: true })
  const handlers = createHandlers({
    library,
    libraryPath: dir,
    version: 'bench',
    checkEngine: testCheckEngine()
  })
  const info: number[] = []
  try {
    for (const end = performance.now() + forMs; performance.now() < end;) {
      const due = performance.now() + INFO_EVERY_MS
      await new Promise((r) => setTimeout(r, INFO_EVERY_MS))
      await dispatch(handlers, 'app.info', {}, { transport: 'ipc' })
      info.push(performance.now() - due)
    }
    return info
  } finally {
    await spinning?.terminate()
    await library.close()
  }
}

async function phasesInThisThread(dir: string, file: string) {
  let started = performance.now()
  const parsed = await readAndParse({ name: 'big.txt', path: file })
  const parse = performance.now() - started
  if (!parsed.ok) throw new Error('the big text was not parsed')
  // The two halves of a structured clone, as postMessage does them: serialized in the worker,
  // deserialized in the receiving thread.
  started = performance.now()
  const serialized = serialize(parsed)
  const cloneSend = performance.now() - started
  started = performance.now()
  deserialize(serialized)
  const cloneReceive = performance.now() - started
  started = performance.now()
  const packed = handOverImport(parsed)
  const packing = performance.now() - started
  started = performance.now()
  const received = takeOverImport(packed)
  const unpacking = performance.now() - started
  if (!received.ok) throw new Error('the big text was lost on the way')
  const upload = uploadInThisThread(received.bytes)
  const library = openLibrary(join(dir, 'library-write.sqlite'))
  try {
    started = performance.now()
    await library.importDocument({
      fileName: 'big.txt',
      bytes: received.bytes,
      doc: received.doc,
      role: 'source'
    })
    const write = performance.now() - started
    started = performance.now()
    await library.indexPending()
    const index = performance.now() - started
    return { parse, cloneSend, cloneReceive, packing, unpacking, write, index, upload }
  } finally {
    await library.close()
  }
}

export async function run(report: Report): Promise<void> {
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-import-offloop-bench-'))
  const workers = testWorkers(60_000)
  try {
    const file = join(dir, 'big.txt')
    const text = bigText()
    writeFileSync(file, text)
    const small = join(dir, 'small.txt')
    writeFileSync(small, 'A short text\n\nThe council met on Tuesday.')
    // Warm-up: the worker thread started and the import core loaded, as after the first import.
    await workers.parseImport({ name: 'small.txt', path: small })
    const now = await measure(dir, file, {
      name: 'worker-write',
      importInto: (path) => workers.importInto({ path })
    })
    const uploaded = await measureUpload(dir, file, workers)
    const idle = await baseline(dir, 10_000, false)
    const spinning = await baseline(dir, 10_000, true)
    const parseOnly = await measure(dir, file, { name: 'worker-parse', parseImport: workers.parseImport })
    const inThread = await measure(dir, file, { name: 'thread' })
    const phases = await phasesInThisThread(dir, file)
    const row = (name: string, m: Measured) =>
      `| ${name} | ${ms(m.importMs)} | ${m.info.length} | ${ms(quantile(m.info, 0.5))} | ${ms(quantile(m.info, 0.95))} | ${ms(Math.max(...m.info))} | ${ms(m.searchMs)} | ${ms(m.readMs)} |`
    report('Imports off the request loop: app.info during a 45 MB import', [
      `A generated text of ${(Buffer.byteLength(text) / 1024 ** 2).toFixed(1)} MB (${now.paragraphs.toLocaleString('en-US')} paragraphs) imported with library.importFile (a path, as the desktop app sends a dropped file) through dispatch into a new library file; app.info sent through the same dispatch every ${INFO_EVERY_MS} ms until the import is done, its wait counted from when it was due (a stalled thread delays the sending too); then one library.search for a phrase of the text, and the text opened (library.read, its first 200 paragraphs, as the reader asks). The worker is started from the TypeScript source with tsx and warmed up with a small import first (the built app starts the bundled import-worker.js). Load average when this section started: ${load}.`,
      '',
      '| parse and write | library.importFile | app.info calls | p50 | p95 | max | first search after | open it |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      row('both in the import worker, its own connection (now)', now),
      row('serve mode: POST /upload, then library.importFile over HTTP; the worker as above (now)', uploaded),
      row('parse in the worker, write in the request thread (before)', parseOnly),
      row('both in the request thread (before that)', inThread),
      `| no import: app.info alone for 10 s (this machine's own delays) | – | ${idle.length} | ${ms(quantile(idle, 0.5))} | ${ms(quantile(idle, 0.95))} | ${ms(Math.max(...idle))} | – | – |`,
      `| no import, another thread of the process spinning for 10 s | – | ${spinning.length} | ${ms(quantile(spinning, 0.5))} | ${ms(quantile(spinning, 0.95))} | ${ms(Math.max(...spinning))} | – | – |`,
      '',
      `Where the time goes, each step alone in this thread: the parse (read, decode, clean, split) ${ms(phases.parse)}; handing the parsed text from the worker to the request thread as a structured clone, ${ms(phases.cloneSend)} in the worker and ${ms(phases.cloneReceive)} in the request thread, or packed into one UTF-8 buffer that moves without a copy, ${ms(phases.packing)} in the worker and ${ms(phases.unpacking)} in the request thread (no longer done: the worker answers only the outcome); the library write (the text and its paragraphs, one transaction) ${ms(phases.write)} and the full-text index of its paragraphs ${ms(phases.index)}. Now both run in the worker, in one transaction; before, the write held the request thread, and the index held it at the next search (the first search above) or when imports paused.`,
      '',
      `Serve mode's upload: the browser sends the file as the body of POST /upload, which the request thread writes to disk chunk by chunk, and library.importFile names the upload (the serve-mode row above, with app.info over HTTP). Before, the file came as base64 inside the JSON call, which that thread read as text (${ms(phases.upload.decode)}), parsed (${ms(phases.upload.parse)}) and checked against the contract (${ms(phases.upload.validate)}) before the worker got it.`
    ])
  } finally {
    await workers.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
