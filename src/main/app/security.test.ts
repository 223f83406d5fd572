import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { hardenSession, hardenWebContents, isAppUrl } from './security'

const origins = ['app://factdesk']

function fakeContents() {
  const emitter = new EventEmitter()
  let openHandler: ((details: { url: string }) => { action: string }) | undefined
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler
    }
  }
  return { contents, emitter, open: (url: string) => openHandler!({ url }) }
}

function navigate(emitter: EventEmitter, event: string, url: string): boolean {
  const preventDefault = vi.fn()
  emitter.emit(event, { preventDefault }, url)
  return preventDefault.mock.calls.length > 0
}

describe('web contents hardening', () => {
  it('blocks navigation away from the app, including to a dropped file', () => {
    const { contents, emitter } = fakeContents()
    hardenWebContents(contents as never, origins, { openExternal: vi.fn() })
    expect(navigate(emitter, 'will-navigate', 'file:///home/editor/story.html')).toBe(true)
    expect(navigate(emitter, 'will-navigate', 'https://example.com/')).toBe(true)
    expect(navigate(emitter, 'will-redirect', 'https://example.com/')).toBe(true)
    expect(navigate(emitter, 'will-navigate', 'app://factdesk/index.html')).toBe(false)
  })

  it('denies every new window and opens web links in the system browser', () => {
    const { contents, open } = fakeContents()
    const openExternal = vi.fn()
    hardenWebContents(contents as never, origins, { openExternal })
    expect(open('https://example.com/a').action).toBe('deny')
    expect(open('file:///etc/passwd').action).toBe('deny')
    expect(open('javascript:alert(1)').action).toBe('deny')
    expect(openExternal.mock.calls).toEqual([['https://example.com/a']])
  })

  it('refuses to attach webviews', () => {
    const { contents, emitter } = fakeContents()
    hardenWebContents(contents as never, origins, { openExternal: vi.fn() })
    const preventDefault = vi.fn()
    emitter.emit('will-attach-webview', { preventDefault })
    expect(preventDefault).toHaveBeenCalled()
  })
})

describe('session hardening', () => {
  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined
    let check: (() => boolean) | undefined
    hardenSession({
      setPermissionRequestHandler: (h: never) => (request = h),
      setPermissionCheckHandler: (h: never) => (check = h)
    } as never)
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      request!(null, permission, (granted) => answers.push(granted))
    }
    expect(answers).toEqual([false, false, false, false])
    expect(check!()).toBe(false)
  })
})

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl('app://factdesk/index.html', origins)).toBe(true)
    expect(isAppUrl('app://factdesk.evil/index.html', origins)).toBe(false)
    expect(isAppUrl('app://other/index.html', origins)).toBe(false)
    expect(isAppUrl('not a url', origins)).toBe(false)
  })
})
