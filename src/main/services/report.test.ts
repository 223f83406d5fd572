// checks.export signs the report with the library's preferences when the caller names no one,
// and what the caller names wins.
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { MethodInput, MethodOutput } from '../../shared/contract'
import { ApiError } from '../../shared/errors'
import { dispatch, type Handlers } from '../api/dispatch'
import type { Library } from '../library'
import { openLibrary } from '../library/sqlite'
import { checkDetail } from './checks'
import { exportReport, fileStem, type ReportFormat, type ReportRenderer } from './report'
import { seedDemoLibrary } from './importer'
import { testWorkers } from '../../test-support/workers'
import { libraryHandlers } from '../../test-support/api-handlers'

const SAMPLES = join(__dirname, '../../../resources/samples')

let library: Library
let handlers: Handlers
let checkId: number

async function call<M extends 'checks.export' | 'preferences.set' | 'preferences.get'>(
  method: M,
  input: MethodInput<M>
): Promise<MethodOutput<M>> {
  return (await dispatch(handlers, method, input, { transport: 'http' })) as MethodOutput<M>
}

async function exported(format: 'md' | 'html' | 'claimreview', signature = {}): Promise<string> {
  const file = await call('checks.export', { id: checkId, format, ...signature })
  return Buffer.from(file.base64, 'base64').toString('utf8')
}

interface Review {
  author: { '@type': string; name: string; url?: string }
}

beforeAll(async () => {
  library = openLibrary(':memory:')
  await seedDemoLibrary(library, SAMPLES)
  handlers = libraryHandlers(library)
  checkId = (await library.checks.list())[0]!.id
  const claim = (await checkDetail(library, checkId)).result.claims.find((c) => c.text === 'Saturday')!
  await library.checks.decide({
    checkId,
    claimId: claim.id,
    status: 'verified',
    correctedText: null,
    note: null,
    pinned: [],
    publish: true
  })
})

describe('preferences through the API', () => {
  it('trims values, clears a blank one, and answers with every preference', async () => {
    expect(await call('preferences.set', { newsroom: '  Example Desk ', checkedBy: 'Ana Ruiz' })).toEqual({
      newsroom: 'Example Desk',
      newsroomUrl: null,
      checkedBy: 'Ana Ruiz'
    })
    expect(await call('preferences.set', { checkedBy: '   ' })).toMatchObject({ checkedBy: null })
    expect(await call('preferences.get', {})).toEqual({
      newsroom: 'Example Desk',
      newsroomUrl: null,
      checkedBy: null
    })
  })

  it('refuses an address that is not http(s), saying what is wrong', async () => {
    const error = await call('preferences.set', { newsroomUrl: 'javascript:alert(1)' }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('BAD_REQUEST')
    expect((error as ApiError).message).toContain('https://')
  })
})

describe('checks.export signs with the preferences', () => {
  beforeAll(async () => {
    await call('preferences.set', {
      newsroom: 'Example Desk',
      newsroomUrl: 'https://desk.example/',
      checkedBy: 'Ana Ruiz'
    })
  })

  it('makes the stored newsroom, with its address, the ClaimReview author', async () => {
    const reviews = JSON.parse(await exported('claimreview')) as Review[]
    expect(reviews).toHaveLength(1)
    expect(reviews[0]!.author).toEqual({
      '@type': 'Organization',
      name: 'Example Desk',
      url: 'https://desk.example/'
    })
  })

  it('prints the checker and the newsroom on the HTML and Markdown reports', async () => {
    const md = await exported('md')
    expect(md).toContain('Checked by Ana Ruiz')
    expect(md).toContain('Example Desk')
    const html = await exported('html')
    expect(html).toContain('Checked by Ana Ruiz')
    expect(html).toContain('Example Desk')
  })

  it('lets a name given with the export win, without lending it the stored newsroom’s address', async () => {
    // Another newsroom's name without its address cannot sign a published ClaimReview.
    await expect(exported('claimreview', { newsroom: 'Other Desk' })).rejects.toThrow(
      /its web address is not set/
    )
    const md = await exported('md', { checkedBy: 'Bo Lee', newsroom: '  ' })
    expect(md).toContain('Checked by Bo Lee')
    expect(md).not.toContain('Ana Ruiz')
    expect(md).toContain('Example Desk')
  })

  it('refuses a ClaimReview with no claim chosen for publishing, saying how to choose one', async () => {
    const claimId = (await checkDetail(library, checkId)).result.claims.find((c) => c.text === 'Saturday')!.id
    const decide = async (publish: boolean) =>
      await library.checks.decide({
        checkId,
        claimId,
        status: 'verified',
        correctedText: null,
        note: null,
        pinned: [],
        publish
      })
    await decide(false)
    try {
      const error = await exported('claimreview').catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ApiError)
      expect((error as ApiError).code).toBe('BAD_REQUEST')
      expect((error as ApiError).message).toMatch(
        /No claim is chosen for the ClaimReview: tick “Publish in ClaimReview”/
      )
    } finally {
      await decide(true)
    }
  })

  it('falls back to no signature once the preferences are cleared', async () => {
    await call('preferences.set', { newsroom: null, newsroomUrl: null, checkedBy: null })
    await expect(exported('claimreview')).rejects.toThrow(
      /the newsroom’s name and its web address is not set\. Set the newsroom and its web address in Settings/
    )
    expect(await exported('md')).not.toContain('Checked by')
  })
})

