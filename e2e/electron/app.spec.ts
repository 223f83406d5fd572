// The real desktop app, driven through Playwright's _electron. Where the Electron binary could not
// be installed (no network for its download), these tests report themselves skipped, with why.
import { existsSync, mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { CONTENT_SECURITY_POLICY_META } from '../../src/shared/csp'
import { ROOT } from '../support/serve'

function electronBinary(): { path: string | null; reason: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string
    if (typeof path === 'string' && existsSync(path)) return { path, reason: '' }
    return { path: null, reason: `the Electron binary is not installed (expected at ${String(path)})` }
  } catch (error) {
    return {
      path: null,
      reason: `the Electron binary is not installed: ${(error as Error).message.split('\n')[0]}`
    }
  }
}

const binary = electronBinary()
if (!binary.path) console.warn(`[e2e/electron] SKIPPED: ${binary.reason}`)

/** The built app on a fresh library of its own. */
function launchApp(): ReturnType<typeof electron.launch> {
  return electron.launch({
    executablePath: binary.path!,
    args: [join(ROOT, 'out', 'main', 'index.js')],
    env: {
      ...process.env,
      FACTDESK_LIBRARY: join(mkdtempSync(join(tmpdir(), 'factdesk-electron-')), 'library.sqlite')
    }
  })
}

test.describe('desktop app', () => {
  test.skip(!binary.path, `Electron e2e skipped: ${binary.reason}`)

  test('opens a hardened window showing the app shell and the demo library', async () => {
    const app = await launchApp()
    try {
      const page = await app.firstWindow()
      await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible()
      await expect(page.getByTestId('library-row')).toHaveCount(5)
      // Isolation as the page sees it: no Node, no require, no Electron internals; only the bridge.
      const globals = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>
        return {
          require: typeof w['require'],
          process: typeof w['process'],
          ipcRenderer: typeof w['ipcRenderer']
        }
      })
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' })
      expect(await page.evaluate(() => typeof window.factdesk?.call)).toBe('function')
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(
        CONTENT_SECURITY_POLICY_META
      )
      expect(page.url()).toMatch(/^app:\/\/factdesk\//)
    } finally {
      await app.close()
    }
  })
  test('the check view decides a claim over IPC and keeps it after a reload, as in the browser', async () => {
    const app = await launchApp()
    try {
      const page = await app.firstWindow()
      await page.getByTestId('nav-checks').click()
      await page.getByTestId('check-row').first().click()
      const selected = page.locator('[data-testid="claim-row"][aria-selected="true"]')
      await expect(selected).toHaveCount(1)
      await page.keyboard.press('j')
      const claimId = (await selected.getAttribute('data-claim-id'))!
      await page.keyboard.press('v')
      const row = page.locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`)
      await expect(row).toHaveAttribute('data-status', 'verified')
      await page.reload()
      await expect(row).toHaveAttribute('data-status', 'verified')
    } finally {
      await app.close()
    }
  })
})
