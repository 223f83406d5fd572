// PDFs through pdfjs-dist's legacy (Node) build. A PDF has no paragraphs, only positioned runs of
// text; we rebuild lines from the runs' baselines and paragraphs from the vertical rhythm.
import { createRequire } from 'node:module'
import type * as PdfJsApi from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { RemovedBlock } from '../../../../shared/domain'
import { tidyParagraph } from '../paragraphs'
import { ImportRejection } from '../types'
import type { Extracted } from '../types'

type PdfJs = typeof PdfJsApi
let pdfjsModule: Promise<PdfJs> | null = null

// Loaded on first use, worker included: pdfjs is large and most imports are not PDFs. Handing
// pdfjs its worker module directly runs it in-process and spares it from resolving a worker
// file path, which breaks once the app is bundled.
function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })()
  return pdfjsModule
}

let cMapUrl: string | undefined | null = null
/** Adobe's character maps, needed to read text set in many CJK fonts. */
function cMaps(): string | undefined {
  if (cMapUrl === null) {
    try {
      const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json')
      cMapUrl = pkg.slice(0, pkg.length - 'package.json'.length) + 'cmaps/'
    } catch {
      cMapUrl = undefined
    }
  }
  return cMapUrl
}

interface Run {
  str: string
  x: number
  y: number
  width: number
  size: number
}

interface Line {
  text: string
  x: number
  y: number
  size: number
  right: number
}

