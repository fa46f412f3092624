import type { ServerResponse } from 'node:http';

/**
 * Headers on every answer. The app loads only its own scripts; images may be data: or blob:
 * URLs (PNG and SVG exports, icons), fonts data: (inlined into exported pictures); inline
 * styles stay allowed because the canvas and the export positions elements through them. No
 * page may frame the app (a map's edit link in a hidden frame would act for its holder), and
 * no link leaks the map's URL to the site it points to.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-content-type-options', 'nosniff');
}
