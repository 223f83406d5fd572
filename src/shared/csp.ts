// One Content-Security-Policy for every way the renderer is delivered (the app:// protocol, the
// meta tag in the built index.html, factdesk serve). No remote code, no inline script, no eval;
// imported texts are shown as text, so nothing they contain may load or run either.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'"
].join('; ')
