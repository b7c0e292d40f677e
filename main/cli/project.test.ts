import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newsProject, run, scratch, snapshot } from './cli.fixture.ts';
import { fsErrorMessage, isFsError } from './fs-errors.ts';

afterEach(() => vi.restoreAllMocks());

describe('every project command validates what it passes on', () => {
  it.each<[string, (dir: string, out: string) => string[], RegExp]>([
    ['agreement', (dir) => ['agreement', dir, '--reviewers', '../x'], /^error: agreement: reviewers\.0: a reviewer name is/],
    ['rank', (dir) => ['rank', dir, '--part', 'x'.repeat(101)], /^error: ranking: part: /],
    ['compendium', (dir, out) => ['compendium', dir, '--out', join(out, 'a.md'), '--title', ''], /^error: proposeCompendium: title: /],
    ['suggest --apply', (dir) => ['suggest', '--apply', dir, '--reviewer', '../x'], /^error: --reviewer: .*a reviewer name is/],
    ['suggest --apply --cases', (dir) => ['suggest', '--apply', dir, '--cases', ''], /^error: --cases: 0: /],
    ['stats', (dir) => ['stats', join(dir, 'schema.json')], /^error: .*schema\.json is a file, not a project folder\n$/],
  ])('%s refuses bad input with one line and exit 1, writing nothing', async (_what, args, message) => {
    const dir = await newsProject();
    const out = scratch();
    const before = snapshot(dir);
    const r = await run(args(dir, out));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(out)).toEqual([]);
  });

  it.each([
    ['stats', (dir: string) => ['stats', dir]],
    ['rank', (dir: string) => ['rank', dir]],
    ['agreement', (dir: string) => ['agreement', dir]],
    ['schema', (dir: string) => ['schema', dir]],
    ['export', (dir: string) => ['export', dir, '--format', 'json', '--out', join(scratch(), 'o.json')]],
    ['suggest --apply', (dir: string) => ['suggest', '--apply', dir, '--cases', 'newspaper-healthy-china-01']],
  ])('%s reports a repaired corrupt file on stderr', async (_what, args) => {
    const dir = await newsProject();
    writeFileSync(join(dir, 'schema.json'), '{"schemaVersion":1,"labels":');
    const r = await run(args(dir));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^warning: .*schema\.json.*corrupt.*restored/m);
  });
});

describe('fsErrorMessage', () => {
  const err = (code: string, syscall: string, path?: string) => Object.assign(new Error(`${code}: x`), { code, syscall, ...(path ? { path } : {}) });
  it.each([
    [err('ENOENT', 'open', '/a/b.json'), undefined, '/a/b.json: cannot read: no such file or folder'],
    [err('EISDIR', 'read'), 'dir', 'dir: cannot read: is a folder, not a file'],
    [err('EEXIST', 'mkdir', '/x'), undefined, '/x: cannot create a folder: already exists'],
    [err('EIO', 'write'), '/proc/version', '/proc/version: cannot write: input/output error (is it an ordinary file on a working disk?)'],
    [err('ENOSPC', 'write', '/full'), undefined, '/full: cannot write: no space left on the device'],
  ])('%s', (e, path, message) => {
    expect(isFsError(e)).toBe(true);
    expect(fsErrorMessage(e, path)).toBe(message);
  });
  it('is not fooled by other errors', () => {
    expect(isFsError(new TypeError('x'))).toBe(false);
    expect(isFsError(Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBe(false);
  });
});
