// A corrected claim marked verified, disputed or not checkable loses its corrected wording. The
// check view applies the decision and says so in a notice with Undo, which brings the correction
// back, wording and all; by keyboard (z) as well as by the notice's button.
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

const WORDING = 'Foreign Minister Takeshi Iwaya'

async function correct(page: Page): Promise<void> {
  await page.keyboard.press('c')
  await page.getByTestId('corrected-wording').fill(WORDING)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('corrected-wording')).not.toBeFocused()
}

test('replacing a correction says what wording went, and Undo in the notice or z brings it back', async ({
  page
}) => {
  await page.goto(serve.url)
  await page.getByTestId('nav-checks').click()
  await page.getByTestId('check-row').first().click()
  await page.getByTestId('scope-all').click()
  await page.getByTestId('claim-row').first().click()
  const selected = page.locator('[data-testid="claim-row"][aria-selected="true"]')
  const claimId = (await selected.getAttribute('data-claim-id'))!
  const notice = page.getByTestId('correction-replaced')

  await correct(page)
  await expect(selected).toHaveAttribute('data-status', 'corrected')
  await expect(notice).toHaveCount(0)

  // By keyboard: v marks it verified at once, and the notice names the wording that went.
  await page.keyboard.press('v')
  await expect(selected).toHaveAttribute('data-status', 'verified')
  await expect(notice).toBeVisible()
  await expect(notice).toContainText(`its corrected wording “${WORDING}” is no longer on record`)
  await expect(notice).toContainText('Verified')
  expect(await storedDecision(serve, claimId)).toMatchObject({ status: 'verified', correctedText: null })
  await expect(page.getByTestId('decision-history')).toContainText(`wording “${WORDING}” dropped`)
  await page.screenshot({ path: 'e2e/artifacts/screens/correction-replaced.png' })
  await notice.getByTestId('correction-replaced-undo').click()
  await expect(notice).toHaveCount(0)
  await expect(selected).toHaveAttribute('data-status', 'corrected')
  await expect(page.getByTestId('corrected-wording')).toHaveValue(WORDING)
  expect(await storedDecision(serve, claimId)).toMatchObject({ status: 'corrected', correctedText: WORDING })

  // By mouse: Disputed, then z, the undo key, answers the notice the same way.
  await page.getByTestId('decide-disputed').click()
  await expect(notice).toContainText('Disputed')
  await page.keyboard.press('z')
  await expect(notice).toHaveCount(0)
  expect(await storedDecision(serve, claimId)).toMatchObject({ status: 'corrected', correctedText: WORDING })

  // Keeping the new decision closes the notice and leaves the decision as made.
  await page.getByTestId('decide-dismissed').click()
  await notice.getByTestId('correction-replaced-dismiss').click()
  await expect(notice).toHaveCount(0)
  await expect(selected).toHaveAttribute('data-status', 'dismissed')

  // The notice goes with the next decision: Undo would then take back that one, not the correction.
  await correct(page)
  await page.keyboard.press('x')
  await expect(notice).toBeVisible()
  await page.keyboard.press('j')
  await page.keyboard.press('v')
  await expect(notice).toHaveCount(0)
})
