// Drops files on the page the way a browser does: dragenter, dragover and drop events carrying a
// DataTransfer with real File objects.
import type { Page } from '@playwright/test'

export interface DroppedFile {
  name: string
  /** base64 of the bytes, or a size to fill with zeros inside the page (for huge files). */
  base64?: string
  zeroBytes?: number
  /** A text made inside the page of numbered copies of `line` up to `bytes` (for big texts). */
  text?: { line: string; bytes: number }
  type?: string
}

export async function dropFiles(page: Page, files: DroppedFile[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list: DroppedFile[]) => {
    const dt = new DataTransfer()
    for (const f of list) {
      const numbered = (text: { line: string; bytes: number }): string[] => {
        const lines: string[] = []
        for (let n = 1, size = 0; size < text.bytes; n++) {
          lines.push(`${n}. ${text.line}\n\n`)
          size += lines.at(-1)!.length
        }
        return lines
      }
      const parts: BlobPart[] = f.text
        ? numbered(f.text)
        : [
            f.base64 !== undefined
              ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))
              : new Uint8Array(f.zeroBytes ?? 0)
          ]
      dt.items.add(new File(parts, f.name, { type: f.type ?? '' }))
    }
    return dt
  }, files)
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('body', type, { dataTransfer })
  }
}
