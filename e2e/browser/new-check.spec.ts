// A new user's whole path, in Chromium against factdesk serve: an empty library with a few
// sources, New check from the Checks screen, the story pasted with its headline and date, the
// sources chosen, a corrected copy of the story left out and listed, three claims decided, a
// source added (the header says the check is stale), Re-run keeping the decisions, and the report
// exported in every format. Each step leaves a screenshot in e2e/artifacts/screens/new-check-*.
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe({ demo: false })
})
test.afterAll(async () => {
  await serve?.stop()
})

const call = <T>(method: string, input: unknown): Promise<T> => serve.call<T>(method, input)

async function importSource(name: string, text: string): Promise<number> {
  const outcome = await call<{ status: string; id: number }>('library.importFile', {
    name,
    role: 'source',
    source: { kind: 'bytes', base64: Buffer.from(text, 'utf8').toString('base64') }
  })
  expect(outcome.status).toBe('imported')
  return outcome.id
}

// Invented news: a harbour storm, told by the story, a wire report, a council statement, and an
// earlier draft of the story itself.
const STORY = [
  'The storm that hit Tarvik on Monday sank 14 fishing boats in the harbour, the harbour authority said.',
  'Harbour master Lena Holm said crews had worked through the night to secure the moorings of the larger trawlers.',
  'Winds of up to 140 km/h were recorded on the coast, according to the national weather service.',
  'Repairs to the breakwater are expected to cost about 3 million kroner, officials said on Tuesday.'
].join('\n\n')
const DRAFT = STORY.replace('14 fishing boats', '12 fishing boats')
const WIRE = [
  'Twelve fishing boats sank in Tarvik harbour when a storm struck the coast on Monday, the harbour authority said.',
  'The national weather service recorded gusts of up to 140 km/h along the coast.'
].join('\n\n')
const COUNCIL =
  'Harbour master Lena Holm thanked the crews who secured the moorings overnight. The breakwater repairs will cost about 3 million kroner, the council said on Tuesday.'
const LATER =
  'The harbour authority in Tarvik confirmed on Wednesday that 12 fishing boats sank in Monday’s storm.'

const shot = (page: Page, step: string) =>
  page.screenshot({ path: `e2e/artifacts/screens/new-check-${step}.png`, fullPage: false })

