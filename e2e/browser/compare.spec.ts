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

test('two long texts are compared a page at a time: rows are fetched as they come on screen, neither text whole', async ({
  page
}) => {
  const paragraphs = Array.from(
    { length: 3_000 },
    (_, i) => `Paragraph ${i + 1} of the harbour report: the board met again and heard item ${i + 1}.`
  )
  const edited = paragraphs.map((p, i) => (i === 2_900 ? p.replace('met again', 'met once more') : p))
  await page.goto(serve.url)
  await dropFiles(page, [
    { name: 'report-a.txt', base64: b64(['Harbour report A', ...paragraphs].join('\n\n')) },
    { name: 'report-b.txt', base64: b64(['Harbour report B', ...edited].join('\n\n')) }
  ])
  await expect(page.getByTestId('import-summary')).toHaveText(/2 imported/)
  const asked: Array<{ method: string; offset?: number }> = []
  page.on('request', (r) => {
    const method = /\/api\/([\w.]+)$/.exec(r.url())?.[1]
    if (method) asked.push({ method, offset: (r.postDataJSON() as { offset?: number } | null)?.offset })
  })
  await page.getByTestId('nav-compare').click()
  await page.getByTestId('compare-left').selectOption({ label: 'Harbour report A' })
  await page.getByTestId('compare-right').selectOption({ label: 'Harbour report B' })
  await expect(page.getByTestId('compare-summary')).toContainText('1 changed')
  await expect(page.getByTestId('diff-row').first()).toBeVisible()
  expect(asked.filter((a) => a.method === 'compare.rows').map((a) => a.offset)).toEqual([0])
  expect(asked.some((a) => a.method === 'library.get' || a.method === 'library.paragraphs')).toBe(false)

  // Near the end, where the edit is: only the pages scrolled to are fetched, and the row is there.
  const changed = page.locator('[data-testid="diff-row"][data-kind="changed"]')
  const scroller = page.getByTestId('compare-scroller')
  for (let share = 0.94; share < 1 && (await changed.count()) === 0; share += 0.005) {
    await scroller.evaluate((el, at) => (el.scrollTop = el.scrollHeight * at), share)
    await expect(page.getByTestId('pending-row')).toHaveCount(0)
  }
  await expect(changed).toContainText('once more')
  await expect(changed).toContainText('¶2901')
  const offsets = asked.filter((a) => a.method === 'compare.rows').map((a) => a.offset!)
  expect(Math.max(...offsets)).toBeGreaterThanOrEqual(2_800)
  expect(offsets.length).toBeLessThan(6)
})
