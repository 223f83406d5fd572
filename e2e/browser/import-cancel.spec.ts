// Cancel while a big text is imported: the file in hand is stopped (its parse runs in a worker
// thread, which is terminated), the files after it are not sent, and the library is as it was.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { dropFiles } from '../support/drop'
import { SAMPLES_DIR, startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
test.beforeEach(async () => {
  serve = await startServe({ demo: false })
})
test.afterEach(async () => {
  await serve?.stop()
})

const [first, second] = readdirSync(SAMPLES_DIR)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({ name, base64: readFileSync(join(SAMPLES_DIR, name)).toString('base64') }))

test('Cancel during a 45 MB import leaves the library as it was and sends no file after it', async ({
  page
}) => {
  test.setTimeout(120_000)
  await page.goto(serve.url)
  await dropFiles(page, [first!])
  await expect(page.getByTestId('import-summary')).toContainText('1 imported', { timeout: 60_000 })
  await page.getByRole('button', { name: 'Close the import report' }).click()
  await expect(page.getByTestId('library-row')).toHaveCount(1)

  const line =
    'The harbour council voted on Tuesday to build a movable flood barrier across the river mouth, officials said.'
  await dropFiles(page, [{ name: 'huge-story.txt', text: { line, bytes: 45 * 1024 * 1024 } }, second!])
  await expect(page.getByTestId('import-panel').getByText('Importing 0 of 2')).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()

  const summary = page.getByTestId('import-summary')
  await expect(summary).toBeVisible({ timeout: 60_000 })
  expect((await summary.textContent())!.replace(/\s+/g, ' ').trim()).toBe(
    '0 imported, 0 duplicate, 0 rejected (cancelled)'
  )
  await expect(page.getByTestId('library-row')).toHaveCount(1)
  await expect(page.getByTestId('library-row')).not.toContainText('huge-story')
})
