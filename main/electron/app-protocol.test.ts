import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Electron's protocol module, replaced by a recorder: the handler serveAppProtocol registers is under test.
let handler: ((request: Request) => Promise<Response>) | null = null;
vi.mock('electron', () => ({ protocol: { handle: (_scheme: string, fn: (request: Request) => Promise<Response>) => (handler = fn), registerSchemesAsPrivileged: () => undefined } }));

const { serveAppProtocol } = await import('./app-protocol.ts');

describe('casebench://app/ in the desktop app', () => {
  const renderer = join(mkdtempSync(join(tmpdir(), 'casebench-app-')), 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>casebench</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  serveAppProtocol(renderer);
  const get = (url: string) => handler!(new Request(url));

  it.each([
    ['the page', 'casebench://app/', 200, 'text/html; charset=utf-8'],
    ['a script', 'casebench://app/assets/app.js', 200, 'text/javascript; charset=utf-8'],
    ['a missing file', 'casebench://app/assets/nope.js', 404, 'text/plain'],
    ['a malformed escape', 'casebench://app/assets/%E0%A4%A', 400, 'text/plain'],
    ['a NUL', 'casebench://app/%00', 400, 'text/plain'],
    ['another host', 'casebench://evil/index.html', 404, 'text/plain'],
  ])('answers %s (%s) with %d, nosniff', async (_what, url, status, type) => {
    const res = await get(url);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
