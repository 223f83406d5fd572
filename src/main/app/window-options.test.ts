import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { mainWindowOptions, pdfWindowOptions } from './window-options'

describe('the main window follows the Electron security checklist', () => {
  const prefs = mainWindowOptions('/app/preload.cjs', { width: 1280, height: 800 }).webPreferences ?? {}

  it('isolates the page from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps web security on and risky features off', () => {
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
  })

  it('loads only our preload', () => {
    expect(prefs.preload).toBe('/app/preload.cjs')
  })
})

describe('the hidden window that prints reports to PDF', () => {
  const options = pdfWindowOptions('factdesk-report-pdf')
  const prefs = options.webPreferences ?? {}

  it('runs no script, has no preload and is never shown', () => {
    expect(prefs.javascript).toBe(false)
    expect(prefs.preload).toBeUndefined()
    expect(options.show).toBe(false)
  })

  it('is isolated like the main window, in a session of its own that is not kept on disk', () => {
    expect([prefs.contextIsolation, prefs.sandbox, prefs.webSecurity]).toEqual([true, true, true])
    expect([prefs.nodeIntegration, prefs.nodeIntegrationInSubFrames, prefs.webviewTag]).toEqual([false, false, false])
    expect(prefs.partition).toBe('factdesk-report-pdf')
    expect(prefs.partition).not.toMatch(/^persist:/)
  })
})

describe('the content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values] as const
    })
  )

  it('allows scripts only from the app itself: no inline, no eval, no remote', () => {
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
  })

  it('blocks plugins, frames and form posts', () => {
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('frame-src')).toEqual(["'none'"])
    expect(directives.get('form-action')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
  })
})
