// The check view with about 5,000 claims in Chromium, against the real `factdesk serve`: opening
// the check to its first painted screen, moving to the next claim, and marking one verified.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM_PATH } from '../playwright.config'
import { longStory } from '../e2e/support/long-story'
import { ROOT, startServe } from '../e2e/support/serve'

type Report = (section: string, lines: string[]) => void
const SECTION = 'Check view with 5,000 claims, in Chromium'

/** Milliseconds from a key press on the window to the frame after `done` (an expression) first holds. */
async function keyToPaint(page: Page, key: string, done: string): Promise<number> {
  // A string, not a function: tsx would wrap inner functions in a helper the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const started = performance.now()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: ${JSON.stringify(key)}, bubbles: true }))
    const poll = () => (${done}) ? requestAnimationFrame(() => resolve(performance.now() - started)) : requestAnimationFrame(poll)
    poll()
  })`) as Promise<number>
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const slowest = (xs: number[]) => Math.max(...xs)

export async function run(report: Report): Promise<void> {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    report(SECTION, ['Not run: the renderer is not built (npm run build).'])
    return
  }
  const serve = await startServe({ demo: false })
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
  })
  try {
    const story = await serve.call<{ id: number }>('library.importFile', {
      name: 'long-story.txt',
      role: 'story',
      source: { kind: 'bytes', base64: Buffer.from(longStory(1700), 'utf8').toString('base64') }
    })
    const check = await serve.call<{ id: number; total: number }>('checks.create', { storyId: story.id })
    const opens: number[] = []
    const moves: number[] = []
    const decisions: number[] = []
    for (let round = 0; round < 3; round++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
      await page.goto(serve.url)
      await page.getByTestId('nav-checks').click()
      const row = page.getByTestId('check-row').first()
      await row.waitFor()
      const started = await page.evaluate(() => performance.now())
      await row.click()
      await page.locator('[data-testid="claim-row"][aria-selected="true"]').waitFor()
      const painted = (await page.evaluate(
        'new Promise((r) => requestAnimationFrame(() => r(performance.now())))'
      )) as number
      opens.push(painted - started)
      for (let i = 0; i < 20; i++) {
        const before = await page.locator('[aria-selected="true"]').getAttribute('data-claim-id')
        moves.push(
          await keyToPaint(
            page,
            'j',
            `document.querySelector('[aria-selected="true"]')?.getAttribute('data-claim-id') !== ${JSON.stringify(before)}`
          )
        )
        if (i % 4 === 0)
          decisions.push(
            await keyToPaint(page, 'v', `document.querySelector('[aria-selected="true"]')?.dataset.status === 'verified'`)
          )
      }
      await page.close()
    }
    report(SECTION, [
      `A generated story of ${(longStory(1700).length / 1024).toFixed(0)} KB with ${check.total.toLocaleString('en-US')} claims, checked against nothing else; 1280×800, 3 rounds.`,
      'Open: from clicking the check to the first painted screen (fetching the check, building the story marks and the virtual list).',
      'Next claim: from pressing j to the frame showing the new selection. Verify: from pressing v to the frame showing the saved status (includes the HTTP round trip and the SQLite write).',
      '',
      '| step | median | slowest | runs |',
      '|---|---:|---:|---:|',
      `| open the check | ${median(opens).toFixed(0)} ms | ${slowest(opens).toFixed(0)} ms | ${opens.length} |`,
      `| next claim (j) | ${median(moves).toFixed(1)} ms | ${slowest(moves).toFixed(1)} ms | ${moves.length} |`,
      `| mark verified (v) | ${median(decisions).toFixed(1)} ms | ${slowest(decisions).toFixed(1)} ms | ${decisions.length} |`
    ])
  } finally {
    await browser.close()
    await serve.stop()
  }
}
