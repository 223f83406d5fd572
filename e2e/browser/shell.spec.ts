// The app shell in Chromium against the real `factdesk serve`, as a new user meets it.
import { expect, test } from '@playwright/test'
import { CONTENT_SECURITY_POLICY_META } from '../../src/shared/csp'
import { startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess

test.beforeAll(async () => {
  serve = await startServe()
})
test.afterAll(async () => {
  await serve?.stop()
})

test('serve prints a loopback URL and the browser shows the app shell with the demo library', async ({
  page
}) => {
  const consoleErrors: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text())
  })
  expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/)
  await page.goto(serve.url)
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible()
  await expect(page.getByTestId('nav-library')).toHaveAttribute('aria-current', 'page')
  await expect(page.getByTestId('library-row')).toHaveCount(5)
  await expect(page.getByRole('status')).toContainText('5 texts in the library')
  await expect(page.getByRole('status')).toContainText('factdesk serve')
  // The token leaves the address bar once read.
  expect(page.url()).not.toContain('token=')
  expect(consoleErrors).toEqual([])
})

test('the built page carries the strict content security policy', async ({ page }) => {
  await page.goto(serve.url)
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(meta).toBe(CONTENT_SECURITY_POLICY_META)
  // An injected inline script must not run.
  const ran = await page.evaluate(() => {
    const w = window as unknown as { injected?: boolean }
    const s = document.createElement('script')
    s.textContent = 'window.injected = true'
    document.body.appendChild(s)
    return w.injected === true
  })
  expect(ran).toBe(false)
})

test('the shell is usable from the keyboard', async ({ page }) => {
  await page.goto(serve.url)
  await expect(page.getByTestId('library-row')).toHaveCount(5)
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('nav-library')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('nav-checks')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible()
  // The demo story arrives with its check made.
  await expect(page.getByTestId('check-row')).toHaveCount(1)
})

test('API calls without the token, with a wrong token or from another origin are refused', async () => {
  const call = (headers: Record<string, string>) =>
    fetch(`${serve.origin}/api/app.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: '{}'
    })
  const noToken = await call({})
  const wrongToken = await call({ Authorization: 'Bearer wrong' })
  const foreignOrigin = await call({
    Authorization: `Bearer ${serve.token}`,
    Origin: 'https://attacker.example'
  })
  const good = await call({ Authorization: `Bearer ${serve.token}` })
  expect([noToken.status, wrongToken.status, foreignOrigin.status, good.status]).toEqual([401, 401, 403, 200])
  expect(((await good.json()) as { result: { transport: string } }).result.transport).toBe('http')
})

test('follows the system colour scheme', async ({ browser }) => {
  const colours: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme })
    const page = await context.newPage()
    await page.goto(serve.url)
    await expect(page.getByTestId('library-row')).toHaveCount(5)
    colours.push(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))
    await page.screenshot({ path: `e2e/artifacts/screens/library-${colorScheme}-1280x800.png` })
    await context.close()
  }
  expect(colours[0]).not.toBe(colours[1])
})
