import { describe, expect, it } from 'vitest'
import { saveFileFromRenderer, MAX_SAVE_BYTES, type SaveFileDeps } from './save-file'

function fakeDeps(chosen: string | null, fail?: NodeJS.ErrnoException) {
  const calls = { asked: [] as string[], filters: [] as unknown[], written: [] as Array<[string, string]> }
  const deps: SaveFileDeps = {
    async choosePath(fileName, filter) {
      calls.asked.push(fileName)
      calls.filters.push(filter)
      return chosen
    },
    async writeFile(path, bytes) {
      if (fail) throw fail
      calls.written.push([path, new TextDecoder().decode(bytes)])
    }
  }
  return { deps, calls }
}

const good = {
  fileName: 'verification-story.md',
  mimeType: 'text/markdown; charset=utf-8',
  base64: 'IyBSZXBvcnQK'
}

describe('saving an exported file from the renderer', () => {
  it('asks where, proposing the name with its type, and writes the bytes to the path chosen', async () => {
    const { deps, calls } = fakeDeps('/home/ana/Documents/report.md')
    expect(await saveFileFromRenderer(good, deps)).toEqual({ result: { saved: true, fileName: 'report.md' } })
    expect(calls.asked).toEqual(['verification-story.md'])
    expect(calls.filters).toEqual([{ name: 'MD', extensions: ['md'] }])
    expect(calls.written).toEqual([['/home/ana/Documents/report.md', '# Report\n']])
  })

  it('writes nothing when the dialog is cancelled', async () => {
    const { deps, calls } = fakeDeps(null)
    expect(await saveFileFromRenderer(good, deps)).toEqual({ result: { saved: false, fileName: null } })
    expect(calls.written).toEqual([])
  })

  it.each([
    ['a path instead of a name', { ...good, fileName: '../../.bashrc' }],
    ['an absolute path', { ...good, fileName: '/etc/passwd' }],
    ['a Windows path', { ...good, fileName: 'C:\\Users\\a.md' }],
    ['a parent folder', { ...good, fileName: '..' }],
    ['a control character', { ...good, fileName: 'a\u0000.md' }],
    ['an empty name', { ...good, fileName: '' }],
    ['an extra key', { ...good, path: '/tmp/x' }],
    ['a missing field', { fileName: good.fileName, mimeType: good.mimeType }],
    ['bytes not in base64', { ...good, base64: 'not base64!' }],
    ['a file over the limit', { ...good, base64: 'A'.repeat(Math.ceil(MAX_SAVE_BYTES / 3) * 4 + 4) }],
    ['not an object', 'report.md'],
    ['null', null]
  ])('refuses %s before any dialog opens', async (_what, input) => {
    const { deps, calls } = fakeDeps('/tmp/x')
    const answer = await saveFileFromRenderer(input, deps)
    expect(answer).toMatchObject({ error: { code: 'BAD_REQUEST' } })
    expect(calls.asked).toEqual([])
    expect(calls.written).toEqual([])
  })

  it('says plainly why a write failed', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
    const { deps } = fakeDeps('/root/report.md', denied)
    const answer = await saveFileFromRenderer(good, deps)
    expect(answer).toEqual({
      error: {
        code: 'INTERNAL',
        message:
          'verification-story.md could not be saved: Factdesk may not write in that folder. Choose another one.'
      }
    })
  })
})
