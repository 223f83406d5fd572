// Where the built renderer and the bundled resources are, wherever the CLI runs from
// (out/main/cli.js after a build, or src/main/cli via tsx in development).
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir)
      throw new Error('Cannot find the Factdesk installation (no package.json above the CLI).')
    dir = parent
  }
  return dir
}

export const ROOT = projectRoot()
export const RENDERER_DIR = resolve(ROOT, 'out', 'renderer')
export const SAMPLES_DIR = resolve(ROOT, 'resources', 'samples')
