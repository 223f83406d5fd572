// Saving a file the API produced (an exported report): a save dialog in the desktop app, a
// download in the browser. Like index.ts, the only place that knows which one this is.
import type { SaveFileRequest, SaveFileResult } from '../../../shared/ipc'
import { unwrapEnvelope } from './errors'

export type { SaveFileRequest, SaveFileResult }

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

function download(file: SaveFileRequest): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64)], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The browser has the blob by the time the click returns; a later revoke is only tidiness.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** How the file left: through the desktop app's save dialog, or as the browser's download. */
export type SaveOutcome = SaveFileResult & { via: 'dialog' | 'download' }

/** Saves `file`: resolves saved: false when the user cancelled, rejects with an ApiCallError. */
export async function saveFile(file: SaveFileRequest): Promise<SaveOutcome> {
  if (window.factdesk) {
    return { ...(unwrapEnvelope(await window.factdesk.saveFile(file)) as SaveFileResult), via: 'dialog' }
  }
  download(file)
  return { saved: true, fileName: file.fileName, via: 'download' }
}
