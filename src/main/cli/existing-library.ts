// A library a command reads or changes but must not create: a mistyped --library would otherwise
// leave an empty new library behind and report on it.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { openLibrary, type SqliteLibrary } from '../library/sqlite'
import { refused } from './command-args'
import type { CliIo } from './io'

/**
 * Opens the library at `path`, runs `work` with it (and its full path) and closes it. Exit 1 when
 * there is no such file, or with the refusal's sentence when opening it or the work is refused.
 */
export async function withExistingLibrary(
  io: CliIo,
  path: string,
  work: (library: SqliteLibrary, libraryPath: string) => number | Promise<number>
): Promise<number> {
  const libraryPath = resolve(path)
  if (!existsSync(libraryPath)) {
    io.stderr(`NOT_FOUND: There is no library ${libraryPath}.`)
    return 1
  }
  try {
    const library = openLibrary(libraryPath)
    try {
      return await work(library, libraryPath)
    } finally {
      await library.close()
    }
  } catch (error) {
    return refused(io, error)
  }
}
