// The document diff of two 1 MB texts in Chromium: time from choosing the second text to the
// first screen of aligned rows, against the real `factdesk serve`.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_PATH } from '../playwright.config'
import { ROOT, SAMPLES_DIR, startServe } from '../e2e/support/serve'

type Report = (section: string, lines: string[]) => void

function prng(seed: number): () => number {
  // mulberry32: small, seeded, good enough to vary text reproducibly.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Two versions of a ~1 MB story: the second edits, moves, drops and adds paragraphs. */
export function makeVersions(targetBytes: number, seed = 7): [string, string] {
  const random = prng(seed)
  const sentences = readdirSync(SAMPLES_DIR)
    .flatMap((f) => readFileSync(join(SAMPLES_DIR, f), 'utf8').split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 40 && s.length < 400)
  const paragraphs: string[] = []
  let size = 0
  while (size < targetBytes) {
    const count = 2 + Math.floor(random() * 3)
    const words = Array.from(
      { length: count },
      () => sentences[Math.floor(random() * sentences.length)]!
    ).join(' ')
    const p = `${paragraphs.length + 1}. ${words}`
    paragraphs.push(p)
    size += p.length + 2
  }
  const second: string[] = []
  for (const p of paragraphs) {
    const r = random()
    if (r < 0.03) continue
    if (r < 0.08) second.push(p.replace(/\b(\d+)\b/, (n) => String(Number(n) + 1)).replace(' the ', ' a '))
    else second.push(p)
    if (random() < 0.02)
      second.push(`An added paragraph ${second.length}, with new reporting from the scene.`)
  }
  for (let k = 0; k < 20; k++) {
    const from = Math.floor(random() * second.length)
    const [moved] = second.splice(from, 1)
    second.splice(Math.floor(random() * second.length), 0, moved!)
  }
  return [paragraphs.join('\n\n'), second.join('\n\n')]
}

export async function run(report: Report): Promise<void> {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    report('Document diff, first screen in Chromium', ['Not run: the renderer is not built (npm run build).'])
    return
  }
  const serve = await startServe({ demo: false })
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run'
    ]
  })
  try {
    const [a, b] = makeVersions(1024 * 1024)
    const ids: number[] = []
    for (const [name, text] of [
      ['story-v1.txt', a],
      ['story-v2.txt', b]
    ] as const) {
      const response = await fetch(`${serve.origin}/api/library.importFile`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${serve.token}` },
        body: JSON.stringify({
          name,
          source: { kind: 'bytes', base64: Buffer.from(text).toString('base64') }
        })
      })
      const body = (await response.json()) as { result: { id: number; status: string } }
      ids.push(body.result.id)
    }
    const timings: number[] = []
    let rows = 0
    for (let round = 0; round < 5; round++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
      await page.goto(serve.url)
      await page.getByTestId('nav-compare').click()
      await page.getByTestId('compare-left').selectOption(String(ids[0]))
      const started = await page.evaluate(() => performance.now())
      await page.getByTestId('compare-right').selectOption(String(ids[1]))
      await page.locator('[data-testid="diff-row"]').first().waitFor()
      // First screen: rows painted (one animation frame after they are in the DOM).
      const finished = await page.evaluate(
        () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())))
      )
      timings.push(finished - started)
      rows = Number(
        ((await page.getByTestId('compare-summary').textContent()) ?? '').match(/(\d+) same/)?.[1] ?? 0
      )
      await page.close()
    }
    timings.sort((x, y) => x - y)
    report('Document diff, first screen in Chromium', [
      `Two texts of ${(a.length / 1024).toFixed(0)} KB and ${(b.length / 1024).toFixed(0)} KB (${a.split('\n\n').length} and ${b.split('\n\n').length} paragraphs; ${rows} unchanged).`,
      'Time from choosing the second text to the first painted screen of aligned rows (fetching both texts, aligning, rendering), 5 runs:',
      '',
      `| median | fastest | slowest | target |`,
      `|---|---|---|---|`,
      `| ${timings[2]!.toFixed(0)} ms | ${timings[0]!.toFixed(0)} ms | ${timings[4]!.toFixed(0)} ms | < 1000 ms |`
    ])
  } finally {
    await browser.close()
    await serve.stop()
  }
}
