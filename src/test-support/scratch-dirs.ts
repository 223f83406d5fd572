// Scratch directories for a test file, removed once its tests are done, so a test run leaves
// nothing behind in the system's temporary directory.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

/** Makes directories named `prefix…` in the temporary directory; all are removed after the file's tests. */
export function scratchDirs(prefix: string): () => string {
  const made: string[] = []
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    made.push(dir)
    return dir
  }
}
