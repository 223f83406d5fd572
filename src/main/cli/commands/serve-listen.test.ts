// Where factdesk serve may listen: plain HTTP on loopback only; beyond it, a desk over TLS or
// behind a proxy that serves https.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listenPlan } from './serve'

function capture() {
  const err: string[] = []
  return { io: { stdout: () => {}, stderr: (s: string) => err.push(s) }, err }
}
const desk = { desk: true, host: '127.0.0.1', behindProxy: false }

describe('where serve listens', () => {
  it('serves plain HTTP on loopback, for one person or a desk', () => {
    for (const host of ['127.0.0.1', '::1', 'localhost']) {
      expect(listenPlan({ ...desk, host }, capture().io)).toEqual({ host, behindProxy: false })
      expect(listenPlan({ ...desk, desk: false, host }, capture().io)).toEqual({ host, behindProxy: false })
    }
  })

  it('refuses a desk beyond loopback over plain HTTP, with a plain reason', () => {
    const run = capture()
    expect(listenPlan({ ...desk, host: '0.0.0.0' }, run.io)).toBe(2)
    expect(run.err[0]).toMatch(/^Refusing to listen on 0\.0\.0\.0 over plain HTTP/)
  })

  it('listens beyond loopback behind a proxy, or with a certificate and key', () => {
    expect(listenPlan({ ...desk, host: '0.0.0.0', behindProxy: true }, capture().io)).toEqual({
      host: '0.0.0.0',
      behindProxy: true
    })
    const dir = mkdtempSync(join(tmpdir(), 'factdesk-tls-'))
    writeFileSync(join(dir, 'cert.pem'), 'CERT')
    writeFileSync(join(dir, 'key.pem'), 'KEY')
    const plan = listenPlan(
      { ...desk, host: '10.0.0.5', tlsCert: join(dir, 'cert.pem'), tlsKey: join(dir, 'key.pem') },
      capture().io
    )
    expect(plan).toMatchObject({
      host: '10.0.0.5',
      tls: { cert: Buffer.from('CERT'), key: Buffer.from('KEY') }
    })
    const missing = capture()
    expect(
      listenPlan(
        { ...desk, host: '10.0.0.5', tlsCert: join(dir, 'nope'), tlsKey: join(dir, 'key.pem') },
        missing.io
      )
    ).toBe(1)
  })

  it('refuses half a TLS pair, TLS with a proxy, and single-user serve beyond loopback', () => {
    expect(listenPlan({ ...desk, host: '0.0.0.0', tlsCert: 'c' }, capture().io)).toBe(2)
    expect(listenPlan({ ...desk, tlsCert: 'c', tlsKey: 'k', behindProxy: true }, capture().io)).toBe(2)
    const alone = capture()
    expect(listenPlan({ ...desk, desk: false, host: '0.0.0.0', behindProxy: true }, alone.io)).toBe(2)
    expect(alone.err[0]).toMatch(/^Only a desk listens beyond this machine/)
  })
})
