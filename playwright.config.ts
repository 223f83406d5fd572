import { defineConfig } from '@playwright/test'

// Debian's Chromium: Playwright's own browser download is not available on every machine.
export const CHROMIUM_PATH = process.env['FACTDESK_CHROMIUM'] ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: './e2e',
  outputDir: './e2e/artifacts/test-output',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // npm test runs the desk specs a second time on PostgreSQL, into a results file of their own.
  reporter: [
    ['list'],
    ['json', { outputFile: process.env['FACTDESK_E2E_RESULTS'] ?? 'e2e/artifacts/results.json' }]
  ],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      // Without these, Chromium keeps trying to reach Google services on a closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    },
    trace: 'retain-on-failure'
  },
  projects: [
    { name: 'browser', testDir: './e2e/browser' },
    { name: 'electron', testDir: './e2e/electron' }
  ]
})
