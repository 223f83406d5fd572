// The check view as a new user meets it: the demo check, walked with the keyboard, decisions
// made, evidence pinned, the page reloaded, and everything still there with its history.
import { expect, test, type Page } from '@playwright/test'
import { startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe()
})
test.afterAll(async () => {
  await serve?.stop()
})

interface Decision {
  claimId: string
  status: string
  correctedText: string | null
  note: string | null
  pinned: unknown[]
}

const selectedRow = (page: Page) => page.locator('[data-testid="claim-row"][aria-selected="true"]')
const selectedId = async (page: Page) => (await selectedRow(page).getAttribute('data-claim-id'))!
const row = (page: Page, claimId: string) =>
  page.locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`)

async function openDemoCheck(page: Page): Promise<void> {
  await page.getByTestId('nav-checks').click()
  await page.getByTestId('check-row').first().focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('check-header')).toBeVisible()
  // A check opens on what needs attention; these walks go through every claim.
  await expect(page.getByTestId('scope-attention')).toHaveAttribute('aria-checked', 'true')
  await page.getByTestId('scope-all').click()
  await page.getByTestId('claim-row').first().click()
  await expect(selectedRow(page)).toHaveCount(1)
}

/** Moves down the list until the selected claim has an evidence passage to pin. */
async function nextClaimWithEvidence(page: Page): Promise<string> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('j')
    const id = await selectedId(page)
    if ((await page.getByTestId('evidence-card').count()) > 0) return id
  }
  throw new Error('no claim with evidence within 60 claims')
}

test('walk the demo check by keyboard: verify, dispute with a note, correct, pin, undo; all of it survives a reload', async ({
  page
}) => {
  await page.goto(serve.url)
  await openDemoCheck(page)
  await expect(page.getByTestId('claims-shown')).toContainText(/\d+ of \d+ claims/)

  // j moves down, k back up.
  const first = await selectedId(page)
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('k')
  const verifiedId = await selectedId(page)
  expect(verifiedId).not.toBe(first)

  await page.keyboard.press('v')
  await expect(row(page, verifiedId)).toHaveAttribute('data-status', 'verified')
  await expect(page.getByTestId('decide-verified')).toHaveAttribute('aria-pressed', 'true')

  await page.keyboard.press('j')
  const disputedId = await selectedId(page)
  await page.keyboard.press('x')
  await expect(row(page, disputedId)).toHaveAttribute('data-status', 'disputed')
  await page.keyboard.press('n')
  await expect(page.getByTestId('decision-note')).toBeFocused()
  await page.keyboard.type('The ministry’s own statement gives another figure.')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('history-entry')).toHaveCount(2)
  await page.keyboard.press('Escape')

  await page.keyboard.press('j')
  const correctedId = await selectedId(page)
  await page.keyboard.press('c')
  await expect(page.getByTestId('corrected-wording')).toBeFocused()
  await page.getByTestId('corrected-wording').fill('Foreign Minister Takeshi Iwaya (corrected)')
  await page.keyboard.press('Enter')
  await expect(row(page, correctedId)).toHaveAttribute('data-status', 'corrected')
  await expect(page.getByTestId('corrected-wording')).not.toBeFocused()

  const pinnedId = await nextClaimWithEvidence(page)
  await page.keyboard.press('p')
  await expect(page.getByTestId('pin-evidence').first()).toHaveAttribute('aria-pressed', 'true')
  // Undo takes the pin back; redo puts it back. Both are saved like any decision.
  await page.keyboard.press('z')
  await expect(page.getByTestId('pin-evidence').first()).toHaveAttribute('aria-pressed', 'false')
  await page.keyboard.press('Shift+Z')
  await expect(page.getByTestId('pin-evidence').first()).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('check-tally')).toContainText('3 / ')

  // The shortcuts overlay lists the keys used above.
  await page.keyboard.press('?')
  await expect(page.getByTestId('shortcuts')).toContainText('Mark verified')
  await expect(page.getByTestId('shortcuts')).toContainText('Undo the last decision')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('shortcuts')).toHaveCount(0)

  // Reload: the check opens again and every decision is there, read back from the library.
  await page.reload()
  await expect(page.getByTestId('check-header')).toBeVisible()
  await expect(row(page, verifiedId)).toHaveAttribute('data-status', 'verified')
  await expect(row(page, disputedId)).toHaveAttribute('data-status', 'disputed')
  await expect(row(page, correctedId)).toHaveAttribute('data-status', 'corrected')

  await row(page, disputedId).click()
  await expect(page.getByTestId('decision-note')).toHaveValue(
    'The ministry’s own statement gives another figure.'
  )
  await expect(page.getByTestId('history-entry')).toHaveCount(2)
  await expect(page.getByTestId('decision-history')).toContainText('Open → Disputed')

  await row(page, correctedId).click()
  await expect(page.getByTestId('corrected-wording')).toHaveValue(
    'Foreign Minister Takeshi Iwaya (corrected)'
  )

  await row(page, pinnedId).scrollIntoViewIfNeeded()
  await row(page, pinnedId).click()
  await expect(page.getByTestId('pin-evidence').first()).toHaveAttribute('aria-pressed', 'true')
  // pinned, unpinned by undo, pinned again by redo: three entries.
  await expect(page.getByTestId('history-entry')).toHaveCount(3)

  // What the screen shows is what the library holds.
  const { checks } = await serve.call<{ checks: { id: number; decided: number }[] }>('checks.list', {})
  const detail = await serve.call<{ decisions: Decision[] }>('checks.get', { id: checks[0]!.id })
  const byId = new Map(detail.decisions.map((d) => [d.claimId, d]))
  expect(byId.get(verifiedId)?.status).toBe('verified')
  expect(byId.get(disputedId)).toMatchObject({
    status: 'disputed',
    note: 'The ministry’s own statement gives another figure.'
  })
  expect(byId.get(correctedId)).toMatchObject({
    status: 'corrected',
    correctedText: 'Foreign Minister Takeshi Iwaya (corrected)'
  })
  expect(byId.get(pinnedId)?.pinned).toHaveLength(1)

  // Filters: only the verified claim is left when "Verified" is on.
  await page.getByTestId('filter-status-verified').click()
  await expect(page.getByTestId('claim-row')).toHaveCount(1)
  await page.getByTestId('filter-status-verified').click()

  await row(page, disputedId).click()
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080]
  ] as const) {
    await page.setViewportSize({ width, height })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: `e2e/artifacts/screens/check-${scheme}-${width}x${height}.png` })
    }
  }
})

test('select story words to add a claim the engine missed; a name goes to the house list from its claim', async ({
  page
}) => {
  await page.goto(serve.url)
  await openDemoCheck(page)
  const shown = async () =>
    Number(/of (\d+) claims/.exec((await page.getByTestId('claims-shown').textContent())!)![1])
  const before = await shown()
  expect(before).toBeGreaterThan(5)

  // Select a run of plain (unmarked) story words with the mouse's result: a DOM selection.
  const words = await page.evaluate(() => {
    const spans = [...document.querySelectorAll<HTMLElement>('[data-testid="story"] span[data-offset]')]
    const span = spans.find((s) => (s.textContent ?? '').trim().split(/\s+/).length >= 4)!
    const text = span.firstChild as Text
    const content = text.data
    const start = content.search(/\S/)
    const end = start + content.slice(start).split(/\s+/).slice(0, 4).join(' ').length
    const range = document.createRange()
    range.setStart(text, start)
    range.setEnd(text, end)
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
    span.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    return content.slice(start, end)
  })
  await expect(page.getByTestId('add-claim')).toBeVisible()
  await page.getByTestId('add-claim-kind').selectOption('event')
  await page.getByTestId('add-claim').getByRole('button', { name: 'Add claim' }).click()
  await expect(page.getByTestId('claims-shown')).toContainText(`of ${before + 1} claims`)
  await expect(page.getByTestId('selected-claim')).toHaveText(words.trim())
  await expect(selectedRow(page)).toContainText('added by you')

  // A date claim on words without a date is refused with the reason, and nothing is added.
  await page.evaluate(() => {
    const span = [...document.querySelectorAll<HTMLElement>('[data-testid="story"] span[data-offset]')].find(
      (s) => /[a-z]{4,} [a-z]{4,}/.test(s.textContent ?? '')
    )!
    const text = span.firstChild as Text
    const at = /[a-z]{4,} [a-z]{4,}/.exec(text.data)!.index
    const range = document.createRange()
    range.setStart(text, at)
    range.setEnd(text, at + 9)
    window.getSelection()!.removeAllRanges()
    window.getSelection()!.addRange(range)
    span.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
  })
  await page.getByTestId('add-claim-kind').selectOption('date')
  await page.getByTestId('add-claim').getByRole('button', { name: 'Add claim' }).click()
  await expect(page.getByTestId('check-error')).toContainText('Found no date')
  expect(await shown()).toBe(before + 1)
  await page.keyboard.press('Escape')

  // Any passage of the sources can be pinned, not only the ones the engine offers.
  await page.getByTestId('find-passage').click()
  await page.getByTestId('passage-query').fill('Kyiv')
  await page.getByTestId('passage-query').press('Enter')
  await expect(page.getByTestId('passage-hit').first()).toBeVisible()
  const hitText = (await page.getByTestId('passage-hit').first().locator('.snippet').textContent())!
  await page.getByTestId('passage-hit').first().getByRole('button', { name: 'Pin' }).click()
  await expect(page.getByTestId('pinned-passage')).toHaveCount(1)
  await expect(page.getByTestId('pinned-passage')).toContainText(
    hitText.replace(/^…|…$/g, '').trim().slice(0, 30)
  )

  // A person claim: its name can join the newsroom's house list from the evidence pane.
  await page.getByTestId('filter-kind-person').click()
  await page.getByTestId('claim-row').first().click()
  const name = (await page.getByTestId('selected-claim').textContent())!.trim()
  await page.getByTestId('add-house-name').click()
  await expect(page.getByTestId('evidence-pane')).toContainText(`“${name}” is now a house name`)
  const { names } = await serve.call<{ names: { name: string }[] }>('houseNames.list', {})
  expect(names.map((n) => n.name)).toContain(name)
})

test('narrow a check to one source and widen it back to the whole library', async ({ page }) => {
  await page.goto(serve.url)
  await openDemoCheck(page)
  const sources = page.getByTestId('check-sources')
  await expect(sources).toContainText('all sources (4)')
  await sources.click()
  await page.getByTestId('sources-chosen').check()
  await page.getByTestId('source-option').first().check()
  await page.getByRole('button', { name: 'Check again with these' }).click()
  await expect(sources).toContainText('chosen sources (1)')
  // Every evidence card now comes from that one source.
  const { checks } = await serve.call<{ checks: { id: number; sourceIds: number[] | null }[] }>(
    'checks.list',
    {}
  )
  expect(checks[0]!.sourceIds).toHaveLength(1)
  await sources.click()
  await page.getByTestId('sources-all').check()
  await page.getByRole('button', { name: 'Check again with these' }).click()
  await expect(sources).toContainText('all sources (4)')
})
