// PDF from the report's HTML through a headless Chromium on this machine, for the CLI and serve
// mode; the desktop app passes its own printer (Electron's printToPDF, src/main/app/print-pdf.ts).
// Where no Chromium is installed the error says so plainly.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ApiError } from '../../shared/errors'
import { cancelled } from './worker-pool'

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
]

/** Turns the report's self-contained HTML into PDF bytes. */
/** Prints the HTML to PDF; an abort stops the printing (CANCELLED) where the printer can be stopped. */
export type PdfPrinter = (html: string, signal?: AbortSignal) => Promise<Uint8Array>

export function findChromium(): string | null {
  const configured = process.env['FACTDESK_CHROMIUM']
  if (configured) return existsSync(configured) ? configured : null
  return CANDIDATES.find((path) => existsSync(path)) ?? null
}

export async function htmlToPdf(html: string, signal?: AbortSignal): Promise<Uint8Array> {
  const chromium = findChromium()
  if (!chromium) {
    throw new ApiError(
      'CONFLICT',
      'PDF export needs Chrome or Chromium, and none was found. Install one (or set FACTDESK_CHROMIUM to its path), or export HTML and print it to PDF.'
    )
  }
  const dir = await mkdtemp(join(tmpdir(), 'factdesk-pdf-'))
  try {
    const input = join(dir, 'report.html')
    const output = join(dir, 'report.pdf')
    await writeFile(input, html)
    await new Promise<void>((resolve, reject) => {
      execFile(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${join(dir, 'profile')}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${output}`,
          pathToFileURL(input).href
        ],
        { timeout: 60_000, signal },
        (error) =>
          signal?.aborted
            ? reject(cancelled())
            : error
              ? reject(new ApiError('INTERNAL', `Chromium could not print the report: ${error.message}`))
              : resolve()
      )
    })
    return new Uint8Array(await readFile(output))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
