import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../services/open-project.ts';
import { RecentProjects } from '../services/recent-projects.ts';
import { Workbench } from '../services/workbench.ts';
import { startServer, type RunningServer } from './server.ts';

/** Raw HTTP, so the test can send what a browser would refuse to (a forged Host, no token). */
function call(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('casebench serve', () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casebench-serve-'));
    const renderer = join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>casebench</title>');
    mkdirSync(join(renderer, 'assets'));
    writeFileSync(join(renderer, 'assets', 'index-old.js'), 'console.log(1)');
    writeFileSync(join(renderer, '.env'), 'SECRET=1');
    const { service } = await createProject(join(dir, 'p'), null);
    const workbench = new Workbench(service, new RecentProjects(join(dir, 'recent.json')));
    server = await startServer({ handlers: workbench.handlers, rendererDir: renderer, token: 'test-token-123' });
  });
  afterAll(() => server.close());

  const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    call(server.port, `/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-casebench-token': 'test-token-123', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('listens on 127.0.0.1 only and prints a URL with the token in its fragment', () => {
    const address = server.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=test-token-123`);
  });

  it('serves the page with a strict content security policy', async () => {
    const res = await call(server.port, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'/);
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('keeps serving when the renderer is rebuilt underneath it: a vanished asset is a 404', async () => {
    expect((await call(server.port, '/assets/index-old.js')).status).toBe(200);
    rmSync(join(dir, 'renderer', 'assets', 'index-old.js'));
    writeFileSync(join(dir, 'renderer', 'assets', 'index-new.js'), 'console.log(2)');
    expect((await call(server.port, '/assets/index-old.js')).status).toBe(404);
    expect((await call(server.port, '/assets/index-new.js')).status).toBe(200);
    // Hidden files are not served, however the path is spelt.
    for (const path of ['/.env', '/%2eenv', '/assets/../.env']) expect((await call(server.port, path)).status).toBe(404);
    // A malformed escape is an answer, not a crash.
    expect([400, 404]).toContain((await call(server.port, '/assets/%E0%A4%A')).status);
    expect((await call(server.port, '/')).status).toBe(200);
  });

  it('answers API calls that carry the token', async () => {
    const res = await api('projectInfo', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, result: { caseCount: 87 } });
  });

  it.each([
    ['no token', () => api('projectInfo', {}, { 'x-casebench-token': '' }), 403, 'forbidden'],
    ['a wrong token', () => api('projectInfo', {}, { 'x-casebench-token': 'test-token-124' }), 403, 'forbidden'],
    ['a foreign origin', () => api('projectInfo', {}, { origin: 'http://evil.example' }), 403, 'forbidden'],
    ['an unknown method', () => api('dropDatabase', {}), 404, 'unknown-method'],
    ['malformed JSON', () => api('listCases', '{"part": '), 400, 'invalid-input'],
    ['an invalid payload', () => api('addSpan', { caseId: 'hc2024-01', start: 'x' }), 400, 'invalid-input'],
    ['a missing case', () => api('getCase', { caseId: 'nope' }), 404, 'not-found'],
    ['a GET', () => call(server.port, '/api/projectInfo', { headers: { 'x-casebench-token': 'test-token-123' } }), 400, 'invalid-input'],
  ] as const)('refuses %s with a clear JSON error', async (_name, send, status, code) => {
    const res = await send();
    expect(res.status).toBe(status);
    const body = JSON.parse(res.body);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const res = await call(server.port, '/', { headers: { host: `attacker.example:${server.port}` } });
    expect(res.status).toBe(421);
  });

  it('explains what is wrong with a payload', async () => {
    const res = await api('addSpan', { caseId: 'hc2024-01', start: 5, end: 3, label: 'lesson' });
    expect(JSON.parse(res.body).error.message).toMatch(/addSpan: .*must not be empty/);
  });
});
