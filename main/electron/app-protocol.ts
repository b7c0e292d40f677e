import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { CSP, SECURITY_HEADERS } from '../serve/security.ts';

export const APP_SCHEME = 'casebench';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // PDF.js' worker is an ES module: a worker script needs a JavaScript type.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Must run before the app is ready: the app's own scheme, a secure standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Serve the built renderer from casebench://app/ (not file://, which would give the page the
 * file system's origin), with the same strict CSP as serve mode. Paths cannot leave the folder.
 */
export function serveAppProtocol(rendererDir: string): void {
  const root = normalize(rendererDir + sep);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return new Response('not found', { status: 404 });
    const path = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!path.startsWith(root)) return new Response('forbidden', { status: 403 });
    try {
      const body = await readFile(path);
      return new Response(body, { headers: { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', ...SECURITY_HEADERS, 'Content-Security-Policy': CSP } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
