// Password hashes for desk members: scrypt with a random salt, the parameters stored with the
// hash so they can be raised later without locking anyone out. The plain password is never
// stored, logged or returned.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** scrypt cost (2^15), block size and parallelism: OWASP's floor for scrypt, ~50 ms here. */
export interface ScryptParams {
  N: number
  r: number
  p: number
}
export const SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 }
const KEY_BYTES = 32
const SALT_BYTES = 16

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number }
): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node's default ceiling (32 MiB) is exactly that for N = 2^15, r = 8.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r }
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key)
    )
  )
}

/** "scrypt$N$r$p$salt$hash", salt and hash in base64url. */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, params)
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$'
  )
}

/** A stored hash that matches nothing, checked against when no member has the name given. */
let decoy: Promise<string> | null = null

/**
 * Whether `password` is the one `stored` was made from. With `stored` null (no such member) it
 * still spends the time of a check, so the answer's timing does not tell which names exist.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? (await (decoy ??= hashPassword(randomBytes(16).toString('hex'))))).split('$')
  const [kind, n, r, p, salt, hash] = parts
  if (parts.length !== 6 || kind !== 'scrypt' || !salt || !hash) return false
  const params = { N: Number(n), r: Number(r), p: Number(p) }
  // Parameters are ours, but a damaged row must not make us allocate gigabytes.
  if (
    ![params.N, params.r, params.p].every(Number.isInteger) ||
    params.N > 2 ** 20 ||
    params.r > 32 ||
    params.p > 16
  )
    return false
  const expected = Buffer.from(hash, 'base64url')
  const given = await derive(password, Buffer.from(salt, 'base64url'), params)
  return stored !== null && given.length === expected.length && timingSafeEqual(given, expected)
}
