import { describe, expect, it } from 'vitest'
import { main } from './index'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err }
}

describe('factdesk command', () => {
  it('prints usage and exits 2 without a command', async () => {
    const { io, out } = capture()
    expect(await main([], io)).toBe(2)
    expect(out.join('')).toContain('factdesk import PATH... --library FILE')
  })

  it('refuses an unknown command with usage', async () => {
    const { io, err } = capture()
    expect(await main(['frobnicate'], io)).toBe(2)
    expect(err.join('')).toContain('Unknown command “frobnicate”')
  })

  it('prints its version', async () => {
    const { io, out } = capture()
    expect(await main(['--version'], io)).toBe(0)
    expect(out.join('')).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('serve refuses to start without --library', async () => {
    const { io, err } = capture()
    expect(await main(['serve'], io)).toBe(2)
    expect(err.join('')).toContain('needs --library FILE')
  })
})
