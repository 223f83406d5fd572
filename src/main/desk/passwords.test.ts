import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from './passwords'

// Small parameters keep the tests fast; the format and the check are the same.
const FAST = { N: 2 ** 10, r: 8, p: 1 }

describe('password hashes', () => {
  it('verifies the password a hash was made from, and no other', async () => {
    const stored = await hashPassword('correct horse battery', FAST)
    expect(await verifyPassword('correct horse battery', stored)).toBe(true)
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false)
    expect(await verifyPassword('', stored)).toBe(false)
  })

  it('stores the parameters and a random salt with the hash, never the password', async () => {
    const a = await hashPassword('correct horse battery', FAST)
    const b = await hashPassword('correct horse battery', FAST)
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain('horse')
  })

  it('uses the stored parameters, so raising the default keeps old hashes valid', async () => {
    const old = await hashPassword('correct horse battery', { N: 2 ** 11, r: 8, p: 1 })
    expect(await verifyPassword('correct horse battery', old)).toBe(true)
  })

  it('refuses when there is no member, and a damaged or foreign hash, without throwing', async () => {
    expect(await verifyPassword('anything at all', null)).toBe(false)
    const stored = await hashPassword('correct horse battery', FAST)
    expect(await verifyPassword('correct horse battery', stored.replace('scrypt', 'bcrypt'))).toBe(false)
    expect(await verifyPassword('correct horse battery', stored.replace('$1024$', '$1073741824$'))).toBe(
      false
    )
    expect(await verifyPassword('correct horse battery', 'scrypt$1024$8$1$')).toBe(false)
    expect(await verifyPassword('correct horse battery', stored.slice(0, -4))).toBe(false)
  })
})
