// Drops files on the page the way a browser does: dragenter, dragover and drop events carrying a
// DataTransfer with real File objects.
import type { Page } from '@playwright/test'

export interface DroppedFile {
  name: string
  /** base64 of the bytes, or a size to fill with zeros inside the page (for huge files). */
  base64?: string
  zeroBytes?: number
  /** A text repeated inside the page until it fills `bytes` (a huge text without sending it over). */
  repeat?: { text: string; bytes: number }
  type?: string
}

export async function dropFiles(page: Page, files: DroppedFile[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list: DroppedFile[]) => {
    const dt = new DataTransfer()
    for (const f of list) {
      if (f.repeat) {
        const unit = new TextEncoder().encode(f.repeat.text)
        const parts = Array.from({ length: Math.ceil(f.repeat.bytes / unit.length) }, () => unit)
        dt.items.add(new File(parts, f.name, { type: f.type ?? '' }))
        continue
      }
      const bytes =
        f.base64 !== undefined
          ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))
          : new Uint8Array(f.zeroBytes ?? 0)
      dt.items.add(new File([bytes], f.name, { type: f.type ?? '' }))
    }
    return dt
  }, files)
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('body', type, { dataTransfer })
  }
}
