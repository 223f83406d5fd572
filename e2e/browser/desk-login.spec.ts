// A desk in Chromium against the real `factdesk serve`: members made with `factdesk desk
// add-member`, signing in, a wrong password refused, requests without the cookie, without the
// CSRF token or from another site refused, an admin adding a member, and who decided shown in a
// claim's history.
import { expect, test, type Page } from '@playwright/test'
import { startServe, type ServeProcess } from '../support/serve'

const ADMIN = { name: 'Ana Admin', role: 'admin' as const, password: 'admin passphrase 1' }
const CHECKER = { name: 'Ben Checker', role: 'checker' as const, password: 'checker passphrase 2' }

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe({ members: [ADMIN, CHECKER] })
})
test.afterAll(async () => {
  await serve?.stop()
})

/** Signs in as `member`; the rail then shows the name as stored (`shown`), whatever case was typed. */
async function signIn(
  page: Page,
  member: { name: string; password: string },
  shown = member.name
): Promise<void> {
  await page.goto(serve.url)
  await page.getByTestId('sign-in-name').fill(member.name)
  await page.getByTestId('sign-in-password').fill(member.password)
  await page.getByTestId('sign-in-submit').click()
  await expect(page.getByTestId('signed-in-as')).toContainText(shown)
}

test('serve prints a plain address with no token, and the page asks to sign in', async ({ page }) => {
  const consoleErrors: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text())
  })
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] }
    w.cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(e.violatedDirective))
  })
  expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  await page.goto(serve.url)
  await expect(page.getByTestId('sign-in')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0)
  // The sign-in page keeps to the CSP (no eval: the renderer bundles no validator).
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual(
    []
  )
  expect(consoleErrors).toEqual([])
})

test('a wrong password is refused with a plain sentence, and the right one signs in', async ({ page }) => {
  await page.goto(serve.url)
  await page.getByTestId('sign-in-name').fill(CHECKER.name)
  await page.getByTestId('sign-in-password').fill('not the password at all')
  await page.getByTestId('sign-in-submit').click()
  await expect(page.getByTestId('sign-in-error')).toHaveText(
    'That name and password do not match a member of this desk.'
  )
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0)

  await page.getByTestId('sign-in-password').fill(CHECKER.password)
  await page.getByTestId('sign-in-submit').click()
  await expect(page.getByTestId('signed-in-as')).toContainText(CHECKER.name)
  await expect(page.getByTestId('library-row')).toHaveCount(5)
  // A checker is not offered the members, and the server refuses them anyway.
  await expect(page.getByTestId('nav-members')).toHaveCount(0)
  const refused = await page.evaluate(async () => {
    const session = (await (await fetch('/auth/session')).json()) as { result: { csrfToken: string } }
    const reply = await fetch('/api/members.list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Factdesk-CSRF': session.result.csrfToken },
      body: '{}'
    })
    return reply.status
  })
  expect(refused).toBe(403)

  // The session outlives a reload; signing out ends it.
  await page.reload()
  await expect(page.getByTestId('signed-in-as')).toContainText(CHECKER.name)
  await page.getByTestId('sign-out').click()
  await expect(page.getByTestId('sign-in')).toBeVisible()
})

test('calls without the cookie, without the CSRF token, or from another site are refused', async ({
  page,
  playwright
}) => {
  await signIn(page, CHECKER)
  // From the signed-in page itself: the cookie goes along, the token does not.
  const withoutToken = await page.evaluate(async () => {
    const reply = await fetch('/api/app.info', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}'
    })
    return { status: reply.status, body: (await reply.json()) as { error: { code: string } } }
  })
  expect(withoutToken.status).toBe(403)
  expect(withoutToken.body.error.code).toBe('FORBIDDEN')

  // Another client with no cookie at all, even with a token the page had.
  const csrf = await page.evaluate(
    async () =>
      ((await (await fetch('/auth/session')).json()) as { result: { csrfToken: string } }).result.csrfToken
  )
  const outsider = await playwright.request.newContext()
  const noCookie = await outsider.post(`${serve.origin}/api/app.info`, {
    headers: { 'Content-Type': 'application/json', 'X-Factdesk-CSRF': csrf, Origin: serve.origin },
    data: {}
  })
  expect(noCookie.status()).toBe(401)
  expect((await noCookie.json()).error.code).toBe('UNAUTHORIZED')

  // The member's own cookie and token, but sent from another site.
  const cookies = await page.context().cookies()
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ')
  expect(cookies.find((c) => c.name === 'factdesk_desk')).toMatchObject({
    httpOnly: true,
    sameSite: 'Strict'
  })
  const crossSite = await outsider.post(`${serve.origin}/api/app.info`, {
    headers: {
      'Content-Type': 'application/json',
      'X-Factdesk-CSRF': csrf,
      Cookie: cookie,
      Origin: 'https://evil.example',
      'Sec-Fetch-Site': 'cross-site'
    },
    data: {}
  })
  expect(crossSite.status()).toBe(403)
  expect((await crossSite.json()).error.message).toBe('Requests from other sites are refused.')
  // The same request from the page's origin goes through: the refusals above were for what they lacked.
  const sameSite = await outsider.post(`${serve.origin}/api/app.info`, {
    headers: {
      'Content-Type': 'application/json',
      'X-Factdesk-CSRF': csrf,
      Cookie: cookie,
      Origin: serve.origin
    },
    data: {}
  })
  expect(sameSite.status()).toBe(200)
  await outsider.dispose()
})

