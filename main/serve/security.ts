import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The content security policy of the workbench page, the same in both hosts: only the app's own
 * scripts, styles, fonts and workers; no inline script, no eval, no framing, no plug-ins, no form posts.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // PDF.js draws the pages of a source PDF in a worker served by the app itself.
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * Requests must be addressed to this server by its loopback name (a page on a DNS-rebinding
 * domain carries its own Host) and, for the API, come from this origin with the run's token
 * (other local pages can neither read the token nor send the header cross-origin).
 */
export function checkHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function checkOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function checkToken(req: IncomingMessage, token: string): boolean {
  const given = req.headers['x-casebench-token'];
  if (typeof given !== 'string') return false;
  // Compare bytes, not characters: a header of the token's length in characters but with a
  // non-ASCII byte is longer in bytes, and timingSafeEqual throws on buffers of unequal length.
  const a = Buffer.from(given, 'latin1');
  const b = Buffer.from(token, 'latin1');
  return a.length === b.length && timingSafeEqual(a, b);
}
