// Importing files into the library: read, parse with the import core, store. Each file is its own
// unit: its own outcome and its own transaction, so one bad file never stops or spoils the batch.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportOutcome, TextMeta, TextRole } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import type { Library } from '../library'
import { createCheck } from './checks'
import { unreadable, type ImportInput } from './import-parse'
import { parseInThread, type DocumentParser, type FileImporter } from './import-parser'
import { cancelled } from './worker-pool'

export type { ImportInput }

export interface ImportOptions {
  role?: TextRole
  onProgress?: (done: number, total: number, outcome: ImportOutcome) => void
  /** Aborting stops the file being parsed (it is not stored) and the files after it; files already imported stay. */
  signal?: AbortSignal
  /** Where files are read and parsed; this thread unless the caller has a worker for it. */
  parse?: DocumentParser
  /** Reads, parses and stores each file elsewhere (a worker with its own connection); `parse` is then unused. */
  importFile?: FileImporter
}

async function importOne(
  library: Library,
  input: ImportInput,
  role: TextRole,
  parse: DocumentParser,
  signal: AbortSignal | undefined
): Promise<ImportOutcome> {
  const parsed = await parse(input, signal)
  // A parse in this thread cannot be stopped midway, but its result need not be stored.
  if (signal?.aborted) throw cancelled()
  if (!parsed.ok) return parsed.outcome
  try {
    const stored = await library.importDocument({
      fileName: input.name,
      bytes: parsed.bytes,
      doc: parsed.doc,
      role
    })
    return { status: stored.status, name: input.name, id: stored.id, title: stored.title }
  } catch (error) {
    return unreadable(input.name, error)
  }
}

const isCancel = (error: unknown) => error instanceof ApiError && error.code === 'CANCELLED'

/** Hand the event loop back this often, so a long batch in the app's main process leaves IPC responsive. */
const YIELD_EVERY_MS = 50
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export async function importFiles(
  library: Library,
  inputs: readonly ImportInput[],
  options: ImportOptions = {}
): Promise<ImportOutcome[]> {
  const { role = 'source', onProgress, signal, parse = parseInThread, importFile } = options
  const outcomes: ImportOutcome[] = []
  let lastYield = performance.now()
  for (const input of inputs) {
    if (signal?.aborted) break
    const importing = importFile
      ? importFile(input, role, signal)
      : importOne(library, input, role, parse, signal)
    const outcome = await importing.catch((error: unknown) => {
      if (isCancel(error)) return null
      throw error
    })
    if (!outcome) break
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
