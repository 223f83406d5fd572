// Signing and exporting reports as an editor does it in the browser: name the newsroom and the
// checker in Settings (they stay after a reload), then export the demo check's report from its
// header and find those names in the files downloaded.
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { startServe, type ServeProcess } from '../support/serve'

const NEWSROOM = 'E2E Desk'
const NEWSROOM_URL = 'https://desk.example/'
const CHECKER = 'Ana Ruiz'

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe()
})
test.afterAll(async () => {
  await serve?.stop()
})

async function call<T>(method: string, input: unknown): Promise<T> {
  const response = await fetch(`${serve.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${serve.token}` },
    body: JSON.stringify(input)
  })
  const body = (await response.json()) as { result?: T; error?: { message: string } }
  if (!body.result) throw new Error(`${method}: ${body.error?.message}`)
  return body.result
}

/** Types a value into a Settings field and leaves it, as a user does; waits for "Saved". */
async function setField(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true })
  await field.fill(value)
  await field.press('Tab')
}

async function fillSettings(page: Page, newsroom: string, checker: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
  await setField(page, 'Newsroom', newsroom)
  await expect(page.getByTestId('settings-newsroom-state')).toHaveText('✓ Saved')
  await setField(page, 'Checker’s name', checker)
  await expect(page.getByTestId('settings-checkedBy-state')).toHaveText('✓ Saved')
}

test('the newsroom and the checker set in Settings are kept after a reload', async ({ page }) => {
  await page.goto(serve.url)
  await fillSettings(page, NEWSROOM, CHECKER)

  // An address that is not a web address is refused, saying why, and nothing is saved.
  await setField(page, 'Newsroom web address', 'desk.example')
  await expect(page.getByTestId('settings-newsroomUrl-error')).toContainText('https://')
  await expect(page.getByLabel('Newsroom web address', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true'
  )
  await setField(page, 'Newsroom web address', NEWSROOM_URL)
  await expect(page.getByTestId('settings-newsroomUrl-state')).toHaveText('✓ Saved')
  await expect(page.getByTestId('settings-newsroomUrl-error')).toHaveCount(0)

  await page.reload()
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByLabel('Newsroom', { exact: true })).toHaveValue(NEWSROOM)
  await expect(page.getByLabel('Newsroom web address', { exact: true })).toHaveValue(NEWSROOM_URL)
  await expect(page.getByLabel('Checker’s name', { exact: true })).toHaveValue(CHECKER)
  // What the browser shows is what the library holds (and so what the CLI would sign with).
  expect(await call('preferences.get', {})).toEqual({
    newsroom: NEWSROOM,
    newsroomUrl: NEWSROOM_URL,
    checkedBy: CHECKER
  })
})

test('the report exported from the check view is signed with the Settings', async ({ page }) => {
  // ClaimReview lists only the decided claims chosen for publishing: decide and publish one first.
  const { checks } = await call<{ checks: { id: number }[] }>('checks.list', {})
  const checkId = checks[0]!.id
  const detail = await call<{ result: { claims: { id: string; text: string }[] } }>('checks.get', {
    id: checkId
  })
  const saturday = detail.result.claims.find((c) => c.text === 'Saturday')!
  await call('checks.decide', {
    checkId,
    claimId: saturday.id,
    status: 'verified',
    note: 'Three outlets agree.',
    publish: true
  })

  // Names of its own: the previous test's are already saved, and would not show "Saved" again.
  const newsroom = 'Export Desk'
  const checker = 'Bo Lee'
  await page.goto(serve.url)
  await fillSettings(page, newsroom, checker)

  await page.getByTestId('nav-checks').click()
  await page.getByTestId('check-row').first().click()
  await expect(page.getByTestId('check-header')).toBeVisible()
  const exportButton = page.getByRole('button', { name: 'Export report' })

  async function download(format: string): Promise<string> {
    await exportButton.click()
    const downloaded = page.waitForEvent('download')
    await page.getByRole('menuitem', { name: format, exact: true }).click()
    const file = await (await downloaded).path()
    return readFileSync(file, 'utf8')
  }

  const reviews = JSON.parse(await download('ClaimReview JSON-LD')) as Array<{ author: { name: string } }>
  expect(reviews.length).toBeGreaterThan(0)
  for (const review of reviews) expect(review.author.name).toBe(newsroom)
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText('.jsonld')

  const markdown = await download('Markdown')
  expect(markdown).toContain(`Checked by ${checker}`)

  // The menu works from the keyboard too: open with ArrowDown, move, Escape closes and returns focus.
  await exportButton.focus()
  await exportButton.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'HTML', exact: true })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'PDF', exact: true })).toBeFocused()
  // While the menu is open, the letter keys do not decide the claim behind it.
  const selected = page.locator('[data-testid="claim-row"][aria-selected="true"]')
  const statusBefore = await selected.getAttribute('data-status')
  await page.keyboard.press('v')
  await page.keyboard.press('d')
  await expect(selected).toHaveAttribute('data-status', statusBefore!)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toBeHidden()
  await expect(exportButton).toBeFocused()

  // A failure is said plainly beside the button: here, the check was deleted meanwhile.
  await call('checks.delete', { id: checkId })
  await exportButton.click()
  await page.getByRole('menuitem', { name: 'HTML', exact: true }).click()
  await expect(page.getByTestId('export-error')).toContainText('The HTML report could not be exported: ')
  await expect(page.getByTestId('export-error')).toHaveAttribute('role', 'alert')
})

test('an export in progress can be cancelled from the check header: no file, and "Export cancelled"', async ({
  page
}) => {
  // A check of its own: the test before deletes the demo's.
  const { texts } = await call<{ texts: { id: number }[] }>('library.list', { role: 'story' })
  await call('checks.create', { storyId: texts[0]!.id })
  await page.goto(serve.url)
  await page.getByTestId('nav-checks').click()
  await page.getByTestId('check-row').first().click()
  await expect(page.getByTestId('check-header')).toBeVisible()
  // The export is held on its way until Cancel has been clicked, as a slow PDF would keep it busy.
  let clicked: () => void = () => {}
  const cancelClicked = new Promise<void>((resolve) => (clicked = resolve))
  await page.route('**/api/checks.export', async (route) => {
    await cancelClicked
    await route.continue()
  })
  const downloads: string[] = []
  page.on('download', (d) => downloads.push(d.suggestedFilename()))
  await page.getByRole('button', { name: 'Export report' }).click()
  await page.getByRole('menuitem', { name: 'PDF', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Exporting PDF…' })).toBeVisible()
  const cancelled = page.waitForResponse((r) => r.url().endsWith('/api/checks.cancelExport'))
  await page.getByTestId('export-cancel').click()
  expect(await (await cancelled).json()).toEqual({ result: { cancelled: false } })
  clicked()
  await expect(page.getByRole('status').filter({ hasText: 'Export cancelled' })).toBeVisible()
  await expect(page.getByTestId('export-cancel')).toHaveCount(0)
  await expect(page.getByTestId('export-error')).toHaveCount(0)
  expect(downloads).toEqual([])
  await page.unroute('**/api/checks.export')
})
