// Library search in the browser: a word only a headline has, an OR query, a phrase, and a
// misspelled name answered with "Did you mean", whose suggestion, clicked, finds the text.
import { expect, test, type Page } from '@playwright/test'
import { startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe({ demo: false })
  const texts: Record<string, string> = {
    'lviv.md': '# Quarantine lifted in Lviv\n\nOfficials said the restrictions ended on Monday.\n',
    'kyiv.md': '# Minister visits Kyiv\n\nForeign Minister Yoko Kakmikawa met Andrii Sybiha in Kyiv.\n',
    'grain.md': '# Grain deal holds\n\nThe ministry said the grain corridor stays open.\n'
  }
  for (const [name, text] of Object.entries(texts)) {
    const imported = await serve.call<{ status: string }>('library.importFile', {
      name,
      source: { kind: 'bytes', base64: Buffer.from(text).toString('base64') }
    })
    expect(imported.status).toBe('imported')
  }
})
test.afterAll(async () => {
  await serve?.stop()
})

const hits = (page: Page) => page.getByTestId('search-hit')

/** The headlines of the texts the search found, as the hits name them, once each and sorted. */
async function foundTexts(page: Page): Promise<string[]> {
  await expect(page.getByTestId('search-results')).toBeVisible()
  const titles = await hits(page).locator('.hit-title').allTextContents()
  return [...new Set(titles.map((t) => t.trim()))].sort()
}

test('search finds headline words, either side of OR and phrases; a misspelling gets a suggestion that finds the text', async ({
  page
}) => {
  await page.goto(serve.url)
  await expect(page.getByTestId('library-row')).toHaveCount(3)
  const box = page.getByTestId('library-search')

  // "Quarantine" is only in a headline.
  await box.fill('quarantine')
  await expect(hits(page)).toHaveCount(1)
  await expect(hits(page).first()).toHaveAttribute('data-field', 'headline')
  await expect(hits(page).first().locator('mark')).toHaveText('Quarantine')
  await hits(page).first().click()
  await expect(page.getByTestId('text-viewer')).toContainText('restrictions ended on Monday')

  await box.fill('Sybiha OR corridor')
  await expect.poll(() => foundTexts(page)).toEqual(['Grain deal holds', 'Minister visits Kyiv'])

  // A phrase: the words together and in this order.
  await box.fill('"ministry said"')
  await expect.poll(() => foundTexts(page)).toEqual(['Grain deal holds'])
  await box.fill('"said ministry"')
  await expect(page.getByTestId('search-empty')).toContainText('No texts match “"said ministry"”.')
  await expect(page.getByTestId('search-suggestion')).toHaveCount(0)

  // The name as it should be spelled; the library has it misspelled.
  await box.fill('Kamikawa')
  await expect(page.getByTestId('search-empty')).toContainText(
    'No texts match “Kamikawa”. Did you mean: Kakmikawa?'
  )
  await page.getByTestId('search-suggestion').filter({ hasText: 'Kakmikawa' }).click()
  await expect(box).toHaveValue('Kakmikawa')
  await expect(hits(page).first().locator('mark')).toHaveText('Kakmikawa')
  await hits(page).first().click()
  await expect(page.getByTestId('text-viewer')).toContainText(
    'Foreign Minister Yoko Kakmikawa met Andrii Sybiha'
  )

  // Stray syntax never reaches the user as an error.
  for (const stray of ['"', 'OR', '(Kyiv', 'NEAR(', '*', 'Kyiv OR', '"Kyiv']) {
    const answered = page.waitForResponse((r) => r.url().includes('/api/library.search'))
    await box.fill(stray)
    expect((await answered).status(), stray).toBe(200)
  }
  await expect(page.getByRole('alert')).toHaveCount(0)
})
