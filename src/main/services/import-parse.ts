// Everything an import does before the library: read the file (after a size check), decode,
// extract, clean and split it with the import core. Pure of the library, so it can run in a
// worker thread (import-worker.ts) while the main thread answers other calls.
import { readFile, stat } from 'node:fs/promises'
import type { ImportOutcome, ParsedDocument } from '../../shared/domain'
import { MAX_IMPORT_BYTES, parseDocument } from '../core/import'

export interface ImportInput {
  name: string
  /** A file on this machine; read here, after a size check. */
  path?: string
  /** The file's contents, when they arrived over the wire. */
  bytes?: Uint8Array
  /** The same as base64, decoded here: 45 MB take the request loop most of a second to decode. */
  base64?: string
}

/** A file ready for the library, or the outcome that says why it never gets there. */
export type ParsedImport =
  { ok: true; bytes: Uint8Array; doc: ParsedDocument } | { ok: false; outcome: ImportOutcome }

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
export function unreadable(name: string, error: unknown): ImportOutcome {
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
  const given = input.base64 !== undefined ? new Uint8Array(Buffer.from(input.base64, 'base64')) : input.bytes
  if (given) return given.byteLength > MAX_IMPORT_BYTES ? tooLarge(input.name, given.byteLength) : given
  if (!input.path) return unreadable(input.name, new Error('no path and no contents were given'))
  // Stat first: a 2 GB video dropped by mistake must be refused without reading it into memory.
  const info = await stat(input.path)
  if (info.isDirectory())
    return unreadable(input.name, Object.assign(new Error('folder'), { code: 'EISDIR' }))
  if (info.size > MAX_IMPORT_BYTES) return tooLarge(input.name, info.size)
  return new Uint8Array(await readFile(input.path))
}

export async function readAndParse(input: ImportInput): Promise<ParsedImport> {
  try {
    const bytes = await readInput(input)
    if (!(bytes instanceof Uint8Array)) return { ok: false, outcome: bytes }
    const parsed = await parseDocument({ name: input.name, bytes })
    if (!parsed.ok)
      return {
        ok: false,
        outcome: { status: 'rejected', name: input.name, code: parsed.code, message: parsed.message }
      }
    return { ok: true, bytes, doc: parsed.doc }
  } catch (error) {
    return { ok: false, outcome: unreadable(input.name, error) }
  }
}
