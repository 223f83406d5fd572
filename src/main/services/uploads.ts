// Files a browser sends to serve mode for import, kept on disk between the upload and the import.
// A file inside a JSON call arrived as base64 and was parsed, checked and decoded on the thread
// that answers every request (a 45 MB file held it most of a second); an upload is the body of its
// own request, streamed chunk by chunk to a file, and the import reads that file in its worker as
// it reads a dropped file's path in the desktop app.
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import { ApiError } from '../../shared/errors'
import { MAX_IMPORT_BYTES } from '../../shared/limits'

/** An upload not imported within this time is deleted: the page that sent it has gone. */
export const UPLOAD_KEPT_MS = 10 * 60 * 1000

export interface Uploads {
  /** The largest upload taken, in bytes. */
  readonly maxBytes: number
  /**
   * Writes `body` to a new upload of `owner` and answers its id. Past `maxBytes`, TOO_LARGE and
   * nothing is kept; the rest of the body is left unread for the caller to discard.
   */
  receive(body: AsyncIterable<Uint8Array>, owner: string): Promise<string>
  /**
   * The upload's file, handed over once and only to the owner who sent it: the caller removes it
   * (remove) when done. null for an unknown, expired or someone else's upload.
   */
  take(id: string, owner: string): string | null
  remove(path: string): Promise<void>
  /** Deletes every upload; for when the server stops. */
  dispose(): Promise<void>
}

/** Whose upload it is: a desk member, or whoever holds a single-user server's token. */
export function uploadOwner(member: { id: number } | undefined): string {
  return member ? `member:${member.id}` : 'token'
}

interface Upload {
  path: string
  owner: string
  at: number
}

export function uploadTooLarge(maxBytes: number): ApiError {
  const limit = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / (1024 * 1024))} MB` : `${maxBytes} bytes`
  return new ApiError('TOO_LARGE', `The file is larger than ${limit}, the most Factdesk imports.`)
}

export function createUploads(
  options: { maxBytes?: number; keptMs?: number; now?: () => number } = {}
): Uploads {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES
  const keptMs = options.keptMs ?? UPLOAD_KEPT_MS
  const now = options.now ?? Date.now
  const uploads = new Map<string, Upload>()
  // Created on first use, readable by this user only (mkdtemp makes it 0700).
  let dir: Promise<string> | null = null
  const directory = () => (dir ??= mkdtemp(join(tmpdir(), 'factdesk-uploads-')))

  const removeQuietly = (path: string) => rm(path, { force: true }).catch(() => {})

  /** Uploads nobody imported in time: removed whenever another comes or is taken. */
  const sweep = () => {
    for (const [id, upload] of uploads)
      if (now() - upload.at > keptMs) {
        uploads.delete(id)
        void removeQuietly(upload.path)
      }
  }

  return {
    maxBytes,

    async receive(body, owner) {
      sweep()
      const id = randomBytes(24).toString('base64url')
      const path = join(await directory(), id)
      const file = createWriteStream(path, { flags: 'wx', mode: 0o600 })
      try {
        let size = 0
        for await (const chunk of body) {
          size += chunk.length
          if (size > maxBytes) throw uploadTooLarge(maxBytes)
          if (!file.write(chunk)) await once(file, 'drain')
        }
        file.end()
        await finished(file)
      } catch (error) {
        file.destroy()
        await removeQuietly(path)
        throw error
      }
      uploads.set(id, { path, owner, at: now() })
      return id
    },

    take(id, owner) {
      sweep()
      const upload = uploads.get(id)
      if (!upload || upload.owner !== owner) return null
      uploads.delete(id)
      return upload.path
    },

    remove: removeQuietly,

    async dispose() {
      uploads.clear()
      if (dir) await rm(await dir, { recursive: true, force: true })
      dir = null
    }
  }
}
