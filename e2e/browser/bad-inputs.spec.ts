// The bad-inputs corpus dropped on the page in Chromium against the real `factdesk serve`, then
// every imported text opened, cleaned and as imported. A hostile page in the corpus must stay
// inert text: nothing fetched from anywhere but the server, no dialog, no script blocked by the
// CSP (a blocked script means imported markup reached the DOM as markup).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { dropFiles, type DroppedFile } from '../support/drop'
import { ROOT, startServe, type ServeProcess } from '../support/serve'

const CORPUS = join(ROOT, 'e2e', 'fixtures', 'bad-inputs')

interface Expectation {
  name: string
  outcome: 'imported' | 'rejected'
  code?: string
  reason?: string
  contains?: string[]
}
type Recipe =
  { kind: 'lines'; bytes: number; line: string } | { kind: 'single-line'; bytes: number; unit: string }

const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as {
  files: Expectation[]
  generated: Array<Expectation & { recipe: Recipe }>
}
const all: Expectation[] = [...expected.files, ...expected.generated]
const importedNames = all.filter((e) => e.outcome === 'imported').map((e) => e.name)
const rejected = all.filter((e) => e.outcome === 'rejected')

/** Big files are made here, as the unit test makes them: the corpus stays small in git. */
function generated(name: string, recipe: Recipe): DroppedFile {
  // Over the limit, the bytes never leave the page; zeros made in the page avoid shipping 60 MB.
  if (recipe.kind === 'lines') return { name, zeroBytes: recipe.bytes, type: 'text/plain' }
  const parts: string[] = []
  let size = 0
  for (let n = 0; size < recipe.bytes; n++) {
    const unit = recipe.unit.replace('NNNNNN', String(n).padStart(6, '0'))
    parts.push(unit)
    size += Buffer.byteLength(unit)
  }
  const text = parts.join('').slice(0, recipe.bytes).trimEnd()
  return { name, base64: Buffer.from(text, 'utf8').toString('base64'), type: 'text/plain' }
}

const dropped: DroppedFile[] = [
  ...expected.files.map((f) => ({
    name: f.name,
    base64: readFileSync(join(CORPUS, f.name)).toString('base64')
  })),
  ...expected.generated.map((g) => generated(g.name, g.recipe))
]

// Markup that would mean imported content became live DOM inside the app.
const LIVE_MARKUP =
  'script, iframe, frame, object, embed, img, svg, link, style, form, input, a[href^="javascript" i]'
/** The same in the evidence pane, whose own "Publish in ClaimReview" checkbox is the app's, not the text's. */
const LIVE_IN_EVIDENCE = LIVE_MARKUP.replace('input,', 'input:not([data-testid="decision-publish"]),')
const BLOCKED = /Content Security Policy|Refused to (execute|load|frame|apply|connect|evaluate)|blocked/i

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe({ demo: false })
})
test.afterAll(async () => {
  await serve?.stop()
})

/** Records what a page does that imported text must never make it do; expectInert() checks it. */
async function watchPage(page: Page): Promise<{ expectInert(): Promise<void> }> {
  const requests: string[] = []
  const dialogs: string[] = []
  const consoleErrors: string[] = []
  const pageErrors: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`)
    void d.dismiss()
  })
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
  page.on('pageerror', (e) => pageErrors.push(e.message))
  // Violations are also counted in the page: console wording differs between Chromium versions.
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] }
    w.cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`)
    )
  })

  return {
    async expectInert() {
      const violations = await page.evaluate(
        () => (window as unknown as { cspViolations: string[] }).cspViolations
      )
      const foreign = requests.filter((url) => new URL(url).origin !== serve.origin)
      expect(foreign, 'requests that left the serve origin').toEqual([])
      expect(requests.length).toBeGreaterThan(0)
      expect(dialogs).toEqual([])
      expect(violations).toEqual([])
      expect(consoleErrors.filter((m) => BLOCKED.test(m))).toEqual([])
      expect(pageErrors).toEqual([])
    }
  }
}

