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

const call = <T>(method: string, input: unknown): Promise<T> => serve.call<T>(method, input)

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

test('the reader counts “1 piece” of page furniture and writes the date for people', async ({ page }) => {
  const html = `<!doctype html><html><head><title>Harbour storm sinks boats</title>
    <meta property="article:published_time" content="2024-11-16"></head><body><article>
    <h1>Harbour storm sinks boats</h1>
    <p>A winter storm sank nine fishing boats in the harbour at Tarvik on Saturday, port officials said.</p>
    <p>Advertisement</p>
    <p>Crews worked through the night to tow the remaining boats to safety, the officials added.</p>
    </article></body></html>`
  const imported = await call<{ status: string }>('library.importFile', {
    name: 'harbour-storm.html',
    role: 'source',
    source: { kind: 'bytes', base64: Buffer.from(html, 'utf8').toString('base64') }
  })
  expect(imported.status).toBe('imported')

  await page.goto(serve.url)
  await page.getByTestId('nav-library').click()
  await page.getByTestId('library-row').filter({ hasText: 'Harbour storm sinks boats' }).click()
  await expect(page.getByTestId('furniture-removed')).toHaveText('1 piece of page furniture removed')
  await expect(page.getByTestId('text-date')).toHaveText('16 November 2024')
})

test('a Settings field typed and then reloaded, without leaving it, is kept', async ({ page }) => {
  await page.goto(serve.url)
  await page.getByRole('button', { name: 'Settings' }).click()
  const field = page.getByLabel('Checker’s name', { exact: true })
  await field.click()
  await field.pressSequentially('Mira Holm')
  await expect(page.getByTestId('settings-checkedBy-state')).toHaveText('✓ Saved')
  await page.reload()
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByLabel('Checker’s name', { exact: true })).toHaveValue('Mira Holm')
})

test('after a reload on the Settings screen the status bar gives the library’s real count', async ({
  page
}) => {
  const { total } = await call<{ total: number }>('library.list', { limit: 1 })
  expect(total).toBeGreaterThan(0)
  await page.goto(serve.url)
  await page.getByTestId('nav-settings').click()
  await page.reload()
  await expect(page.getByTestId('nav-settings')).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('status').filter({ hasText: 'in the library' })).toContainText(
    `${total} text${total === 1 ? '' : 's'} in the library`
  )
})

test('removing a house name can be undone, note and all', async ({ page }) => {
  await call('houseNames.add', { name: 'Oksana Marchenko', note: 'spokesperson, checked 2024' })
  await page.goto(serve.url)
  await page.getByTestId('nav-names').click()
  const list = page.getByTestId('names-list')
  await expect(list).toContainText('Oksana Marchenko')
  await page.getByRole('button', { name: 'Remove Oksana Marchenko' }).click()
  await expect(list).not.toContainText('Oksana Marchenko')
  await page.getByTestId('names-undo').click()
  await expect(list).toContainText('Oksana Marchenko')
  await expect(list).toContainText('spokesperson, checked 2024')
})

test('serve mode: after the token link, a reload or a new tab opens without the token; without it, a plain page', async ({
  browser
}) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(serve.url)
  await expect(page.getByRole('status').filter({ hasText: 'in the library' })).toContainText(
    'texts in the library'
  )
  expect(page.url()).not.toContain('token=')

  const second = await context.newPage()
  await second.goto(`${serve.origin}/`)
  await expect(second.getByRole('status').filter({ hasText: 'in the library' })).toContainText(
    'texts in the library'
  )
  await second.reload()
  await expect(second.getByRole('status').filter({ hasText: 'in the library' })).toContainText(
    'texts in the library'
  )
  await context.close()

  const stranger = await browser.newContext()
  const outsider = await stranger.newPage()
  await outsider.goto(`${serve.origin}/`)
  const alert = outsider.getByRole('alert').first()
  await expect(alert).toContainText('Open the address factdesk serve printed')
  await expect(alert).not.toContainText('`')
  await stranger.close()
})

