// The document diff, as an editor uses it on two versions of one story.
import { expect, test } from '@playwright/test'
import { dropFiles } from '../support/drop'
import { startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe({ demo: false })
})
test.afterAll(async () => {
  await serve?.stop()
})

const first = [
  'Harbour board approves new ferry terminal',
  'The harbour board voted on Tuesday to build a ferry terminal costing $40 million, officials said.',
  'Construction is due to begin in March and finish within two years, according to the board chair, Maria Lindqvist.',
  'Local fishermen oppose the plan, saying the terminal will cut access to the old pier.',
  'The board will publish the tender documents next month.'
].join('\n\n')

const second = [
  'Harbour board approves new ferry terminal',
  'The board will publish the tender documents next month.',
  'The harbour board voted on Wednesday to build a ferry terminal costing $45 million, officials said.',
  'Construction is due to begin in March and finish within two years, according to the board chair, Maria Lindqvist.',
  'Local fishermen oppose the plan, saying the terminal will cut access to the old pier.',
  'A public hearing is scheduled for June 3.'
].join('\n\n')

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

test('two versions of a story: aligned paragraphs, changed words marked, moved and added paragraphs labelled', async ({
  page
}) => {
  await page.goto(serve.url)
  await dropFiles(page, [
    { name: 'ferry-v1.txt', base64: b64(first) },
    { name: 'ferry-v2.txt', base64: b64(second + '\n') }
  ])
  await expect(page.getByTestId('import-summary')).toHaveText(/2 imported/)
  await page.getByTestId('nav-compare').click()
  await page.getByTestId('compare-left').selectOption({ label: 'Harbour board approves new ferry terminal' })
  // Both share a title; pick the second option by index for the right-hand text.
  const options = await page.getByTestId('compare-right').locator('option:not([disabled])').all()
  const values = await Promise.all(options.map((o) => o.getAttribute('value')))
  const leftValue = await page.getByTestId('compare-left').inputValue()
  await page.getByTestId('compare-right').selectOption(values.find((v) => v !== leftValue)!)

  const summary = page.getByTestId('compare-summary')
  await expect(summary).toBeVisible()
  const text = (await summary.textContent())!.replace(/\s+/g, ' ')
  // Which side is "left" depends on list order; the counts below hold either way except added/removed.
  expect(text).toContain('2 same')
  expect(text).toContain('1 changed')
  expect(text).toContain('1 moved')

  const changed = page.locator('[data-testid="diff-row"][data-kind="changed"]')
  await expect(changed).toHaveCount(1)
  const marked = [
    ...(await changed.locator('del').allTextContents()),
    ...(await changed.locator('ins').allTextContents())
  ]
  expect(marked.join(' ')).toMatch(/Tuesday/)
  expect(marked.join(' ')).toMatch(/Wednesday/)
  expect(marked.join(' ')).toMatch(/40/)
  expect(marked.join(' ')).toMatch(/45/)
  await expect(page.locator('[data-testid="diff-row"][data-kind="moved"]')).toContainText('moved from ¶')
  await expect(
    page.locator('[data-testid="diff-row"][data-kind="added"], [data-testid="diff-row"][data-kind="removed"]')
  ).toContainText('A public hearing is scheduled for June 3.')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.screenshot({ path: `e2e/artifacts/screens/compare-${scheme}-1280x800.png` })
  }
})
