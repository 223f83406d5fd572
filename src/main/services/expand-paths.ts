// What the user dropped or picked, turned into the list of files to import: files as given,
// folders walked for the formats the import core reads.
import { readdir, realpath, stat } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'

export const SUPPORTED_EXTENSIONS: ReadonlySet<string> = new Set([
  '.txt',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.docx',
  '.pdf'
])

export interface FileToImport {
  name: string
  path: string
}

const isHidden = (name: string): boolean => name.startsWith('.')
const isSupported = (name: string): boolean => SUPPORTED_EXTENSIONS.has(extname(name).toLowerCase())
const byPath = (a: FileToImport, b: FileToImport): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

/**
 * Files given directly are kept whatever their extension (or even if missing), so the importer
 * can tell the user why each one was not imported. Inside folders only supported, non-hidden
 * files count: a folder of sources also holds .DS_Store files and images nobody meant to import.
 * Symlinks are followed, but each directory is entered once, so a link loop ends the walk.
 */
export async function expandPaths(paths: readonly string[]): Promise<FileToImport[]> {
  const files: FileToImport[] = []
  const seenFiles = new Set<string>()
  const seenDirs = new Set<string>()

  const addFile = (path: string, real: string): void => {
    if (seenFiles.has(real)) return
    seenFiles.add(real)
    files.push({ name: basename(path), path })
  }

  const walk = async (dir: string): Promise<FileToImport[]> => {
    let real: string
    try {
      real = await realpath(dir)
    } catch {
      return []
    }
    if (seenDirs.has(real)) return []
    seenDirs.add(real)
    const found: FileToImport[] = []
    let entries: string[]
    try {
      entries = await readdir(dir)
    } catch {
      return [] // unreadable folder: nothing in it can be imported either
    }
    for (const entry of entries.filter((e) => !isHidden(e)).sort()) {
      const path = join(dir, entry)
      const info = await stat(path).catch(() => null) // stat follows links; a dangling one is skipped
      if (!info) continue
      if (info.isDirectory()) found.push(...(await walk(path)))
      else if (info.isFile() && isSupported(entry)) found.push({ name: entry, path })
    }
    return found
  }

  for (const given of paths) {
    const path = resolve(given)
    const info = await stat(path).catch(() => null)
    if (info?.isDirectory()) {
      const inside = (await walk(path)).sort(byPath)
      for (const file of inside) addFile(file.path, await realpath(file.path).catch(() => file.path))
    } else {
      addFile(path, info ? await realpath(path).catch(() => path) : path)
    }
  }
  return files
}
