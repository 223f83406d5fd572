// Two members of a desk on one check, each signed in in a browser context of their own (the
// session cookie and CSRF token, no token link): A's decision appears on B's screen without a
// reload, with A's name in the claim's history; B's decision made on the version before A's is
// refused and B is shown A's, nothing overwritten.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { claimRow, memberOnFirstCheck } from '../support/desk-member'
import { startServe, type ServeProcess } from '../support/serve'

const ANA = { name: 'Ana Checker', role: 'checker' as const, password: 'checker passphrase 1' }
const BEN = { name: 'Ben Reviewer', role: 'reviewer' as const, password: 'reviewer passphrase 2' }

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe({ members: [ANA, BEN] })
})
test.afterAll(async () => {
  await serve?.stop()
})

/** A member signed in in a context of their own, on the desk's first check, all claims shown. */
const member = (browser: Browser, who: { name: string; password: string }): Promise<Page> =>
  memberOnFirstCheck(browser, serve.url, who)

/** Both members on the index-th claim of the list. */
async function sameClaim(a: Page, b: Page, index: number): Promise<string> {
  const claimId = (await b.locator('[data-testid="claim-row"]').nth(index).getAttribute('data-claim-id'))!
  await claimRow(a, claimId).click()
  await claimRow(b, claimId).click()
  return claimId
}

test("a member's decision appears on the other member's screen, with who made it", async ({ browser }) => {
  const ana = await member(browser, ANA)
  const ben = await member(browser, BEN)
  const claimId = await sameClaim(ana, ben, 0)
  await expect(claimRow(ben, claimId)).toHaveAttribute('data-status', 'open')

  await ana.getByTestId('decide-verified').click()
  await expect(claimRow(ben, claimId)).toHaveAttribute('data-status', 'verified', { timeout: 3000 })
  await expect(ben.getByTestId('history-actor').first()).toHaveText(ANA.name)
  await ana.context().close()
  await ben.context().close()
})

test("a decision made on the version before the other member's is refused and shown, not saved over it", async ({
  browser
}) => {
  const ana = await member(browser, ANA)
  const ben = await member(browser, BEN)
  const claimId = await sameClaim(ana, ben, 1)

  // Ben's decision is held on the way until Ana's is saved: the two clicked at the same moment.
  let release: () => void = () => {}
  const anaSaved = new Promise<void>((resolve) => (release = resolve))
  await ben.route('**/api/checks.decide', async (route) => {
    await anaSaved
    await route.continue()
  })
  await ben.getByTestId('decision-note').fill('Ben: the wire copy says Sunday')
  await ben.getByTestId('decide-disputed').click()

  const saved = ana.waitForResponse((r) => r.url().endsWith('/api/checks.decide') && r.ok())
  await ana.getByTestId('decide-verified').click()
  await saved
  release()

  await expect(ben.getByTestId('decision-conflict')).toBeVisible()
  await expect(ben.getByTestId('decision-conflict-message')).toHaveText(
    /was decided by someone else meanwhile: Verified/
  )
  await expect(ben.getByTestId('decision-conflict-kept')).toHaveValue('Ben: the wire copy says Sunday')
  await expect(claimRow(ben, claimId)).toHaveAttribute('data-status', 'verified')
  await expect(claimRow(ana, claimId)).toHaveAttribute('data-status', 'verified')
  // What the desk holds, read again from the server: Ana's decision, by Ana.
  await ben.reload()
  await expect(ben.getByTestId('signed-in-as')).toContainText(BEN.name)
  await ben.getByTestId('nav-checks').click()
  await ben.getByTestId('check-row').first().click()
  await ben.getByTestId('scope-all').click()
  await claimRow(ben, claimId).click()
  await expect(claimRow(ben, claimId)).toHaveAttribute('data-status', 'verified')
  await expect(ben.getByTestId('history-actor')).toHaveText([ANA.name])
  await ana.context().close()
  await ben.context().close()
})
