// Electron security checklist, applied to every session and web contents the app creates.
// Dependencies are passed in (not imported from electron) so the rules are unit-tested under Node.
import type { Session, WebContents } from 'electron'

export interface SecurityDeps {
  /** Opens an https link in the user's browser, never inside the app. */
  openExternal(url: string): void
}

/** Only our own page, at our own origin, may be shown. */
export function isAppUrl(url: string, appOrigins: readonly string[]): boolean {
  try {
    // Compare scheme and host: URL.origin is "null" for custom schemes such as app://, and a
    // prefix test would let app://factdesk.evil through.
    const parsed = new URL(url)
    return appOrigins.some((origin) => {
      const allowed = new URL(origin)
      return parsed.protocol === allowed.protocol && parsed.host === allowed.host
    })
  } catch {
    return false
  }
}

function isWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

export function hardenWebContents(
  contents: HardenableContents,
  appOrigins: readonly string[],
  deps: SecurityDeps
): void {
  // A file dropped on the window, a link, or a script must never navigate it away from the app.
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appOrigins)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appOrigins)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebLink(url)) deps.openExternal(url)
    return { action: 'deny' }
  })
}

type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>

export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