const SENTENCE_END = /[.!?:;…"”’»)\]]$/

function linesOfPage(runs: Run[]): Line[] {
  const lines: Line[] = []
  let current: Run[] = []
  const flush = (): void => {
    if (current.length === 0) return
    current.sort((a, b) => a.x - b.x)
    let text = ''
    let end = -Infinity
    for (const run of current) {
      // pdfjs often omits the spaces between words and leaves only a horizontal gap.
      if (text !== '' && run.x - end > run.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(run.str)) text += ' '
      text += run.str
      end = run.x + run.width
    }
    const first = current[0] as Run
    const tidy = tidyParagraph(text)
    if (tidy !== '') lines.push({ text: tidy, x: first.x, y: first.y, size: Math.max(...current.map((r) => r.size)), right: end })
    current = []
  }
  for (const run of runs) {
    const anchor = current[0]
    if (anchor && Math.abs(run.y - anchor.y) > Math.max(anchor.size, run.size) * 0.5) flush()
    current.push(run)
  }
  flush()
  return lines
}

/**
 * The usual distance between lines of a paragraph: the commonest gap, not the median, since
 * paragraph and heading gaps can outnumber line gaps on short pages. With too few lines to tell,
 * 0 (callers then assume ordinary single spacing for the font size).
 */
function typicalLineGap(values: number[]): number {
  if (values.length < 3) return 0
  const counts = new Map<number, number>()
  for (const value of values) counts.set(Math.round(value), (counts.get(Math.round(value)) ?? 0) + 1)
  let best = 0
  let bestCount = 0
  for (const [gap, count] of counts) if (count > bestCount || (count === bestCount && gap < best)) [best, bestCount] = [gap, count]
  return best
}

function paragraphsOfPage(lines: Line[], lineGap: number): string[] {
  const paragraphs: string[] = []
  const maxRight = Math.max(...lines.map((l) => l.right))
  const minX = Math.min(...lines.map((l) => l.x))
  let current = ''
  let prev: Line | null = null
  for (const line of lines) {
    if (prev) {
      const gap = prev.y - line.y
      const breaks =
        gap <= 0 || // moved up: a new column or a text box
        gap > (lineGap > 0 ? lineGap : prev.size * 1.25) * 1.4 ||
        Math.abs(line.size - prev.size) > prev.size * 0.15 ||
        (SENTENCE_END.test(prev.text) && (prev.right < minX + (maxRight - minX) * 0.75 || line.x > prev.x + line.size))
      if (breaks) {
        paragraphs.push(current)
        current = line.text
      } else if (/\p{L}-$/u.test(current) && /^\p{Ll}/u.test(line.text)) {
        // A word hyphenated at the line end: rejoin it.
        current = current.slice(0, -1) + line.text
      } else {
        current = `${current} ${line.text}`
      }
    } else current = line.text
    prev = line
  }
  if (current) paragraphs.push(current)
  return paragraphs.map(tidyParagraph).filter(Boolean)
}

/** Running heads and page numbers: first or last lines that recur (digits aside) on most pages. */
function pageFurniture(pages: Line[][]): Set<string> {
  const furniture = new Set<string>()
  if (pages.length < 2) return furniture
  const counts = new Map<string, number>()
  for (const lines of pages) {
    const edges = new Set<string>()
    for (const line of [lines[0], lines[1], lines[lines.length - 2], lines[lines.length - 1]]) {
      if (line && line.text.length <= 120) edges.add(line.text.replace(/\d+/g, '#'))
    }
    for (const key of edges) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  for (const [key, count] of counts) if (count >= 2 && count >= pages.length * 0.5) furniture.add(key)
  return furniture
}

function looksLikeFileName(title: string): boolean {
  return /\.(?:docx?|pdf|indd|txt|rtf|odt|pages|qxp)$/i.test(title) || /^Microsoft Word - /i.test(title) || /^untitled$/i.test(title)
}

export async function readPdf(name: string, bytes: Uint8Array): Promise<Extracted> {
  const pdfjs = await loadPdfJs()
  const task = pdfjs.getDocument({
    // pdfjs transfers (detaches) the buffer it is given; the caller's bytes must stay usable.
    data: bytes.slice(),
    cMapUrl: cMaps(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0
  })
  let pdf: Awaited<typeof task.promise>
  try {
    pdf = await task.promise
  } catch (error) {
    await task.destroy().catch(() => undefined)
    if ((error as { name?: string } | null)?.name === 'PasswordException') {
      throw new ImportRejection('IMPORT_UNREADABLE', `${name} is password-protected`)
    }
    throw new ImportRejection('IMPORT_UNREADABLE', `${name} could not be read: it is not a valid PDF, or it is damaged or incomplete`)
  }
  try {
    const pages: Line[][] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      const content = await page.getTextContent()
      const runs: Run[] = []
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue
        const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[]
        runs.push({ str: item.str, x, y, width: item.width, size: Math.hypot(a, b) || item.height || 1 })
      }
      pages.push(linesOfPage(runs))
      page.cleanup()
    }

    const furniture = pageFurniture(pages)
    const removed: RemovedBlock[] = []
    const bodies = pages.map((lines) =>
      lines.filter((line) => {
        if (!furniture.has(line.text.replace(/\d+/g, '#'))) return true
        removed.push({ text: line.text, reason: 'page header or footer' })
        return false
      })
    )
    const gaps: number[] = []
    for (const lines of bodies) {
      for (let i = 1; i < lines.length; i++) {
        const gap = (lines[i - 1] as Line).y - (lines[i] as Line).y
        if (gap > 0) gaps.push(gap)
      }
    }
    const lineGap = typicalLineGap(gaps)

    const paragraphs: string[] = []
    for (const body of bodies) {
      if (body.length === 0) continue
      const pageParagraphs = paragraphsOfPage(body, lineGap)
      // A sentence running over the page break continues the previous page's last paragraph.
      const last = paragraphs[paragraphs.length - 1]
      const first = pageParagraphs[0]
      if (last !== undefined && first !== undefined && !SENTENCE_END.test(last) && /^\p{Ll}/u.test(first)) {
        paragraphs[paragraphs.length - 1] = `${last} ${first}`
        pageParagraphs.shift()
      }
      paragraphs.push(...pageParagraphs)
    }

    if (paragraphs.length === 0) {
      throw new ImportRejection('IMPORT_EMPTY', `${name} has no text to import (it may be a scanned image without a text layer)`)
    }
    let title: string | null = null
    try {
      const info = (await pdf.getMetadata()).info as { Title?: unknown }
      const raw = typeof info.Title === 'string' ? tidyParagraph(info.Title) : ''
      if (raw && !looksLikeFileName(raw)) title = raw
    } catch {
      // Unreadable metadata just means no title from it.
    }
    return {
      format: 'pdf',
      encoding: 'pdf',
      originalText: pages.map((lines) => lines.map((l) => l.text).join('\n')).join('\n\n'),
      paragraphs,
      meta: { title },
      removed
    }
  } finally {
    await pdf.destroy().catch(() => undefined)
  }
}
