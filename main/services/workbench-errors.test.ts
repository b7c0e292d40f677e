import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, validateInput } from '../../shared/api/errors.ts';
import { createProject, openProject } from './open-project.ts';
import { RecentProjects } from './recent-projects.ts';
import { guard, Workbench } from './workbench.ts';
import { readFile } from 'node:fs/promises';

/** Errors a person can act on reach the page as such (400/404/409), never as a bug (internal, 500). */
async function workbench() {
  const root = mkdtempSync(join(tmpdir(), 'casebench-errors-'));
  const dir = join(root, 'p');
  await createProject(dir, []);
  const w = new Workbench(await openProject(dir, 'alice'), new RecentProjects(join(root, 'recent.json')));
  return { dir, w };
}
const call = (w: Workbench, method: string, input: unknown) => (w.handlers as unknown as Record<string, (i: unknown) => Promise<unknown>>)[method]!(validateInput(method as never, input));
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe('Workbench: errors a person can act on', () => {
  it.each([
    ['compendium.json', 'getCompendium', {}],
    // A teammate's index arriving through file sync, from a newer casebench.
    ['reviews/bob.json', 'listCases', {}],
  ])('a %s written by a newer casebench, read on first use, is a conflict that says so', async (file, method, input) => {
    const { dir, w } = await workbench();
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), JSON.stringify({ schemaVersion: 99 }));
    const e = await failure(call(w, method, input));
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ code: 'conflict', message: expect.stringMatching(/written by a newer casebench .* update casebench/) });
  });

  it.each([
    ['openProject', { dir: '/tmp/a\u0000b' }],
    ['createProject', { dir: '/tmp/a\u0000b', sample: false }],
    ['commitImport', { draftId: '00000000-0000-4000-8000-000000000000', dir: '/tmp/a\u0000b' }],
  ])('%s with a NUL in its folder is invalid input', async (method, input) => {
    const { w } = await workbench();
    const e = await failure(call(w, method, input));
    expect(e).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/NUL/) });
  });

  it('a NUL in any path that reaches the file system is invalid input, not a bug', async () => {
    expect(await failure(guard(() => readFile('/tmp/a\u0000b')))).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/NUL/) });
  });
});
