// Importing files into the library: read, parse with the import core, store. Each file is its own
// unit: its own outcome and its own transaction, so one bad file never stops or spoils the batch.
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportOutcome, TextMeta, TextRole } from '../../shared/domain'
import { MAX_IMPORT_BYTES, parseDocument } from '../core/import'
import type { Library } from '../library'
import { createCheck } from './checks'

export interface ImportInput {
  name: string
  /** A file on this machine; read here, after a size check. */
  path?: string
  /** The file's contents, when they arrived over the wire. */
  bytes?: Uint8Array
}

export interface ImportOptions {
  role?: TextRole
  onProgress?: (done: number, total: number, outcome: ImportOutcome) => void
  /** Aborting stops before the next file; files already imported stay. */
  signal?: AbortSignal
}

const LIMIT_MB = MAX_IMPORT_BYTES / (1024 * 1024)

/** Whole megabytes read best, but a file just over the limit must not read "50 MB; the limit is 50 MB". */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return `${Math.round(mb) > LIMIT_MB ? Math.round(mb) : Math.ceil(mb * 10) / 10} MB`
}

function tooLarge(name: string, size: number): ImportOutcome {
  return {
    status: 'rejected',
    name,
    code: 'IMPORT_TOO_LARGE',
    message: `${name} is ${megabytes(size)}; the limit is ${megabytes(MAX_IMPORT_BYTES)}.`
  }
}

/** Why reading or storing failed, as a sentence: the system's own message minus its jargon. */
function unreadable(name: string, error: unknown): ImportOutcome {
  const code = (error as NodeJS.ErrnoException).code
  const reason =
    code === 'ENOENT'
      ? 'the file does not exist (it may have been moved or deleted)'
      : code === 'EACCES' || code === 'EPERM'
        ? 'Factdesk is not allowed to read it'
        : code === 'EISDIR'
          ? 'it is a folder'
          : `something went wrong (${error instanceof Error ? error.message : String(error)})`
  return {
    status: 'rejected',
    name,
    code: 'IMPORT_UNREADABLE',
    message: `${name} could not be imported: ${reason}.`
  }
}

async function readInput(input: ImportInput): Promise<Uint8Array | ImportOutcome> {
  if (input.bytes)
    return input.bytes.byteLength > MAX_IMPORT_BYTES
      ? tooLarge(input.name, input.bytes.byteLength)
      : input.bytes
  if (!input.path) return unreadable(input.name, new Error('no path and no contents were given'))
  // Stat first: a 2 GB video dropped by mistake must be refused without reading it into memory.
  const info = await stat(input.path)
  if (info.isDirectory())
    return unreadable(input.name, Object.assign(new Error('folder'), { code: 'EISDIR' }))
  if (info.size > MAX_IMPORT_BYTES) return tooLarge(input.name, info.size)
  return new Uint8Array(await readFile(input.path))
}

async function importOne(library: Library, input: ImportInput, role: TextRole): Promise<ImportOutcome> {
  try {
    const bytes = await readInput(input)
    if (!(bytes instanceof Uint8Array)) return bytes
    const parsed = await parseDocument({ name: input.name, bytes })
    if (!parsed.ok)
      return { status: 'rejected', name: input.name, code: parsed.code, message: parsed.message }
    const stored = await library.importDocument({ fileName: input.name, bytes, doc: parsed.doc, role })
    return { status: stored.status, name: input.name, id: stored.id, title: stored.title }
  } catch (error) {
    return unreadable(input.name, error)
  }
}

/** Hand the event loop back this often, so a long batch in the app's main process leaves IPC responsive. */
const YIELD_EVERY_MS = 50
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export async function importFiles(
  library: Library,
  inputs: readonly ImportInput[],
  options: ImportOptions = {}
): Promise<ImportOutcome[]> {
  const { role = 'source', onProgress, signal } = options
  const outcomes: ImportOutcome[] = []
  let lastYield = performance.now()
  for (const input of inputs) {
    if (signal?.aborted) break
    const outcome = await importOne(library, input, role)
    outcomes.push(outcome)
    onProgress?.(outcomes.length, inputs.length, outcome)
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await yieldToEventLoop()
      lastYield = performance.now()
    }
  }
  return outcomes
}

/** Which sample is the story under check and which are its sources: resources/samples/demo.json. */
interface DemoManifest {
  folder: string
  story: string
  sources: string[]
  /** The story's publication date, which its text does not give ("on Saturday" needs it). */
  storyDate?: string
  /** The demo newsroom's house list of names. */
  houseNames?: string[]
  /** Metadata the sample files do not carry (they stay byte for byte), by file name. */
  meta?: Record<string, Partial<TextMeta>>
}

/**
 * First launch: an empty library receives the sample articles, so a new user has something to
 * check. A library with any text in it is left alone (the user may have deleted the demo).
 * Missing samples (a stripped-down build) mean no demo, not a failed start.
 */
export async function seedDemoLibrary(library: Library, samplesDir: string): Promise<ImportOutcome[]> {
  if ((await library.count()) > 0) return []
  let manifest: DemoManifest
  try {
    manifest = JSON.parse(await readFile(join(samplesDir, 'demo.json'), 'utf8')) as DemoManifest
  } catch {
    return []
  }
  const file = (name: string): ImportInput => ({ name, path: join(samplesDir, manifest.folder, name) })
  const story = await importFiles(library, [file(manifest.story)], { role: 'story' })
  const sources = await importFiles(library, manifest.sources.map(file), { role: 'source' })
  const names = [manifest.story, ...manifest.sources]
  for (const [i, name] of names.entries()) {
    const outcome = i === 0 ? story[0] : sources[i - 1]
    const meta = manifest.meta?.[name]
    if (meta && outcome && outcome.status !== 'rejected') await library.setMeta(outcome.id, meta)
  }
  // The demo check: the story against every source, ready to open.
  for (const name of manifest.houseNames ?? []) await library.addHouseName(name, 'demo')
  const [storyOutcome] = story
  if (storyOutcome && storyOutcome.status !== 'rejected' && (await library.checks.list()).length === 0) {
    await createCheck(library, storyOutcome.id, null, { storyDate: manifest.storyDate ?? null })
  }
  return [...story, ...sources]
}
