// The desktop app's PDF: the report's HTML printed by Electron's own Chromium (printToPDF), so
// PDF export needs no browser installed. The report is written to a temporary file and shown in
// a hidden window that runs no script and may load nothing but that file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, session } from 'electron'
import { ApiError } from '../../shared/errors'
import type { PdfPrinter } from '../services/pdf'
import { pdfWindowOptions } from './window-options'

/** Not "persist:": the session lives in memory and leaves nothing on disk. */
const PARTITION = 'factdesk-report-pdf'

export const printPdfWithElectron: PdfPrinter = async (html) => {
  const dir = await mkdtemp(join(tmpdir(), 'factdesk-pdf-'))
  const file = join(dir, 'report.html')
  const allowed = pathToFileURL(file).href
  const printing = session.fromPartition(PARTITION)
  // The report is self-contained; a request for anything else is refused, whatever it is.
  printing.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== allowed }))
  printing.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  const window = new BrowserWindow(pdfWindowOptions(PARTITION))
  try {
    await writeFile(file, html)
    await window.loadURL(allowed)
    const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })
    return new Uint8Array(pdf)
  } catch (error) {
    throw new ApiError('INTERNAL', `The report could not be printed to PDF: ${(error as Error).message}`)
  } finally {
    window.destroy()
    await rm(dir, { recursive: true, force: true })
  }
}