test('an admin adds a member, who signs in; a decision shows who made it', async ({ page, browser }) => {
  await signIn(page, ADMIN)
  await page.getByTestId('nav-members').click()
  await expect(page.getByTestId('member-row')).toHaveCount(2)
  await page.getByTestId('member-name').fill('Cleo Reviewer')
  await page.getByTestId('member-role').selectOption('reviewer')
  await page.getByTestId('member-password').fill('reviewer passphrase 3')
  await page.getByTestId('member-submit').click()
  await expect(page.getByTestId('member-row')).toHaveCount(3)
  await expect(page.getByTestId('members-list')).toContainText('Cleo Reviewer')

  const other = await browser.newContext()
  const cleo = await other.newPage()
  await signIn(cleo, { name: 'cleo reviewer', password: 'reviewer passphrase 3' }, 'Cleo Reviewer')
  await cleo.getByTestId('nav-checks').click()
  await cleo.getByTestId('check-row').first().focus()
  await cleo.keyboard.press('Enter')
  await expect(cleo.getByTestId('check-header')).toBeVisible()
  await cleo.getByTestId('scope-all').click()
  await cleo.getByTestId('claim-row').first().click()
  await cleo.keyboard.press('v')
  await expect(cleo.getByTestId('history-entry')).toHaveCount(1)
  await expect(cleo.getByTestId('history-actor')).toHaveText('Cleo Reviewer')
  await other.close()
})

test('an admin gives a member a new password, disables and enables them; the member changes their own', async ({
  page,
  browser
}) => {
  await signIn(page, ADMIN)
  await page.getByTestId('nav-members').click()
  await page.getByTestId('member-name').fill('Dan Checker')
  await page.getByTestId('member-password').fill('dan passphrase 4')
  await page.getByTestId('member-submit').click()
  const dan = page.getByTestId('member-row').filter({ hasText: 'Dan Checker' })
  await expect(dan).toHaveCount(1)
  // No reset is offered for the admin's own row: their own password is changed with the current one.
  await expect(
    page.getByTestId('member-row').filter({ hasText: ADMIN.name }).getByTestId('member-reset')
  ).toHaveCount(0)
  await dan.getByTestId('member-reset').click()
  await dan.getByTestId('member-new-password').fill('dan passphrase 5')
  await dan.getByTestId('member-reset-submit').click()
  await expect(page.getByTestId('members-notice')).toHaveText(
    'Dan Checker has a new password; their sessions have ended.'
  )
  await dan.getByTestId('member-disable').click()
  await expect(dan).toContainText('Disabled')
  await dan.getByTestId('member-enable').click()
  await expect(dan).toContainText('Active')

  const other = await browser.newContext()
  const danPage = await other.newPage()
  await danPage.goto(serve.url)
  await danPage.getByTestId('sign-in-name').fill('Dan Checker')
  await danPage.getByTestId('sign-in-password').fill('dan passphrase 4')
  await danPage.getByTestId('sign-in-submit').click()
  await expect(danPage.getByTestId('sign-in-error')).toBeVisible()
  await signIn(danPage, { name: 'Dan Checker', password: 'dan passphrase 5' })

  await danPage.getByTestId('change-password-open').click()
  await danPage.getByTestId('current-password').fill('not my password')
  await danPage.getByTestId('new-password').fill('dan passphrase 6')
  await danPage.getByTestId('new-password-again').fill('dan passphrase 6')
  await danPage.getByTestId('change-password-submit').click()
  await expect(danPage.getByTestId('change-password-error')).toHaveText(
    'That is not your current password; nothing was changed.'
  )
  await danPage.getByTestId('current-password').fill('dan passphrase 5')
  await danPage.getByTestId('change-password-submit').click()
  await expect(danPage.getByTestId('change-password-done')).toBeVisible()
  // This session stays signed in; the new password signs in elsewhere.
  await danPage.reload()
  await expect(danPage.getByTestId('signed-in-as')).toContainText('Dan Checker')
  const third = await browser.newContext()
  await signIn(await third.newPage(), { name: 'Dan Checker', password: 'dan passphrase 6' })
  await third.close()
  await other.close()
})
