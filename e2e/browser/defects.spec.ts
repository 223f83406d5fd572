// Defects a new user met (issue #12), each walked as the user met it.
import { expect, test } from '@playwright/test'
import { startServe, type ServeProcess } from '../support/serve'

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

test('a check opened after deciding in another does not show the other check’s “Saved” time', async ({
  page
}) => {
  const { checks } = await call<{ checks: { id: number; storyId: number }[] }>('checks.list', {})
  const demo = checks[0]!
  const second = await call<{ id: number }>('checks.create', { storyId: demo.storyId, sourceIds: null })

  await page.goto(serve.url)
  await page.getByTestId('nav-checks').click()
  await page.locator(`[data-testid="check-row"][data-check-id="${demo.id}"]`).click()
  await expect(page.getByTestId('check-header')).toBeVisible()
  await page.keyboard.press('v')
  await expect(page.getByTestId('save-state')).toContainText('Saved')

  await page.getByTestId('nav-checks').click()
  await page.locator(`[data-testid="check-row"][data-check-id="${second.id}"]`).click()
  await expect(page.getByTestId('check-header')).toBeVisible()
  await expect(page.getByTestId('save-state')).toHaveText('Every decision is saved as you make it')
})
