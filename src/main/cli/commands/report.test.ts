import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../library/sqlite'
import { checkDetail } from '../../services/checks'
import { seedDemoLibrary } from '../../services/importer'
import { main } from '../index'
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
  checkId = (await library.checks.list())[0]!.id
  await library.preferences.set({ newsroom: 'Example Desk', checkedBy: 'Ana Ruiz' })
  await library.close()
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

  it('writes ClaimReview for the claims chosen to publish only, and no file when none is chosen', async () => {
    const file = join(dir, 'review.jsonld')
    const args = ['report', String(checkId), '--library', lib, '--format', 'claimreview', '--out', file]
    /** A verified decision with a private note, written to the library file. */
    const decide = async (text: string, publish: boolean, publicExplanation: string | null = null) => {
      const library = openLibrary(lib)
      try {
        await library.preferences.set({ newsroomUrl: 'https://desk.example/' })
        const claim = (await checkDetail(library, checkId)).result.claims.find((c) => c.text === text)!
        await library.checks.decide({
          checkId,
          claimId: claim.id,
          status: 'verified',
          correctedText: null,
          note: `Private: rang the ministry about ${text}`,
          pinned: [],
          publish,
          publicExplanation
        })
      } finally {
        await library.close()
      }
    }

    await decide('Saturday', false, 'Three outlets agree.')
    expect(await main(args, io)).toBe(1)
    expect(err.join('\n')).toMatch(/No claim is chosen for the ClaimReview/)
    expect(existsSync(file)).toBe(false)

    await decide('Saturday', true, 'Three outlets agree.')
    await decide('North Korea', false)
    err = []
    expect(await main(args, io)).toBe(0)
    const text = readFileSync(file, 'utf8')
    const reviews = JSON.parse(text) as Array<{ claimReviewed: string; reviewBody?: string }>
    expect(reviews).toEqual([
      expect.objectContaining({ claimReviewed: 'Saturday', reviewBody: 'Three outlets agree.' })
    ])
    expect(text).not.toContain('Private:')
  })
})
