import { describe, expect, it } from 'vitest'
import { downloadFailure } from './electron.mjs'

describe("Electron's download", () => {
  it('is explained by the first line of what install.js printed', () => {
    const stderr =
      'RequestError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest.<anonymous> (x.js:1:1)\n'
    expect(downloadFailure({ status: 1, stderr })).toBe('RequestError: getaddrinfo ENOTFOUND github.com')
  })

  it('or by how install.js ended when it printed nothing', () => {
    expect(downloadFailure({ status: 1, stderr: '' })).toBe('exit code 1')
    expect(downloadFailure({ status: null, signal: 'SIGKILL', stderr: '' })).toBe('stopped by SIGKILL')
    expect(downloadFailure({ status: null, error: new Error('spawn node ENOENT') })).toBe('spawn node ENOENT')
  })
})
