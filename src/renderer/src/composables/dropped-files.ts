// Turns a drop (or a file picker) into the list of things to import. Inside Electron a dropped
// file is known by its path, so main reads it (and walks folders); in a browser only the
// contents are available, so folders are walked here.
import type { ImportSource } from '../../../shared/contract'
import { api } from '../api'

export type ImportItem = { name: string; path: string } | { name: string; file: File }

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject))
}

async function walkEntry(entry: FileSystemEntry, out: ImportItem[]): Promise<void> {
  if (entry.name.startsWith('.')) return
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject)
    )
    out.push({ name: file.name, file })
    return
  }
  if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader()
    // readEntries returns batches; an empty batch means the folder is done.
    for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
      for (const child of batch) await walkEntry(child, out)
    }
  }
}

export async function itemsFromDataTransfer(
  data: DataTransfer
): Promise<{ items: ImportItem[]; paths: string[] }> {
  const bridge = window.factdesk
  if (bridge) {
    const paths = Array.from(data.files)
      .map((file) => bridge.pathForFile(file))
      .filter((path) => path.length > 0)
    return { items: [], paths }
  }
  // Entries must be taken synchronously, before the drop event returns.
  const entries = Array.from(data.items)
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((entry): entry is FileSystemEntry => entry !== null)
  const items: ImportItem[] = []
  if (entries.length > 0) {
    for (const entry of entries) await walkEntry(entry, items)
  } else {
    for (const file of Array.from(data.files)) items.push({ name: file.name, file })
  }
  return { items, paths: [] }
}

/**
 * How a file's contents reach library.importFile: in a browser uploaded first, as the body of a
 * request of its own, which the server streams to disk; over IPC (a file without a path) as base64.
 */
export async function importSourceOf(file: File, signal?: AbortSignal): Promise<ImportSource> {
  if (api.upload) return api.upload(file, signal)
  return { kind: 'bytes', base64: await fileToBase64(file) }
}

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}