test('a long text opens on its first page and reads on as the reader scrolls', async ({ page }) => {
  const paragraphs = Array.from(
    { length: 1_000 },
    (_, i) =>
      `Paragraph ${i + 1}: the inquiry heard evidence from the harbour master about the night of the storm.`
  )
  const imported = await call<{ status: string }>('library.importFile', {
    name: 'long-inquiry.txt',
    role: 'source',
    source: { kind: 'bytes', base64: Buffer.from(paragraphs.join('\n\n'), 'utf8').toString('base64') }
  })
  expect(imported.status).toBe('imported')

  await page.goto(serve.url)
  await page.getByTestId('nav-library').click()
  await page.getByTestId('library-row').filter({ hasText: 'long-inquiry' }).first().click()
  const cleaned = page.getByTestId('cleaned-text')
  await expect(page.getByTestId('reader-more')).toContainText('200 of 1,000 paragraphs')
  expect(await cleaned.locator('p').count()).toBeLessThan(300)
  const shown = () => cleaned.locator('p:not(.more)').count()
  // "Show more" asks for the next page without scrolling. dispatchEvent, because a real click
  // scrolls the line into view, which itself asks for pages and moves the button under the pointer.
  await page.getByTestId('reader-more').getByRole('button', { name: 'Show more' }).dispatchEvent('click')
  await expect.poll(shown).toBeGreaterThanOrEqual(400)
  // Scrolling to the end keeps reading on, page by page, until the whole text is in.
  const viewer = page.getByTestId('text-viewer')
  await expect
    .poll(
      async () => {
        await viewer.evaluate((el) => (el.scrollTop = el.scrollHeight))
        return shown()
      },
      { timeout: 30_000 }
    )
    .toBe(1_000)
  await expect(page.getByTestId('reader-more')).toHaveCount(0)
  await expect(cleaned).toContainText('Paragraph 1000:')
})

test('the Add-claim popup for words at the right edge of the story stays inside the story pane', async ({
  page
}) => {
  // A laptop window: the story pane is narrow, the popup wider than the room right of the words.
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.goto(serve.url)
  await page.getByTestId('nav-checks').click()
  await page.getByTestId('check-row').first().click()
  const story = page.getByTestId('story')
  await expect(story).toBeVisible()
  // Select the word that ends furthest right in the story, as an editor would at a line's end.
  await story.evaluate((root) => {
    let best: { range: Range; right: number } | null = null
    const pane = root.getBoundingClientRect()
    const body = [...root.querySelectorAll('p')]
    const nodes: Node[] = []
    for (const p of body) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node)
    }
    for (const node of nodes) {
      const text = node.textContent ?? ''
      for (const m of text.matchAll(/\p{L}{4,}/gu)) {
        const range = document.createRange()
        range.setStart(node, m.index)
        range.setEnd(node, m.index + m[0].length)
        const rect = range.getBoundingClientRect()
        const onScreen =
          rect.width > 0 && rect.top > pane.top && rect.bottom < pane.bottom && rect.right <= pane.right
        if (onScreen && (!best || rect.right > best.right)) best = { range, right: rect.right }
      }
    }
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(best!.range)
    best!.range.startContainer.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
  })
  const popup = page.getByTestId('add-claim')
  await expect(popup).toBeVisible()
  const pane = (await story.boundingBox())!
  const box = (await popup.boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(pane.x)
  expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width + 0.5)
  await page.screenshot({ path: 'e2e/artifacts/screens/add-claim-popup-1024.png' })
})

test('a source with a very long file name does not push the evidence pane wider than the window', async ({
  page
}) => {
  const name = `${'Kyiv_visit_wire_copy_final_version_'.repeat(6)}v2.txt`
  await call('library.importFile', {
    name,
    role: 'source',
    source: {
      kind: 'bytes',
      base64: Buffer.from(
        'Japanese Foreign Minister Takeshi Iwaya arrived in Kyiv on Saturday, officials said.',
        'utf8'
      ).toString('base64')
    }
  })
  const { checks } = await call<{ checks: { id: number }[] }>('checks.list', {})
  await call('checks.rerun', { id: checks[0]!.id })

  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(serve.url)
  await page.getByTestId('nav-checks').click()
  await page.locator(`[data-testid="check-row"][data-check-id="${checks[0]!.id}"]`).click()
  await page.getByTestId('scope-all').click()
  const pane = page.getByTestId('evidence-pane')
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('j')
    const [scroll, client] = await pane.evaluate((el) => [el.scrollWidth, el.clientWidth])
    expect(scroll).toBeLessThanOrEqual(client + 1)
  }
  await expect(pane).toContainText('Kyiv_visit_wire_copy')
})
