// The rules a preference value follows, free of zod so the renderer can check a field as the
// user types without bundling a validator. src/shared/preferences.ts builds the schemas on these.

export const PREFERENCE_LIMITS = {
  /** The publishing organisation: the author of every ClaimReview. */
  newsroom: 200,
  /** The newsroom's web address, published with its name in ClaimReview. */
  newsroomUrl: 2048,
  /** The checker's name, printed on the report. */
  checkedBy: 200
} as const

/** Names are single-line text: a line break or control character would break the report's layout. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/

/** Why `value` is not a web address a ClaimReview may name, or null when it is one. */
export function webAddressProblem(value: string): string | null {
  if (/\s/.test(value) || CONTROL_CHARACTERS.test(value)) return 'A web address has no spaces in it.'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'Enter a full web address, starting with https:// or http://.'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'Enter a web address starting with https:// or http://.'
  }
  if (!url.hostname) return 'Enter a full web address, with the site’s name after https://.'
  if (url.username || url.password) return 'A web address to publish may not carry a user name or password.'
  return null
}
