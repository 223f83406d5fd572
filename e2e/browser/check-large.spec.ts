// The checklist with thousands of claims: the list keeps only what is on screen in the page, and
// the keyboard still walks it to the end.
import { expect, test } from '@playwright/test'
import { longStory } from '../support/long-story'
import { startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe({ demo: false })
})
test.afterAll(async () => {
  await serve?.stop()
})

/** Sentences of the generated story: about three claims each. */
const SENTENCES = 1700

test('a check of about 5,000 claims: a bounded number of rows in the page, walkable to the last claim', async ({
  page
}) => {
  const story = await serve.call<{ status: string; id: number }>('library.importFile', {
    name: 'long-story.txt',
    role: 'story',
    source: { kind: 'bytes', base64: Buffer.from(longStory(SENTENCES), 'utf8').toString('base64') }
  })
  expect(story.status).toBe('imported')
  const check = await serve.call<{ id: number; total: number }>('checks.create', { storyId: story.id })
  expect(check.total).toBeGreaterThanOrEqual(4500)

  await page.goto(serve.url)
  await page.getByTestId('nav-checks').click()
  await page.getByTestId('check-row').first().click()
  await page.getByTestId('scope-all').click()
  await expect(page.getByTestId('claims-shown')).toContainText(`${check.total} of ${check.total} claims`)
  const rendered = await page.getByTestId('claim-row').count()
  expect(rendered).toBeGreaterThan(5)
  expect(rendered).toBeLessThan(80)

  // Narrow the list with the search box and walk it by keyboard.
  await page.keyboard.press('/')
  await page.keyboard.type('Riga')
  await page.keyboard.press('Escape')
  const shown = Number(/^(\d+) of/.exec((await page.getByTestId('claims-shown').textContent())!.trim())![1])
  expect(shown).toBeGreaterThan(100)
  expect(shown).toBeLessThan(check.total)
  for (let i = 0; i < 40; i++) await page.keyboard.press('k')
  await expect(page.locator('[data-testid="claim-row"][aria-selected="true"]')).toBeVisible()
  expect(await page.getByTestId('claim-row').count()).toBeLessThan(80)

  // Scrolling to the bottom of the whole list shows the story's last claim, still with few rows
  // in the page.
  const { result } = await serve.call<{ result: { claims: { text: string }[] } }>('checks.get', {
    id: check.id
  })
  await page.getByTestId('claim-search').fill('')
  await expect(page.getByTestId('claims-shown')).toContainText(`${check.total} of ${check.total} claims`)
  await page.getByTestId('checklist').evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect(page.getByTestId('claim-row').last()).toContainText(
    result.claims[result.claims.length - 1]!.text
  )
  expect(await page.getByTestId('claim-row').count()).toBeLessThan(80)
})