test('a new user checks a pasted story from New check to the exported report', async ({ page }) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1440, height: 900 })
  await importSource('wire-report.txt', WIRE)
  await importSource('council-statement.txt', COUNCIL)
  const draftId = await importSource('story-draft.txt', DRAFT)

  await page.goto(serve.url)
  await page.getByTestId('nav-checks').click()
  await expect(page.getByTestId('checks-empty')).toContainText('New check')
  await shot(page, '1-checks-empty')

  // New check: paste, headline, date; then the sources.
  await page.getByTestId('new-check-open').click()
  await page.getByTestId('new-check-text').fill(STORY)
  await page.getByTestId('new-check-title').fill('Storm sinks 14 boats in Tarvik harbour')
  await page.getByTestId('new-check-outlet').fill('Coast Daily')
  await page.getByTestId('new-check-date').fill('2025-02-11')
  await shot(page, '2-new-check')
  await page.getByTestId('new-check-next').click()
  await expect(page.getByTestId('source-picker')).toBeVisible()
  await page.getByTestId('sources-all').check()
  await page.getByTestId('source-picker').getByRole('button', { name: 'Start the check' }).click()

  // The check opens under the headline; the draft is left out and named.
  const header = page.getByTestId('check-header')
  await expect(header).toContainText('Storm sinks 14 boats in Tarvik harbour')
  await expect(header).toContainText('Coast Daily')
  const versions = page.getByTestId('check-versions')
  await expect(versions).toContainText('left out')
  await expect(page.getByTestId('check-version')).toHaveCount(1)
  await expect(page.getByTestId('check-version')).toContainText('story-draft')
  const detail = async () => {
    const { checks } = await call<{ checks: { id: number }[] }>('checks.list', {})
    return call<{
      result: { sources: { id: number }[]; claims: { id: string; text: string; kind: string }[] }
      decisions: { claimId: string; status: string; publish: boolean }[]
      staleSources: unknown
    }>('checks.get', { id: checks[0]!.id })
  }
  expect((await detail()).result.sources.map((s) => s.id)).not.toContain(draftId)
  // The story's "14" stands against the wire's twelve, not confirmed by the story's own draft.
  await page.getByTestId('scope-all').click()
  await shot(page, '3-check-open')

  // Three decisions by keyboard.
  await page.getByTestId('claim-row').first().click()
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('v')
    await page.keyboard.press('j')
  }
  await expect(page.getByTestId('check-tally')).toContainText('3 /')
  const decidedBefore = (await detail()).decisions
    .filter((d) => d.status === 'verified')
    .map((d) => d.claimId)
  expect(decidedBefore).toHaveLength(3)

  // A source arrives after the check ran: the header says so, and Re-run keeps the decisions.
  await importSource('authority-update.txt', LATER)
  await page.reload()
  await expect(page.getByTestId('check-stale')).toContainText('1 source was added since this check ran')
  await shot(page, '4-stale')
  await page.getByTestId('stale-rerun').click()
  await expect(page.getByTestId('check-stale')).toHaveCount(0)
  await expect(page.getByTestId('check-tally')).toContainText('3 /')
  const after = await detail()
  expect(after.staleSources).toBeNull()
  expect(
    after.decisions
      .filter((d) => d.status === 'verified')
      .map((d) => d.claimId)
      .sort()
  ).toEqual([...decidedBefore].sort())
  await shot(page, '5-rerun')

  // The headline and date are editable from the check's header; the check runs again, decisions kept.
  await page.getByTestId('edit-story-meta').click()
  await page.getByTestId('meta-title').fill('Storm sinks 14 boats in Tarvik harbour, authority says')
  await page.getByTestId('meta-date').fill('2025-02-12')
  await page.getByTestId('meta-save').click()
  await expect(header).toContainText('Storm sinks 14 boats in Tarvik harbour, authority says')
  await expect(header).toContainText('12 February 2025')
  await expect(page.getByTestId('check-tally')).toContainText('3 /')
  const { checks: listed } = await call<{ checks: { title: string }[] }>('checks.list', {})
  expect(listed[0]!.title).toBe('Storm sinks 14 boats in Tarvik harbour, authority says')

  // ClaimReview is published under the newsroom's name: without it set, the menu says what is missing.
  const exportButton = page.getByRole('button', { name: 'Export report' })
  await exportButton.click()
  await page.getByRole('menuitem', { name: 'ClaimReview JSON-LD', exact: true }).click()
  await expect(page.getByTestId('export-error')).toContainText(
    'Set the newsroom and its web address in Settings'
  )
  await call('preferences.set', { newsroom: 'Coast Desk', newsroomUrl: 'https://coast.example/' })
  // It holds only the claims chosen for publishing: with none chosen, the menu says how to choose.
  await exportButton.click()
  await page.getByRole('menuitem', { name: 'ClaimReview JSON-LD', exact: true }).click()
  await expect(page.getByTestId('export-error')).toContainText('No claim is chosen for the ClaimReview')
  await page.keyboard.press('Escape')
  await page.locator(`[data-testid="claim-row"][data-claim-id="${decidedBefore[0]}"]`).click()
  await page.getByTestId('decision-publish').check()
  await expect
    .poll(async () => (await detail()).decisions.find((d) => d.claimId === decidedBefore[0])?.publish)
    .toBe(true)

  // Every format downloads, each with the headline in its name.
  for (const format of ['HTML', 'PDF', 'Markdown', 'CSV', 'JSON', 'ClaimReview JSON-LD']) {
    await exportButton.click()
    const downloaded = page.waitForEvent('download')
    await page.getByRole('menuitem', { name: format, exact: true }).click()
    const file = await downloaded
    expect(file.suggestedFilename()).toContain('storm-sinks-14-boats')
    expect(readFileSync((await file.path())!).length).toBeGreaterThan(100)
  }
  await shot(page, '6-exported')

  // Deleting a source the check uses asks first, naming the check; dismissed, nothing is deleted.
  await page.getByTestId('nav-library').click()
  await page.getByTestId('library-row').filter({ hasText: 'council-statement' }).first().click()
  // The question is read and dismissed as it opens: a click cannot finish while a dialog blocks the page.
  let question = ''
  page.once('dialog', (dialog) => {
    question = dialog.message()
    void dialog.dismiss()
  })
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect
    .poll(() => question)
    .toContain('It is a source of the check “Storm sinks 14 boats in Tarvik harbour, authority says”')
  const { texts } = await call<{ texts: { fileName: string }[] }>('library.list', {
    role: 'source',
    limit: 50,
    offset: 0
  })
  expect(texts.map((t) => t.fileName)).toContain('council-statement.txt')
})
