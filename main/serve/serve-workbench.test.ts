import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateInput } from '../../shared/api/errors.ts';
import { createProject, openProject } from '../services/open-project.ts';
import { RecentProjects } from '../services/recent-projects.ts';
import { serveWorkbench } from './serve-workbench.ts';

describe('serveWorkbench: the folders a browser tab may use', () => {
  it('opens and creates projects below the folders given with --allow, and nowhere else', async () => {
    const root = mkdtempSync(join(tmpdir(), 'casebench-serve-folders-'));
    const allowed = join(root, 'projects');
    mkdirSync(allowed);
    await createProject(join(root, 'served'), []);
    await createProject(join(root, 'outside'), []);
    const recent = new RecentProjects(join(root, 'recent.json'));
    await recent.touch(join(root, 'outside'), 'outside');
    const w = await serveWorkbench(await openProject(join(root, 'served')), recent, [allowed]);
    const call = (method: 'createProject' | 'openProject' | 'recentProjects', input: unknown) => (w.handlers[method] as (i: unknown) => Promise<{ dir: string }>)(validateInput(method, input));

    expect((await call('createProject', { dir: join(allowed, 'a', 'new'), sample: false })).dir).toBe(join(allowed, 'a', 'new'));
    expect((await call('openProject', { dir: join(root, 'served') })).dir).toBe(join(root, 'served'));
    await expect(call('openProject', { dir: join(root, 'outside') })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(call('createProject', { dir: join(allowed, '..', 'sibling'), sample: false })).rejects.toMatchObject({ code: 'forbidden' });
    expect(existsSync(join(root, 'sibling'))).toBe(false);
    const listed = (await call('recentProjects', {})) as unknown as Array<{ dir: string }>;
    expect(listed.map((p) => p.dir).sort()).toEqual([join(allowed, 'a', 'new'), join(root, 'served')].sort());
  });
});
