// The main window's options, as a pure function so a test can assert every security setting.
import type { BrowserWindowConstructorOptions } from 'electron'

export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
}

/** The Electron security checklist's settings, shared by every window the app opens. */
const ISOLATED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false
} as const satisfies BrowserWindowConstructorOptions['webPreferences']

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 800 }

export function mainWindowOptions(
  preloadPath: string,
  bounds: WindowBounds
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Factdesk',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      ...ISOLATED,
      safeDialogs: true,
      spellcheck: true
    }
  }
}

/**
 * The hidden window that prints a report to PDF: no preload, no script at all (the report has
 * none, and none may run), its own in-memory session so it shares nothing with the app.
 */
export function pdfWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      partition,
      javascript: false,
      ...ISOLATED,
      spellcheck: false
    }
  }
}
