import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../library'
import { seedDemoLibrary } from '../../services/importer'
import { runReport } from './report'

const SAMPLES = resolve(__dirname, '../../../../resources/samples')

let dir: string
let lib: string
let checkId: number
let out: string[]
let err: string[]
const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-cli-report-'))
  lib = join(dir, 'lib.sqlite')
  const library = openLibrary(lib)
  await seedDemoLibrary(library, SAMPLES)
  checkId = library.checks.list()[0]!.id
  library.preferences.set({ newsroom: 'Example Desk', checkedBy: 'Ana Ruiz' })
  library.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(() => {
  out = []
  err = []
})

describe('factdesk report', () => {
  it('signs the report with the library’s preferences when no flag names anyone', async () => {
    expect(await runReport([String(checkId), '--library', lib, '--format', 'md'], io)).toBe(0)
    expect(out.join('\n')).toContain('Checked by Ana Ruiz')
    expect(out.join('\n')).toContain('Example Desk')
  })

  it('lets --checker and --newsroom win over the preferences', async () => {
    const args = [
      String(checkId),
      '--library',
      lib,
      '--format',
      'md',
      '--checker',
      'Bo Lee',
      '--newsroom',
      'CLI Desk'
    ]
    expect(await runReport(args, io)).toBe(0)
    const text = out.join('\n')
    expect(text).toContain('Checked by Bo Lee')
    expect(text).toContain('CLI Desk')
    expect(text).not.toContain('Ana Ruiz')
    expect(text).not.toContain('Example Desk')
  })
})