describe('PDF through the printer the app gives', () => {
  it('hands the report HTML to the app’s printer (Electron’s printToPDF in the desktop app) and returns its bytes', async () => {
    const printed: string[] = []
    const withPrinter = libraryHandlers(library, {
      printPdf: async (html) => {
        printed.push(html)
        return new TextEncoder().encode('%PDF-1.7 fake')
      }
    })
    const file = (await dispatch(
      withPrinter,
      'checks.export',
      { id: checkId, format: 'pdf' },
      { transport: 'ipc' }
    )) as MethodOutput<'checks.export'>
    expect(file.mimeType).toBe('application/pdf')
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toBe('%PDF-1.7 fake')
    expect(printed).toHaveLength(1)
    expect(printed[0]).toMatch(/^<!DOCTYPE html>/i)
    expect(printed[0]).not.toMatch(/<script/i)
  })
})

describe('report file names', () => {
  it('come from the headline, without a file name’s extension run into it', async () => {
    const file = await call('checks.export', { id: checkId, format: 'html' })
    expect(file.fileName).not.toMatch(/txt\.html$/)
    expect(file.fileName).toMatch(/^verification-[a-z0-9-]+\.html$/)
    expect(fileStem('000_e88434a1b6eaaa2a.txt')).toBe('000-e88434a1b6eaaa2a')
    expect(fileStem('Japan’s foreign minister visits Ukraine, stresses “mutual concern”')).toBe(
      'japan-s-foreign-minister-visits-ukraine-stresses-mutual'
    )
    expect(fileStem('…')).toBe('report')
  })
})

describe('reports rendered in a worker thread, as the app and serve mode render them', () => {
  it('are byte for byte what this thread renders, in every format, and refuse in the same words', async () => {
    const workers = testWorkers()
    const now = new Date('2024-11-20T10:00:00Z')
    const printPdf = (html: string) => Promise.resolve(new TextEncoder().encode(html))
    try {
      const both = async (format: ReportFormat) => {
        const outcome = (render?: ReportRenderer) =>
          exportReport(library, checkId, format, { now, printPdf, render }).then(
            (file) => ({ file }),
            (error: unknown) => ({ error })
          )
        return { here: await outcome(), there: await outcome(workers.renderReport) }
      }
      await library.preferences.set({ newsroom: 'Coast Daily', newsroomUrl: 'https://coast.example/' })
      for (const format of ['html', 'md', 'csv', 'json', 'claimreview', 'pdf'] as const) {
        const { here, there } = await both(format)
        expect('file' in here, format).toBe(true)
        expect(there, format).toEqual(here)
      }
      await library.preferences.set({ newsroom: null })
      const { here, there } = await both('claimreview')
      expect((here as { error: unknown }).error).toBeInstanceOf(ApiError)
      expect(there).toEqual(here)
      expect(workers.pools.report.starts).toBeGreaterThan(0)
    } finally {
      await workers.close()
    }
  })
})
