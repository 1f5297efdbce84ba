/**
 * The renderer's Content Security Policy, shared by the Electron shell and the browser host.
 * No 'unsafe-eval', no remote origins; inline styles are allowed because React sets label
 * colours through style attributes.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
