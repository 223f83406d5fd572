// The desktop app's "save this exported file": the request from the renderer is checked here
// (strict, bounded, a plain file name) before any dialog opens, and only the path the user picked
// in the dialog is written. Electron itself stays in ipc.ts; this part runs and is tested under Node.
import { basename, extname } from 'node:path'
import { z } from 'zod'
import { ApiError } from '../../shared/errors'
import type { IpcEnvelope, SaveFileRequest, SaveFileResult } from '../../shared/ipc'

/** The largest file the app saves: well above any report (a PDF of a long check is a few MB). */
export const MAX_SAVE_BYTES = 50 * 1024 * 1024
const MAX_SAVE_BASE64 = Math.ceil(MAX_SAVE_BYTES / 3) * 4

// Windows' reserved characters and every control character: a name any desktop can hold.
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*]/

export const saveFileRequestSchema = z
  .object({
    fileName: z
      .string()
      .min(1)
      .max(200)
      .refine((name) => !UNSAFE_NAME.test(name), 'must be a plain file name, without folders')
      .refine(
        (name) => name !== '.' && name !== '..' && !/^\s|[\s.]$/.test(name),
        'is not a usable file name'
      ),
    mimeType: z
      .string()
      .max(200)
      .regex(/^[a-z]+\/[a-z0-9.+-]+(; ?charset=[a-z0-9-]+)?$/i, 'is not a media type'),
    base64: z
      .string()
      .max(MAX_SAVE_BASE64, `is larger than ${MAX_SAVE_BYTES / (1024 * 1024)} MB`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64')
  })
  .strict()

/** What a failed write means to the user, by the file system's error code. */
const WRITE_ERRORS: Record<string, string> = {
  EACCES: 'Factdesk may not write in that folder. Choose another one.',
  EPERM: 'Factdesk may not write in that folder. Choose another one.',
  EROFS: 'that disk is read-only. Choose another folder.',
  ENOSPC: 'the disk is full.',
  EISDIR: 'a folder has that name. Choose another name.',
  ENOENT: 'that folder no longer exists.'
}

export interface SaveFileDeps {
  /** Shows the save dialog proposing `fileName`; the path chosen, or null when cancelled. */
  choosePath(fileName: string, filter: { name: string; extensions: string[] }): Promise<string | null>
  writeFile(path: string, bytes: Uint8Array): Promise<void>
}

/** Checks the request, asks where to save, writes. Never throws: the answer is an IPC envelope. */
export async function saveFileFromRenderer(
  input: unknown,
  deps: SaveFileDeps,
  log: (code: string, detail: unknown) => void = () => {}
): Promise<IpcEnvelope> {
  const parsed = saveFileRequestSchema.safeParse(input)
  if (!parsed.success) {
    return new ApiError(
      'BAD_REQUEST',
      `The file to save was refused: ${z.prettifyError(parsed.error)}`
    ).toBody()
  }
  const request: SaveFileRequest = parsed.data
  const extension = extname(request.fileName).slice(1)
  const filter = {
    name: extension ? extension.toUpperCase() : 'File',
    extensions: extension ? [extension] : ['*']
  }
  try {
    const path = await deps.choosePath(request.fileName, filter)
    if (path === null) return { result: { saved: false, fileName: null } satisfies SaveFileResult }
    await deps.writeFile(path, new Uint8Array(Buffer.from(request.base64, 'base64')))
    return { result: { saved: true, fileName: basename(path) } satisfies SaveFileResult }
  } catch (error) {
    log('SAVE_FILE', error)
    const code = error instanceof Error && 'code' in error ? String(error.code) : ''
    const reason = WRITE_ERRORS[code] ?? (code ? `(${code})` : 'Something went wrong.')
    return new ApiError('INTERNAL', `${request.fileName} could not be saved: ${reason}`).toBody()
  }
}