/** Opens the index-th row and returns the viewer once it shows that text, not the one before. */
async function openRow(page: Page, index: number): Promise<Locator> {
  const viewer = page.getByTestId('text-viewer')
  // The file name in the viewer's header tells one open text from the next.
  const meta = viewer.locator('.meta')
  const before = (await viewer.count()) > 0 ? await meta.textContent() : null
  // The list is virtualised: bring the row into the rendered window before clicking it.
  await page.getByRole('list', { name: 'Texts in the library' }).evaluate((el, i) => {
    el.scrollTop = i * 58
  }, index)
  await page.locator(`[data-testid="library-row"][data-index="${index}"]`).click()
  await expect(viewer).toBeVisible()
  if (before !== null) await expect(meta).not.toHaveText(before)
  return viewer
}

test('the bad-inputs corpus: the right files refused with reasons, the rest shown as inert text', async ({
  page
}) => {
  test.setTimeout(90_000)
  const watch = await watchPage(page)
  await page.goto(serve.url)
  await expect(page.getByText('The library is empty.')).toBeVisible()
  await dropFiles(page, dropped)

  const summary = page.getByTestId('import-summary')
  await expect(summary).toBeVisible({ timeout: 45_000 })
  expect((await summary.textContent())!.replace(/\s+/g, ' ').trim()).toBe(
    `${importedNames.length} imported, 0 duplicate, ${rejected.length} rejected`
  )

  const outcomes = page.getByTestId('import-outcome')
  await expect(outcomes).toHaveCount(dropped.length)
  for (const want of all) {
    const row = outcomes.filter({ has: page.getByText(want.name, { exact: true }) })
    await expect(row, want.name).toHaveCount(1)
    await expect(row, want.name).toHaveAttribute('data-status', want.outcome)
    if (want.outcome === 'rejected') {
      // The reason, in words, naming the file: not a code, not an empty line.
      await expect(row.locator('.reason'), want.name).toContainText(want.name)
      await expect(row.locator('.reason'), want.name).toContainText(want.reason!)
    }
  }

  const rows = page.getByTestId('library-row')
  await expect(rows).toHaveCount(importedNames.length)
  const opened = new Set<string>()
  for (let i = 0; i < importedNames.length; i++) {
    const viewer = await openRow(page, i)
    const meta = (await viewer.locator('.meta').textContent()) ?? ''
    const name = importedNames.find((n) => meta.includes(`${n} ·`))
    expect(name, `row ${i}: ${meta.slice(0, 120)}`).toBeDefined()
    opened.add(name!)
    const want = all.find((e) => e.name === name)!
    const cleaned = page.getByTestId('cleaned-text')
    for (const phrase of want.contains ?? []) await expect(cleaned, name).toContainText(phrase)
    await expect(viewer.locator(LIVE_MARKUP), `${name} cleaned`).toHaveCount(0)

    await page.getByTestId('show-original').click()
    const original = page.getByTestId('original-text')
    await expect(original).toBeVisible()
    // The page's own markup shows up as characters on screen, which is what inert means.
    if (name!.endsWith('.html')) await expect(original).toContainText('<script>')
    await expect(viewer.locator(LIVE_MARKUP), `${name} as imported`).toHaveCount(0)
  }
  expect([...opened].sort()).toEqual([...importedNames].sort())

  await watch.expectInert()
})

test('the hostile page checked as a story against the corpus: the check view shows it all as inert text', async ({
  page
}) => {
  // Runs after the corpus test above, on the library it filled.
  const { texts } = await serve.call<{ texts: { id: number; fileName: string }[] }>('library.list', {})
  const hostile = texts.find((t) => t.fileName === 'hostile.html')
  expect(hostile, 'the corpus test imported hostile.html').toBeDefined()
  await serve.call('library.setRole', { id: hostile!.id, role: 'story' })
  const check = await serve.call<{ id: number; total: number }>('checks.create', { storyId: hostile!.id })
  expect(check.total).toBeGreaterThan(0)

  const watch = await watchPage(page)
  await page.goto(serve.url)
  await page.getByTestId('nav-checks').click()
  await page.getByTestId('check-row').first().click()
  await expect(page.getByTestId('check-header')).toBeVisible()
  for (let i = 0; i < Math.min(check.total, 15); i++) {
    await page.keyboard.press('j')
    await expect(page.getByTestId('evidence-pane').locator(LIVE_IN_EVIDENCE)).toHaveCount(0)
  }
  await expect(page.getByTestId('story').locator(LIVE_MARKUP)).toHaveCount(0)
  await expect(page.getByTestId('checklist').locator(LIVE_MARKUP)).toHaveCount(0)
  await watch.expectInert()
})
