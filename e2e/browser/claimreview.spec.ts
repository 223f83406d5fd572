// Choosing what the ClaimReview publishes, in the check view and by keyboard: a verified claim
// ticked for publication with a public explanation, a private note beside it, and the export
// holding the explanation and never the note.
import { expect, test, type Page } from '@playwright/test'
import { startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe()
})
test.afterAll(async () => {
  await serve?.stop()
})

interface ClaimReviewJson {
  claimReviewed: string
  reviewBody?: string
}

const selectedRow = (page: Page) => page.locator('[data-testid="claim-row"][aria-selected="true"]')

/** Shows every claim, narrowed to those around the word, and selects the claim with this id. */
async function selectClaim(page: Page, word: string, claimId: string): Promise<void> {
  await page.getByTestId('scope-all').click()
  await page.getByTestId('claim-search').fill(word)
  await page.locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`).click()
  await expect(page.getByTestId('selected-claim')).toHaveText(word)
}

async function exportClaimReview(checkId: number): Promise<string> {
  const file = await serve.call<{ base64: string }>('checks.export', { id: checkId, format: 'claimreview' })
  return Buffer.from(file.base64, 'base64').toString('utf8')
}

test('publish a verified claim with a public explanation, by keyboard; the note stays private', async ({
  page
}) => {
  await serve.call('preferences.set', { newsroom: 'E2E Desk', newsroomUrl: 'https://desk.example/' })
  const { checks } = await serve.call<{ checks: { id: number }[] }>('checks.list', {})
  const checkId = checks[0]!.id
  const detail = await serve.call<{ result: { claims: { id: string; text: string }[] } }>('checks.get', {
    id: checkId
  })
  const saturday = detail.result.claims.find((c) => c.text === 'Saturday')!.id
  // Nothing chosen yet: the export says so instead of writing an empty file.
  await expect(exportClaimReview(checkId)).rejects.toThrow(/No claim is chosen for the ClaimReview/)

  await page.goto(serve.url)
  await page.getByTestId('nav-checks').click()
  await page.getByTestId('check-row').first().focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('check-header')).toBeVisible()
  await selectClaim(page, 'Saturday', saturday)

  // Until there is a verdict there is nothing to publish.
  await expect(page.getByTestId('decision-publish')).toBeDisabled()
  await page.keyboard.press('v')
  await expect(page.getByTestId('decision-publish')).toBeEnabled()

  // The note, then Tab to the publication controls: a checkbox (Space) and the explanation.
  await page.keyboard.press('n')
  await expect(page.getByTestId('decision-note')).toBeFocused()
  await page.keyboard.type('Private: the embassy press officer confirmed by phone.')
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('decision-publish')).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page.getByTestId('decision-publish')).toBeChecked()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('public-explanation')).toBeFocused()
  await page.keyboard.type('Three outlets date the visit to Saturday, 16 November.')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('decision-history')).toContainText('public explanation: “Three outlets')
  await expect(page.getByTestId('decision-history')).toContainText('published in ClaimReview')
  await page.keyboard.press('Escape')
  await expect(selectedRow(page)).toHaveAttribute('data-status', 'verified')

  const text = await exportClaimReview(checkId)
  const reviews = JSON.parse(text) as ClaimReviewJson[]
  expect(reviews).toEqual([
    expect.objectContaining({
      claimReviewed: 'Saturday',
      reviewBody: 'Three outlets date the visit to Saturday, 16 November.'
    })
  ])
  expect(text).not.toContain('embassy press officer')

  // After a reload the choice and both texts are read back from the library.
  await page.reload()
  await expect(page.getByTestId('check-header')).toBeVisible()
  await selectClaim(page, 'Saturday', saturday)
  await expect(page.getByTestId('decision-publish')).toBeChecked()
  await expect(page.getByTestId('public-explanation')).toHaveValue(
    'Three outlets date the visit to Saturday, 16 November.'
  )
  await expect(page.getByTestId('decision-note')).toHaveValue(
    'Private: the embassy press officer confirmed by phone.'
  )
})
