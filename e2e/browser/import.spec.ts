// Importing by drag and drop in Chromium, against the real backend.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { dropFiles, type DroppedFile } from '../support/drop'
import { SAMPLES_DIR, startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess

const samples: DroppedFile[] = readdirSync(SAMPLES_DIR)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({
    name,
    base64: readFileSync(join(SAMPLES_DIR, name)).toString('base64'),
    type: 'text/plain'
  }))

test.beforeEach(async () => {
  serve = await startServe({ demo: false })
})
test.afterEach(async () => {
  await serve?.stop()
})

async function summary(page: Page): Promise<string> {
  const locator = page.getByTestId('import-summary')
  await expect(locator).toBeVisible({ timeout: 60_000 })
  return (await locator.textContent())!.replace(/\s+/g, ' ').trim()
}

test('dropping the five sample articles imports five texts; dropping them again reports five duplicates', async ({
  page
}) => {
  expect(samples).toHaveLength(5)
  await page.goto(serve.url)
  await expect(page.getByText('The library is empty.')).toBeVisible()

  // Each file goes up as the body of its own request; the import call names the upload, never
  // carrying the file inside its JSON (which the server would parse on the thread that answers).
  const uploads: string[] = []
  const importBodies: number[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/upload')) uploads.push(request.headers()['content-type'] ?? '')
    if (request.url().endsWith('/api/library.importFile')) importBodies.push(request.postData()?.length ?? 0)
  })
  await dropFiles(page, samples)
  expect(await summary(page)).toBe('5 imported, 0 duplicate, 0 rejected')
  await expect(page.getByTestId('library-row')).toHaveCount(5)
  expect(uploads).toEqual(Array(5).fill('application/octet-stream'))
  expect(importBodies).toHaveLength(5)
  for (const length of importBodies) expect(length).toBeLessThan(300)

  await page.getByRole('button', { name: 'Close the import report' }).click()
  await dropFiles(page, samples)
  expect(await summary(page)).toBe('0 imported, 5 duplicate, 0 rejected')
  await expect(page.getByTestId('library-row')).toHaveCount(5)
  // The page was never navigated to a dropped file.
  expect(new URL(page.url()).origin).toBe(serve.origin)
})

test('a batch with a binary, an empty and a 60 MB file imports the good ones and explains each rejection', async ({
  page
}) => {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
  await page.goto(serve.url)
  await dropFiles(page, [
    samples[0]!,
    { name: 'photo.png', base64: png.toString('base64'), type: 'image/png' },
    { name: 'empty.txt', base64: '' },
    { name: 'huge.txt', zeroBytes: 60 * 1024 * 1024 },
    samples[1]!
  ])
  expect(await summary(page)).toBe('2 imported, 0 duplicate, 3 rejected')
  const rejected = page.locator('[data-testid="import-outcome"][data-status="rejected"]')
  await expect(rejected.filter({ hasText: 'photo.png' })).toContainText(/not a text|image|binary/i)
  await expect(rejected.filter({ hasText: 'empty.txt' })).toContainText(/empty/i)
  await expect(rejected.filter({ hasText: 'huge.txt' })).toContainText('60 MB; the limit is 50 MB')
  await expect(page.getByTestId('library-row')).toHaveCount(2)
})

test('search finds a passage and highlights the match as text', async ({ page }) => {
  await page.goto(serve.url)
  await dropFiles(page, samples)
  await summary(page)
  await page.getByTestId('library-search').fill('Sybiha')
  const hits = page.getByTestId('search-hit')
  await expect(hits.first()).toBeVisible()
  expect(await hits.count()).toBeGreaterThanOrEqual(4)
  await expect(hits.first().locator('mark').first()).toHaveText(/Sybiha/i)
})

test('a text opens cleaned, with a toggle to the text as imported', async ({ page }) => {
  await page.goto(serve.url)
  const scmp = samples.find((s) => s.name.startsWith('002_'))!
  await dropFiles(page, [scmp])
  await summary(page)
  await page.getByTestId('library-row').first().click()
  const cleaned = page.getByTestId('cleaned-text')
  await expect(cleaned).toContainText('Takeshi Iwaya')
  await expect(cleaned.locator('p', { hasText: /^Advertisement$/ })).toHaveCount(0)
  await page.getByTestId('show-original').click()
  await expect(page.getByTestId('original-text')).toContainText('Advertisement')
})

const bigText: DroppedFile = {
  name: 'council.txt',
  type: 'text/plain',
  repeat: {
    text: 'The harbour council voted on Tuesday to build a movable flood barrier across the river mouth.\n\n',
    bytes: 45 * 1024 * 1024
  }
}

test('Cancel while a 45 MB text is being imported stores nothing of it', async ({ page }) => {
  await page.goto(serve.url)
  await expect(page.getByText('The library is empty.')).toBeVisible()
  const uploaded = page.waitForResponse((r) => r.url().endsWith('/upload'))
  const importing = page.waitForRequest((r) => r.url().endsWith('/api/library.importFile'))
  await dropFiles(page, [bigText])
  expect((await uploaded).status()).toBe(200)
  await importing
  await page.getByRole('button', { name: 'Cancel' }).click()
  expect(await summary(page)).toBe('0 imported, 0 duplicate, 0 rejected (cancelled)')
  await page.reload()
  await expect(page.getByText('The library is empty.')).toBeVisible()
})

test('Cancel while a 45 MB text is still being uploaded stops the upload and imports nothing', async ({
  page
}) => {
  await page.goto(serve.url)
  await expect(page.getByText('The library is empty.')).toBeVisible()
  const imports: string[] = []
  page.on('request', (r) => {
    if (r.url().endsWith('/api/library.importFile')) imports.push(r.url())
  })
  // The upload is held here until Cancel has been clicked: the cancel finds it on its way.
  let clicked: () => void = () => {}
  const cancelClicked = new Promise<void>((resolve) => (clicked = resolve))
  let held: () => void = () => {}
  const uploadHeld = new Promise<void>((resolve) => (held = resolve))
  await page.route('**/upload', async (route) => {
    held()
    await cancelClicked
    await route.continue().catch(() => {})
  })
  await dropFiles(page, [bigText])
  await uploadHeld
  await page.getByRole('button', { name: 'Cancel' }).click()
  clicked()
  expect(await summary(page)).toBe('0 imported, 0 duplicate, 0 rejected (cancelled)')
  expect(imports).toEqual([])
  await page.unroute('**/upload')
  await page.reload()
  await expect(page.getByText('The library is empty.')).toBeVisible()
})
