// A text's details (headline, outlet, byline, date, address) edited from wherever the text is
// listed: a row of the Library list, the reader, and the sources of a check (evidence, silent
// sources, the source picker). Saving re-runs the checks using the text; a refused value changes
// nothing.
import { expect, test, type Page } from '@playwright/test'
import { startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe()
})
test.afterAll(async () => {
  await serve?.stop()
})

interface Text {
  id: number
  role: string
  title: string | null
  outlet: string | null
  publishedAt: string | null
  url: string | null
  fileName: string
}

async function texts(): Promise<Text[]> {
  return (await serve.call<{ texts: Text[] }>('library.list', { limit: 50 })).texts
}

async function fillDetails(
  page: Page,
  values: { title?: string; outlet?: string; date?: string }
): Promise<void> {
  const dialog = page.getByTestId('text-meta')
  await expect(dialog).toBeVisible()
  if (values.title !== undefined) await dialog.getByTestId('meta-title').fill(values.title)
  if (values.outlet !== undefined) await dialog.getByTestId('meta-outlet').fill(values.outlet)
  if (values.date !== undefined) await dialog.getByTestId('meta-date').fill(values.date)
}

test('edit a text’s details from its row in the Library list; a refused address changes nothing', async ({
  page
}) => {
  await page.goto(serve.url)
  const source = (await texts()).find((t) => t.role === 'source')!
  const row = page.getByRole('listitem').filter({ hasText: source.title ?? source.fileName })
  await row.getByTestId('library-row-edit').click()
  const dialog = page.getByTestId('text-meta')
  await expect(dialog.getByTestId('meta-file')).toHaveText(source.fileName)
  await expect(dialog.getByTestId('meta-title')).toHaveValue(source.title ?? '')

  // An address that is not the web's is refused with the reason; the dialog stays, nothing is saved.
  await fillDetails(page, { title: 'Edited from the list' })
  await dialog.getByLabel('Web address').fill('ftp://files.example.org/story')
  await dialog.getByTestId('meta-save').click()
  await expect(dialog.getByTestId('meta-error')).toContainText('http:// or https://')
  expect((await texts()).find((t) => t.id === source.id)).toMatchObject({
    title: source.title,
    url: source.url
  })

  await dialog.getByLabel('Web address').fill('https://news.example.org/story')
  await fillDetails(page, { outlet: 'Edited Outlet', date: '2024-11-17' })
  await dialog.getByTestId('meta-save').click()
  await expect(dialog).toHaveCount(0)
  const edited = page.getByRole('listitem').filter({ hasText: 'Edited from the list' })
  await expect(edited).toContainText('Edited Outlet · 2024-11-17')
  await page.screenshot({ path: 'e2e/artifacts/screens/edit-details-library.png' })
  expect((await texts()).find((t) => t.id === source.id)).toMatchObject({
    title: 'Edited from the list',
    outlet: 'Edited Outlet',
    publishedAt: '2024-11-17',
    url: 'https://news.example.org/story'
  })

  // The reader shows the text's details and edits them the same way; Escape leaves them as they were.
  await edited.getByTestId('library-row').click()
  await expect(page.getByTestId('text-viewer')).toContainText('Edited Outlet')
  await page.getByTestId('viewer-edit-meta').click()
  await fillDetails(page, { outlet: 'Not saved' })
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await page.getByTestId('viewer-edit-meta').click()
  await fillDetails(page, { outlet: 'Edited in the reader' })
  await dialog.getByTestId('meta-save').click()
  await expect(page.getByTestId('text-viewer')).toContainText('Edited in the reader')
  await expect(edited).toContainText('Edited in the reader')
})

test('edit a source’s details from a check: its evidence, and the source picker', async ({ page }) => {
  await page.goto(serve.url)
  await page.getByTestId('nav-checks').click()
  await page.getByTestId('check-row').first().click()
  await page.getByTestId('scope-all').click()
  // The first claim with a passage from a source.
  const card = page.getByTestId('evidence-card').first()
  for (let i = 0; i < 40 && (await card.count()) === 0; i++) await page.keyboard.press('j')
  await expect(card).toBeVisible()
  await page.screenshot({ path: 'e2e/artifacts/screens/edit-details-evidence.png' })
  await card.getByTestId('edit-text-meta').click()
  await fillDetails(page, { outlet: 'Outlet set from the evidence' })
  await page.getByTestId('meta-save').click()
  await expect(page.getByTestId('text-meta')).toHaveCount(0)
  // The check ran again: the passage names its source by the new outlet.
  await expect(page.getByTestId('evidence-pane')).toContainText('Outlet set from the evidence')
  expect((await texts()).some((t) => t.outlet === 'Outlet set from the evidence')).toBe(true)

  await page.getByTestId('check-sources').click()
  const picker = page.getByTestId('source-picker')
  await page.screenshot({ path: 'e2e/artifacts/screens/edit-details-picker.png' })
  await picker.getByTestId('edit-text-meta').first().click()
  await fillDetails(page, { title: 'Headline set from the picker' })
  await page.getByTestId('meta-save').click()
  await expect(page.getByTestId('text-meta')).toHaveCount(0)
  await expect(picker).toContainText('Headline set from the picker')
  // The picker still has the keys: Escape closes it.
  await page.keyboard.press('Escape')
  await expect(picker).toHaveCount(0)
  expect((await texts()).some((t) => t.title === 'Headline set from the picker')).toBe(true)
})
