#!/usr/bin/env node
// `npm install`'s last step: Electron's binary, then better-sqlite3 built for Electron. Nothing here
// fails the install: without Electron's download only the desktop shell is missing, so this says
// so in one line and everything else (tests, the CLI, `factdesk serve`, `npm start` in the
// browser) works.
import { downloadElectron } from './electron.mjs'

const electron = downloadElectron()
if (!electron.path) {
  console.log(
    `[factdesk] Desktop shell unavailable: ${electron.reason}. ` +
      `'npm start' opens Factdesk in the browser instead; tests and the CLI do not need Electron.`
  )
  process.exit(0)
}
await import('./build-native-for-electron.mjs')
