// A long check runs off the server's request loop: the check view shows how far it got, Cancel
// stops it, and the check is left with the result it had, saying plainly that it was cancelled.
import { expect, test } from '@playwright/test'
import { longStory } from '../support/long-story'
import { startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe({ demo: true })
})
test.afterAll(async () => {
  await serve?.stop()
})

/** Sentences of the generated story: about three claims each, enough for a run of some seconds. */
const SENTENCES = 1700

// A type, not an interface: objectContaining wants an index signature.
type Summary = {
  id: number
  total: number
  updatedAt: string
}

test('a re-run shows its progress, and Cancel leaves the previous result in place', async ({ page }) => {
  test.setTimeout(180_000)
  const story = await serve.call<{ status: string; id: number }>('library.importFile', {
    name: 'long-story.txt',
    role: 'story',
    source: { kind: 'bytes', base64: Buffer.from(longStory(SENTENCES), 'utf8').toString('base64') }
  })
  expect(story.status).toBe('imported')
  const before = await serve.call<Summary>('checks.create', { storyId: story.id })

  await page.goto(serve.url)
  await page.getByTestId('nav-checks').click()
  await page.locator(`[data-testid="check-row"][data-check-id="${before.id}"]`).click()
  await page.getByTestId('scope-all').click()
  await expect(page.getByTestId('claims-shown')).toContainText(`${before.total} of ${before.total} claims`)

  await page.getByTestId('rerun').click()
  // Most of a run of this story is reading it (finding its claims); the count of claims related
  // follows, and is over quickly. Either is progress the editor sees.
  const progress = page.getByTestId('check-running-progress')
  await expect(progress).toHaveText(/^(Reading the story…|Relating claims: [\d,]+ of [\d,]+)$/)
  // The server answers other calls meanwhile: the list of checks comes back while it computes.
  const listed = await serve.call<{ checks: Summary[] }>('checks.list', {})
  expect(listed.checks.map((c) => c.id)).toContain(before.id)
  await expect(page.getByTestId('check-running')).toBeVisible()

  await page.getByTestId('check-cancel').click()
  await expect(page.getByTestId('check-running')).toBeHidden()
  await expect(page.getByTestId('check-error')).toHaveText('Cancelled: nothing in the library was changed.')
  await expect(page.getByTestId('claims-shown')).toContainText(`${before.total} of ${before.total} claims`)
  const after = await serve.call<{ checks: Summary[] }>('checks.list', {})
  expect(after.checks.find((c) => c.id === before.id)).toEqual(expect.objectContaining(before))
  await page.screenshot({ path: 'e2e/artifacts/screens/check-cancel.png' })
})
