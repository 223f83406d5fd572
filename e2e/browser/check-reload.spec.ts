// What the check view keeps across a reload, in Chromium against factdesk serve: the selected
// claim, the filters and where the claim list was scrolled (per check, in the tab), and Undo,
// which reads the check's stored history and so still takes back the last decision.
import { expect, test, type Page } from '@playwright/test'
import { storedDecision } from '../support/decisions'
import { startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe()
})
test.afterAll(async () => {
  await serve?.stop()
})

const selectedRow = (page: Page) => page.locator('[data-testid="claim-row"][aria-selected="true"]')
const row = (page: Page, claimId: string) =>
  page.locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`)

async function openDemoCheck(page: Page): Promise<void> {
  await page.goto(serve.url)
  await page.getByTestId('nav-checks').click()
  await page.getByTestId('check-row').first().click()
  await expect(page.getByTestId('check-header')).toBeVisible()
}

/** The claims whose rows show inside the list's box, top to bottom. */
function claimsInView(page: Page): Promise<string[]> {
  return page.getByTestId('checklist').evaluate((list) => {
    const box = list.getBoundingClientRect()
    return [...list.querySelectorAll<HTMLElement>('[data-testid="claim-row"]')]
      .filter((r) => {
        const b = r.getBoundingClientRect()
        return b.bottom > box.top + 1 && b.top < box.bottom - 1
      })
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((r) => r.dataset['claimId']!)
  })
}

test('a reload keeps the selected claim, the filters and the scroll position of the claim list', async ({
  page
}) => {
  await page.setViewportSize({ width: 1280, height: 700 })
  await openDemoCheck(page)
  // Every claim, only the open ones: a long list to scroll.
  await page.getByTestId('scope-all').click()
  await page.getByTestId('filter-status-open').click()
  const list = page.getByTestId('checklist')
  await list.evaluate((el) => (el.scrollTop = 900))
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(800)
  const chosen = (await claimsInView(page))[3]!
  await row(page, chosen).click()
  await expect(selectedRow(page)).toHaveAttribute('data-claim-id', chosen)
  const chosenText = (await page.getByTestId('selected-claim').textContent())!
  // Scrolled on past the selected claim: the list's place and the selection are two things.
  await list.evaluate((el) => (el.scrollTop += 500))
  await expect.poll(async () => (await claimsInView(page)).includes(chosen)).toBe(false)
  const inView = await claimsInView(page)
  const shown = await page.getByTestId('claims-shown').textContent()

  await page.reload()
  await expect(page.getByTestId('check-header')).toBeVisible()
  await expect(page.getByTestId('scope-all')).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByTestId('filter-status-open')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('claims-shown')).toHaveText(shown!)
  await expect(page.getByTestId('selected-claim')).toHaveText(chosenText)
  await expect.poll(() => claimsInView(page)).toEqual(inView)
  await list.evaluate((el) => (el.scrollTop -= 500))
  await expect(selectedRow(page)).toHaveAttribute('data-claim-id', chosen)

  // The words searched for and a kind chosen come back too.
  await page.getByTestId('filter-status-open').click()
  await page.getByTestId('filter-kind-person').click()
  await page.getByTestId('claim-search').fill('Kamikawa')
  const narrowed = await page.getByTestId('claims-shown').textContent()
  await page.reload()
  await expect(page.getByTestId('claim-search')).toHaveValue('Kamikawa')
  await expect(page.getByTestId('filter-kind-person')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('filter-status-open')).toHaveAttribute('aria-pressed', 'false')
  await expect(page.getByTestId('claims-shown')).toHaveText(narrowed!)
  await page.getByTestId('claims-shown').getByRole('button', { name: 'show all' }).click()
})

test('after a reload, Undo (button and z) still takes back the last decisions, from the stored history', async ({
  page
}) => {
  await openDemoCheck(page)
  await page.getByTestId('scope-all').click()
  await page.getByTestId('claim-row').first().click()
  const first = (await selectedRow(page).getAttribute('data-claim-id'))!
  await page.keyboard.press('v')
  await expect(row(page, first)).toHaveAttribute('data-status', 'verified')
  await page.keyboard.press('j')
  const second = (await selectedRow(page).getAttribute('data-claim-id'))!
  await page.keyboard.press('x')
  await expect(row(page, second)).toHaveAttribute('data-status', 'disputed')
  // Another claim selected, so Undo has to find its way back to the claim it changes.
  await page.keyboard.press('j')
  await page.keyboard.press('j')

  await page.reload()
  await expect(page.getByTestId('check-header')).toBeVisible()
  await expect(page.getByTestId('undo')).toBeEnabled()
  await page.getByTestId('undo').click()
  await expect(row(page, second)).toHaveAttribute('data-status', 'open')
  await expect(selectedRow(page)).toHaveAttribute('data-claim-id', second)
  await expect(page.getByTestId('decision-history')).toContainText('Undo: Disputed → Open')
  expect((await storedDecision(serve, second)).status).toBe('open')

  await page.reload()
  await expect(page.getByTestId('check-header')).toBeVisible()
  await page.keyboard.press('z')
  await expect(row(page, first)).toHaveAttribute('data-status', 'open')
  expect((await storedDecision(serve, first)).status).toBe('open')
  await expect(page.getByTestId('undo')).toBeDisabled()
  // Redo, after a reload too, makes the first decision again.
  await page.reload()
  await expect(page.getByTestId('check-header')).toBeVisible()
  await expect(page.getByTestId('redo')).toBeEnabled()
  await page.keyboard.press('Shift+Z')
  await expect(row(page, first)).toHaveAttribute('data-status', 'verified')
})
