import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sirv from 'sirv';
import type { ApiHandlers } from '../../shared/api/contract.ts';
import { handleApiCall, sendJson } from './api-route.ts';
import { SECURITY_HEADERS, checkHost, checkOrigin, checkToken } from './security.ts';

export interface ServeOptions {
  handlers: ApiHandlers;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  port?: number;
  token?: string;
  /** Extra routes that need the raw response (export downloads). */
  download?: (jobId: string) => Promise<{ name: string; type: string; data: Uint8Array } | null>;
}

export interface RunningServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

/**
 * `casebench serve`: the same renderer and the same API over HTTP, on 127.0.0.1 only. The URL
 * it prints carries a per-run token in its fragment (never sent to the server or logged); the
 * page keeps it and sends it with every API call.
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  // dev mode looks files up per request instead of caching the list at startup: a renderer
  // rebuilt while serving (npm run build) then gives a 404 for a stale asset, where a cached
  // list made sirv open a deleted file and the stream error stopped the whole server.
  const assets = sirv(opts.rendererDir, { etag: true, dev: true, gzip: false, brotli: false, setHeaders: (res) => setSecurityHeaders(res) });
  const index = await readFile(join(opts.rendererDir, 'index.html'));
  let port = 0;

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!checkHost(req, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain' });
      res.end('misdirected request: casebench answers only to 127.0.0.1 and localhost');
      return;
    }
    const url = parseRequestUrl(req.url, port);
    if (!url) {
      res.writeHead(400, { 'Content-Type': 'text/plain', 'X-Content-Type-Options': 'nosniff' });
      res.end('bad request: the request target is not a valid path');
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (!checkOrigin(req, port) || !checkToken(req, token)) {
        sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'missing or wrong casebench token: open the URL casebench serve printed' } });
        return;
      }
      const download = /^\/api\/download\/([A-Za-z0-9-]{1,80})$/.exec(url.pathname);
      if (download && opts.download) {
        let file: Awaited<ReturnType<NonNullable<ServeOptions['download']>>>;
        try {
          file = await opts.download(download[1]!);
        } catch (e) {
          // The export was made but its file is gone (deleted, moved by file sync): say so.
          const gone = (e as NodeJS.ErrnoException).code === 'ENOENT';
          sendJson(res, gone ? 404 : 500, { ok: false, error: { code: gone ? 'not-found' : 'io', message: gone ? 'the export file is no longer on disk; export again' : `the export could not be read (${(e as Error).message})` } });
          return;
        }
        if (!file) return sendJson(res, 404, { ok: false, error: { code: 'not-found', message: 'no such export' } });
        res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.data.length, 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
        res.end(file.data);
        return;
      }
      await handleApiCall(req, res, url.pathname.slice('/api/'.length), opts.handlers);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    // Hidden files are never part of the renderer (sirv's dev mode would serve them).
    if (/\/\./.test(safeDecode(url.pathname))) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      setSecurityHeaders(res);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(index);
      return;
    }
    assets(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    });
  };

  // The last resort: no request, however malformed, may end the process. A failure after the
  // headers went out can only close that one connection.
  const server = createServer((req, res) => {
    // Every answer, a 404 or a refusal as much as a page: a browser never guesses a type.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const fail = (e: unknown) => {
      console.error('casebench serve: request failed:', e);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'the request could not be handled' } });
      else res.destroy();
    };
    try {
      route(req, res).catch(fail);
    } catch (e) {
      fail(e);
    }
  });
  // Malformed HTTP (bad request lines, header overflow) is answered by Node's parser; a socket
  // error must not throw either.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function setSecurityHeaders(res: { setHeader(name: string, value: string): unknown }): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
}

/** The request target as a URL on this server, or null when it cannot be one (`//[/`, a bare `*`). */
export function parseRequestUrl(target: string | undefined, port: number): URL | null {
  const path = target ?? '/';
  // Only origin-form targets ("/path?query") are requests for this server; "//host/…" would be
  // read as another authority, and absolute or asterisk forms are not what a browser sends here.
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  try {
    return new URL(path, `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}

/** A percent-decoded path, or the path as given when its escapes are malformed (never a throw in a request). */
function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
