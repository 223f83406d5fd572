// Desk specs: a member signed in in a browser context of their own, on the desk's first check.
import { expect, type Browser, type Page } from '@playwright/test'

export const claimRow = (page: Page, claimId: string) =>
  page.locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`)

/** Signs `who` in at `url` in a new context, opens the desk's first check and shows all its claims. */
export async function memberOnFirstCheck(
  browser: Browser,
  url: string,
  who: { name: string; password: string }
): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage()
  await page.goto(url)
  await page.getByTestId('sign-in-name').fill(who.name)
  await page.getByTestId('sign-in-password').fill(who.password)
  await page.getByTestId('sign-in-submit').click()
  await expect(page.getByTestId('signed-in-as')).toContainText(who.name)
  await page.getByTestId('nav-checks').click()
  await page.getByTestId('check-row').first().click()
  await expect(page.getByTestId('check-header')).toBeVisible()
  await page.getByTestId('scope-all').click()
  return page
}
