// Cancel stops a report's export wherever it is: rendering in the worker, or printing the PDF.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch, type Handlers } from '../api/dispatch'
import type { Library } from '../library'
import { openLibrary } from '../library/sqlite'
import { checkOfStory } from '../../test-support/library/check-result'
import { testWorkers } from '../../test-support/workers'
import { findChromium, htmlToPdf } from './pdf'
import { renderInThread, type ReportRenderer } from './report'
import { cancelled } from './worker-pool'
import { libraryHandlers } from '../../test-support/api-handlers'

let library: Library
let checkId: number
let rendering: () => void
let renderStarted: Promise<void>

/** A renderer that works until it is cancelled, as a very large check's report would. */
const untilCancelled: ReportRenderer = (_job, signal) => {
  rendering()
  return new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(cancelled())))
}

function handlersWith(render: ReportRenderer): Handlers {
  return libraryHandlers(library, {
    renderReport: render
  })
}

const call = (handlers: Handlers, method: string, input: unknown) =>
  dispatch(handlers, method, input, { transport: 'http' })

beforeEach(async () => {
  library = openLibrary(':memory:')
  checkId = (await checkOfStory(library, ['a', 'b'])).id
  renderStarted = new Promise((resolve) => (rendering = resolve))
})
afterEach(() => library.close())

describe('cancelling an export', () => {
  it('stops the export in hand: it fails CANCELLED, and the next one of the same check works', async () => {
    const handlers = handlersWith(untilCancelled)
    const exporting = call(handlers, 'checks.export', { id: checkId, format: 'md', exportId: 'e1' })
    await renderStarted
    await expect(call(handlers, 'checks.cancelExport', { exportId: 'e1' })).resolves.toEqual({
      cancelled: true
    })
    await expect(exporting).rejects.toMatchObject({ code: 'CANCELLED' })
    const file = (await call(handlersWith(renderInThread), 'checks.export', {
      id: checkId,
      format: 'md'
    })) as { fileName: string }
    expect(file.fileName).toMatch(/\.md$/)
  })

  it('refuses an export whose cancel arrived first', async () => {
    const handlers = handlersWith(untilCancelled)
    await expect(call(handlers, 'checks.cancelExport', { exportId: 'e2' })).resolves.toEqual({
      cancelled: false
    })
    await expect(
      call(handlers, 'checks.export', { id: checkId, format: 'md', exportId: 'e2' })
    ).rejects.toMatchObject({
      code: 'CANCELLED'
    })
  })

  it('terminates the report worker when cancelled', async () => {
    const workers = testWorkers()
    try {
      const handlers = handlersWith(workers.renderReport)
      const stop = new AbortController()
      stop.abort()
      await expect(workers.renderReport({} as never, stop.signal)).rejects.toMatchObject({
        code: 'CANCELLED'
      })
      // The pool still renders the next export.
      const file = (await call(handlers, 'checks.export', { id: checkId, format: 'html' })) as {
        fileName: string
      }
      expect(file.fileName).toMatch(/\.html$/)
    } finally {
      await workers.close()
    }
  })

  it.skipIf(!findChromium())('stops Chromium printing a PDF', async () => {
    const stop = new AbortController()
    const printing = htmlToPdf(`<!doctype html><p>${'A long report. '.repeat(20_000)}</p>`, stop.signal)
    setTimeout(() => stop.abort(), 100)
    await expect(printing).rejects.toMatchObject({ code: 'CANCELLED' })
  })
})
