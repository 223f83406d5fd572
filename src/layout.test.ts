// Two shapes of the tree issue #12 asked for and nothing else enforces: virtualized lists go
// through one component, and helpers for tests live outside the product tree.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = __dirname

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

const source = (path: string) => /\.(ts|vue)$/.test(path) && !/\.test\.ts$/.test(path)

describe('the source tree', () => {
  it('virtualizes lists only through components/VirtualList.vue', () => {
    const users = filesUnder(join(SRC, 'renderer'))
      .filter(source)
      .filter((path) => readFileSync(path, 'utf8').includes('@tanstack/vue-virtual'))
      .map((path) => relative(SRC, path))
    expect(users).toEqual([join('renderer', 'src', 'components', 'VirtualList.vue')])
  })

  it('keeps test helpers in src/test-support, which nothing the app ships imports', () => {
    expect(existsSync(join(SRC, 'main', 'library', 'test-support'))).toBe(false)
    const importers = ['main', 'preload', 'renderer', 'shared']
      .flatMap((dir) => filesUnder(join(SRC, dir)))
      .filter(source)
      .filter((path) => /from '[./]*test-support\//.test(readFileSync(path, 'utf8')))
      .map((path) => relative(SRC, path))
    expect(importers).toEqual([])
  })
})
