import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expandPaths } from './expand-paths'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-expand-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function touch(...parts: string[]): string {
  const path = join(dir, ...parts)
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, 'x')
  return path
}

describe('expandPaths', () => {
  it('walks folders recursively for supported files, sorted, skipping hidden ones', async () => {
    touch('sources', 'b.html')
    touch('sources', 'a.TXT')
    touch('sources', 'nested', 'c.docx')
    touch('sources', 'nested', 'd.pdf')
    touch('sources', 'e.md')
    touch('sources', 'f.markdown')
    touch('sources', 'g.htm')
    touch('sources', 'photo.jpg')
    touch('sources', '.DS_Store')
    touch('sources', '.hidden.txt')
    touch('sources', '.git', 'notes.txt')
    const files = await expandPaths([join(dir, 'sources')])
    expect(files.map((f) => f.path.slice(dir.length + 1))).toEqual([
      'sources/a.TXT',
      'sources/b.html',
      'sources/e.md',
      'sources/f.markdown',
      'sources/g.htm',
      'sources/nested/c.docx',
      'sources/nested/d.pdf'
    ])
    expect(files[0]!.name).toBe('a.TXT')
  })

  it('keeps files given directly, whatever they are, and drops repeats', async () => {
    const photo = touch('photo.jpg')
    const text = touch('story.txt')
    const missing = join(dir, 'gone.txt')
    expect(await expandPaths([photo, text, text, missing])).toEqual([
      { name: 'photo.jpg', path: photo },
      { name: 'story.txt', path: text },
      { name: 'gone.txt', path: missing }
    ])
  })

  it('follows symlinks but survives a link loop', async () => {
    touch('root', 'a.txt')
    symlinkSync(join(dir, 'root'), join(dir, 'root', 'loop'))
    touch('elsewhere', 'b.txt')
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'root', 'link'))
    const files = await expandPaths([join(dir, 'root')])
    expect(files.map((f) => f.name)).toEqual(['a.txt', 'b.txt'])
  })
})
