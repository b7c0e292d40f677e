import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../services/open-project.ts';
import { RecentProjects } from '../services/recent-projects.ts';
import { Workbench } from '../services/workbench.ts';
import { MAX_INPUT_BASE64 } from '../../shared/outline/limits.ts';
import { MAX_BODY } from './api-route.ts';
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
    server = await startServer({ handlers: workbench.handlers, rendererDir: renderer, token: 'test-token-123', download: (id) => workbench.service.exports.download(id) });
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

  it.each([
    ['a page', '/', {}, 200],
    ['an asset', '/assets/sniff.js', {}, 200],
    ['a missing asset', '/assets/nope.js', {}, 404],
    ['a hidden file', '/.env', {}, 404],
    ['a target that is not a path', '//[/', {}, 400],
    ['a POST of a page', '/', { method: 'POST' }, 405],
    ['another host name', '/', { headers: { host: 'evil.example' } }, 421],
    ['an API call without the token', '/api/projectInfo', { method: 'POST' }, 403],
  ] as const)('%s is answered with nosniff (%s)', async (_what, path, opts, status) => {
    writeFileSync(join(dir, 'renderer', 'assets', 'sniff.js'), 'console.log(3)');
    const res = await call(server.port, path, opts as Parameters<typeof call>[2]);
    expect(res.status).toBe(status);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
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

  it('a token does not reach the whole disk: only the served project is listed, opened or created in', async () => {
    await new RecentProjects(join(dir, 'recent.json')).touch(join(dir, 'secret-project'), 'secret');
    await createProject(join(dir, 'secret-project'), []);
    const recent = JSON.parse((await api('recentProjects', {})).body).result as Array<{ dir: string }>;
    expect(recent.map((p) => p.dir)).toEqual([join(dir, 'p')]);
    for (const [method, body] of [
      ['openProject', { dir: join(dir, 'secret-project') }],
      ['openProject', { dir: '/' }],
      ['createProject', { dir: join(dir, 'planted'), sample: false }],
    ] as const) {
      const res = await api(method, body);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/--allow FOLDER/) });
    }
    expect(existsSync(join(dir, 'planted'))).toBe(false);
    expect(JSON.parse((await api('projectInfo', {})).body).result.dir).toBe(join(dir, 'p'));
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const res = await call(server.port, '/', { headers: { host: `attacker.example:${server.port}` } });
    expect(res.status).toBe(421);
  });

  it('explains what is wrong with a payload', async () => {
    const res = await api('addSpan', { caseId: 'hc2024-01', start: 5, end: 3, label: 'lesson' });
    expect(JSON.parse(res.body).error.message).toMatch(/addSpan: .*must not be empty/);
  });

  describe('no request ends the process', () => {
    /** Raw bytes on a socket: a request line and headers no HTTP client library would send. */
    const raw = (bytes: Buffer | string) =>
      new Promise<string>((resolve) => {
        const socket = connect(server.port, '127.0.0.1');
        let reply = '';
        socket.setTimeout(3000, () => socket.destroy());
        socket.on('data', (d) => (reply += d.toString('latin1')));
        socket.on('close', () => resolve(reply));
        socket.on('error', () => resolve(reply));
        socket.end(bytes);
      });
    const alive = async () => expect((await api('projectInfo', {})).status).toBe(200);

    it.each([
      ['a path that is not a URL', 'GET //[/ HTTP/1.1'],
      ['a scheme-relative path', 'GET //evil.example/x HTTP/1.1'],
      ['an API path that is not a URL', 'POST //[/api/projectInfo HTTP/1.1'],
      ['an asterisk target', 'OPTIONS * HTTP/1.1'],
      ['an absolute target', 'GET http://127.0.0.1/ HTTP/1.1'],
      ['a malformed escape on the API', 'GET /api/%E0%A4%A HTTP/1.1'],
    ])('%s', async (_name, line) => {
      const reply = await raw(`${line}\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`);
      expect(reply).toMatch(/^HTTP\/1\.1 [45]\d\d /);
      await alive();
    });

    it('a token header with a non-ASCII byte is refused, not thrown on', async () => {
      // 14 characters, like the token, but more bytes: timingSafeEqual threw on the lengths.
      const token = Buffer.concat([Buffer.from('test-token-12'), Buffer.from([0xe9])]);
      const head = Buffer.from(`POST /api/projectInfo HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\nx-casebench-token: `);
      const reply = await raw(Buffer.concat([head, token, Buffer.from('\r\n\r\n{}')]));
      expect(reply).toMatch(/^HTTP\/1\.1 403 /);
      await alive();
    });

    it('a download whose export file was deleted is a 404 that says so', async () => {
      const started = JSON.parse((await api('startExport', { format: 'csv' })).body).result;
      let job = started;
      for (let i = 0; i < 200 && job.state !== 'done' && job.state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 25));
        job = JSON.parse((await api('exportStatus', { jobId: started.id })).body).result;
      }
      expect(job.state).toBe('done');
      const path = `/api/download/${job.id}`;
      const headers = { 'x-casebench-token': 'test-token-123' };
      expect((await call(server.port, path, { headers })).status).toBe(200);
      rmSync(join(dir, 'p', job.files[0].path), { recursive: true });
      const res = await call(server.port, path, { headers });
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body).error.message).toMatch(/no longer on disk/);
      await alive();
    });

    it('a body over the limit gets a JSON error, not a reset connection', async () => {
      const res = await api('importAnnotations', 'x'.repeat(MAX_BODY + 1));
      expect(res.status).toBe(400);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(JSON.parse(res.body).error.message).toMatch(new RegExp(`larger than ${MAX_BODY / 1048576} MiB`));
      await alive();
    });

    it('reads a body that carries the largest file the loader takes, as base64 (the contract, not the transport, judges it)', async () => {
      expect(MAX_BODY).toBeGreaterThan(MAX_INPUT_BASE64);
      const res = await api('previewImport', `{"files":[{"name":"big.txt","content":"${'A'.repeat(MAX_INPUT_BASE64)}"}],"unknownKey":1}`);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).error.message).not.toMatch(/larger than/);
      await alive();
    });

    it('survives fuzzed request lines and headers (property)', async () => {
      const token = fc.oneof(fc.constantFrom('/', '//', '[', ']', '%', '%E0', '..', '?', '#', '@', ':', '\\', '*', 'api', 'download', '\u00e9', ' '), fc.string({ maxLength: 6 }));
      const target = fc.array(token, { maxLength: 8 }).map((parts) => parts.join(''));
      const method = fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'OPTIONS', 'BREW');
      const header = fc.tuple(fc.constantFrom('Host', 'Origin', 'x-casebench-token', 'Content-Type', 'Content-Length', 'Transfer-Encoding', 'X-Junk'), fc.string({ maxLength: 40 }));
      await fc.assert(
        fc.asyncProperty(method, target, fc.array(header, { maxLength: 4 }), fc.boolean(), async (m, t, headers, goodHost) => {
          const lines = [`${m} ${t} HTTP/1.1`, ...(goodHost ? [`Host: 127.0.0.1:${server.port}`] : []), ...headers.map(([k, v]) => `${k}: ${v}`), 'Connection: close', '', ''];
          await raw(Buffer.from(lines.join('\r\n'), 'latin1'));
        }),
        { numRuns: 150 },
      );
      await alive();
    });
  });
});
