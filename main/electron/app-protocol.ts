import { readFile } from 'node:fs/promises';
import { extname, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { CSP, SECURITY_HEADERS } from '../serve/security.ts';
import { APP_ORIGIN, APP_SCHEME, appFilePath } from './app-urls.ts';

export { APP_ORIGIN, APP_SCHEME };

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

const STATUS_TEXT: Record<number, string> = { 400: 'bad request', 403: 'forbidden', 404: 'not found' };

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
  const refusal = (status: number) => new Response(STATUS_TEXT[status] ?? 'not found', { status, headers: { 'Content-Type': 'text/plain', ...SECURITY_HEADERS } });
  protocol.handle(APP_SCHEME, async (request) => {
    // A malformed escape or a path out of the folder is an answer, never a throw.
    const file = appFilePath(root, request.url);
    if ('status' in file) return refusal(file.status);
    try {
      const body = await readFile(file.path);
      return new Response(body, { headers: { 'Content-Type': TYPES[extname(file.path)] ?? 'application/octet-stream', ...SECURITY_HEADERS, 'Content-Security-Policy': CSP } });
    } catch {
      return refusal(404);
    }
  });
}
