// One Content-Security-Policy for every way the renderer is delivered (the app:// protocol, the
// meta tag in the built index.html, factdesk serve). No remote code, no inline script, no eval;
// imported texts are shown as text, so nothing they contain may load or run either.
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'"
]

/** The policy as a meta tag: browsers ignore (and complain about) frame-ancestors there. */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.join('; ')

/** The policy as a response header, where frame-ancestors does apply. */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ')
