// A 45 MB text imported through the API's dispatch (library.importFile, a path, as the desktop app
// sends a dropped file) while app.info is sent through the same dispatch every 50 ms: how long the
// import takes and how long app.info waits, with the parse in a worker thread (now) and in the
// thread that answers requests (before). Issue #12: big inputs never stall the app.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { deserialize, serialize } from 'node:v8'
import { join } from 'node:path'
import { dispatch } from '../src/main/api/dispatch'
import { createHandlers } from '../src/main/api/handlers'
import { openLibrary } from '../src/main/library/sqlite'
import { readAndParse } from '../src/main/services/import-parse'
import { handOverImport, takeOverImport } from '../src/main/services/parsed-handover'
import type { DocumentParser } from '../src/main/services/import-parser'
import { generatedParagraphs } from '../src/test-support/library/generate'
import { testCheckEngine, testWorkers } from '../src/test-support/workers'

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
  paragraphs: number
}

async function measure(dir: string, file: string, parseImport?: DocumentParser): Promise<Measured> {
  const library = openLibrary(join(dir, `library-${parseImport ? 'worker' : 'thread'}.sqlite`))
  const handlers = createHandlers({
    library,
    libraryPath: dir,
    version: 'bench',
    checkEngine: testCheckEngine(),
    parseImport
  })
  const call = (method: string, input: unknown) => dispatch(handlers, method, input, { transport: 'ipc' })
  try {
    let done = false
    const started = performance.now()
    const importing = call('library.importFile', { name: 'big.txt', source: { kind: 'path', path: file } })
      .then((outcome) => outcome as { status: string; id: number })
      .finally(() => (done = true))
    const info: number[] = []
    while (!done) {
      const due = performance.now() + INFO_EVERY_MS
      await new Promise((r) => setTimeout(r, INFO_EVERY_MS))
      // Sent even when the import ended meanwhile: it was due while the import held the thread.
      await call('app.info', {})
      info.push(performance.now() - due)
    }
    const outcome = await importing
    const importMs = performance.now() - started
    if (outcome.status !== 'imported') throw new Error(`the big text was ${outcome.status}`)
    return { importMs, info, paragraphs: (await library.get(outcome.id))!.paragraphs.length }
  } finally {
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
  const library = openLibrary(join(dir, 'library-write.sqlite'))
  try {
    started = performance.now()
    await library.importDocument({
      fileName: 'big.txt',
      bytes: received.bytes,
      doc: received.doc,
      role: 'source'
    })
    return { parse, cloneSend, cloneReceive, packing, unpacking, write: performance.now() - started }
  } finally {
    await library.close()
  }
}

export async function run(report: Report): Promise<void> {
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
    const worker = await measure(dir, file, workers.parseImport)
    const before = await measure(dir, file)
    const phases = await phasesInThisThread(dir, file)
    const row = (name: string, m: Measured) =>
      `| ${name} | ${ms(m.importMs)} | ${m.info.length} | ${ms(quantile(m.info, 0.5))} | ${ms(quantile(m.info, 0.95))} | ${ms(Math.max(...m.info))} |`
    report('Imports off the request loop: app.info during a 45 MB import', [
      `A generated text of ${(Buffer.byteLength(text) / 1024 ** 2).toFixed(1)} MB (${worker.paragraphs.toLocaleString('en-US')} paragraphs) imported with library.importFile (a path, as the desktop app sends a dropped file) through dispatch into a new library file; app.info sent through the same dispatch every ${INFO_EVERY_MS} ms until the import is done, its wait counted from when it was due (a stalled thread delays the sending too). The worker is started from the TypeScript source with tsx and warmed up with a small import first (the built app starts the bundled import-worker.js).`,
      '',
      '| parse runs | library.importFile | app.info calls | p50 | p95 | max |',
      '|---|---:|---:|---:|---:|---:|',
      row('in a worker thread (now)', worker),
      row('in the request thread (before)', before),
      '',
      `Where the time goes, each step alone in this thread: the parse (read, decode, clean, split) ${ms(phases.parse)}, now in the worker; handing the parsed text from the worker to the request thread as a structured clone, ${ms(phases.cloneSend)} in the worker and ${ms(phases.cloneReceive)} in the request thread, or as now packed into one UTF-8 buffer that moves without a copy, ${ms(phases.packing)} in the worker and ${ms(phases.unpacking)} in the request thread; the library write (paragraphs and the full-text index, one transaction per file) ${ms(phases.write)}, still in the request thread. The write and the unpacking are the max above.`
    ])
  } finally {
    await workers.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
