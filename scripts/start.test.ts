import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { browserOpener, servedUrl, startPlan } from './start.mjs'

const linux = { appName: 'factdesk', platform: 'linux', env: {}, home: '/home/ed' }

describe('npm start', () => {
  it('starts the desktop app where the Electron binary is installed', () => {
    expect(startPlan({ ...linux, electronPath: '/x/node_modules/electron/dist/electron' })).toEqual({
      mode: 'desktop'
    })
  })

  it('serves to the browser without it, on the library the desktop app would open', () => {
    expect(startPlan({ ...linux, electronPath: null })).toEqual({
      mode: 'browser',
      library: '/home/ed/.config/factdesk/library.sqlite'
    })
    const xdg = { ...linux, env: { XDG_CONFIG_HOME: '/cfg' } }
    expect(startPlan({ ...xdg, electronPath: null })).toMatchObject({
      library: '/cfg/factdesk/library.sqlite'
    })
    const mac = { ...linux, platform: 'darwin', home: '/Users/ed' }
    expect(startPlan({ ...mac, electronPath: null })).toMatchObject({
      library: join('/Users/ed', 'Library', 'Application Support', 'factdesk', 'library.sqlite')
    })
    const windows = { ...linux, platform: 'win32', env: { APPDATA: 'C:/Users/ed/AppData/Roaming' } }
    expect(startPlan({ ...windows, electronPath: null })).toMatchObject({
      library: join('C:/Users/ed/AppData/Roaming', 'factdesk', 'library.sqlite')
    })
  })

  it('FACTDESK_LIBRARY chooses the library, as it does for the desktop app', () => {
    const host = { ...linux, env: { FACTDESK_LIBRARY: '/tmp/lib.sqlite' }, electronPath: null }
    expect(startPlan(host)).toEqual({ mode: 'browser', library: '/tmp/lib.sqlite' })
  })

  it('opens the system browser where there is one, and nothing on a Linux without a display', () => {
    const url = 'http://127.0.0.1:4000/#token=abc'
    expect(browserOpener('darwin', {}, url)).toEqual(['open', url])
    expect(browserOpener('win32', {}, url)).toEqual(['cmd', '/c', 'start', '', url])
    expect(browserOpener('linux', { DISPLAY: ':0' }, url)).toEqual(['xdg-open', url])
    expect(browserOpener('linux', { WAYLAND_DISPLAY: 'wayland-0' }, url)).toEqual(['xdg-open', url])
    expect(browserOpener('linux', {}, url)).toBeNull()
  })

  it("finds the address in factdesk serve's output once it is printed", () => {
    expect(servedUrl('Factdesk is serving /tmp/lib.sqlite\n')).toBeNull()
    expect(servedUrl('Factdesk is serving /tmp/lib.sqlite\nOpen http://127.0.0.1:4000/#token=abc\n')).toBe(
      'http://127.0.0.1:4000/#token=abc'
    )
  })
})
