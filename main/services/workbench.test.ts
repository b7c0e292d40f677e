import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject, openProject } from './open-project.ts';
import { RecentProjects } from './recent-projects.ts';
import { Workbench } from './workbench.ts';
import { FolderAccess } from './folder-access.ts';

async function setting() {
  const root = mkdtempSync(join(tmpdir(), 'casebench-workbench-'));
  const recent = new RecentProjects(join(root, 'settings', 'recent-projects.json'));
  const a = join(root, 'a');
  const b = join(root, 'b');
  await createProject(a, []);
  await createProject(b, []);
  return { recent, a, b };
}

describe('Workbench: who is annotating is remembered on this machine', () => {
  it('asks once: the next session in the project starts with the same reviewer', async () => {
    const { recent, a } = await setting();
    const first = new Workbench(await openProject(a), recent);
    expect((await first.handlers.projectInfo({})).reviewer).toBeNull();
    await first.handlers.setReviewer({ name: '张三' });
    const next = new Workbench(await openProject(a), recent);
    expect((await next.handlers.projectInfo({})).reviewer).toBe('张三');
  });

  it('remembers per project, and falls back to the last reviewer for a project not opened before', async () => {
    const { recent, a, b } = await setting();
    // The page may open both (see workbench-folders.test.ts for the folders it may not).
    const access = new FolderAccess();
    await access.grant(b);
    const w = new Workbench(await openProject(a), recent, { access });
    await w.handlers.setReviewer({ name: 'alice' });
    await w.handlers.openProject({ dir: b });
    expect((await w.handlers.projectInfo({})).reviewer).toBe('alice');
    await w.handlers.setReviewer({ name: 'bob' });
    await w.handlers.openProject({ dir: a });
    expect((await w.handlers.projectInfo({})).reviewer).toBe('alice');
    // A new session in b: bob, who annotated there.
    expect((await new Workbench(await openProject(b), recent).handlers.projectInfo({})).reviewer).toBe('bob');
  });

  it('does not override a reviewer the host gave', async () => {
    const { recent, a } = await setting();
    await new Workbench(await openProject(a), recent).handlers.setReviewer({ name: 'alice' });
    const given = await openProject(a);
    await given.handlers.setReviewer({ name: 'carol' });
    expect((await new Workbench(given, recent).handlers.projectInfo({})).reviewer).toBe('carol');
  });

  it('works on, without remembering, when the settings folder cannot be written', async () => {
    const root = mkdtempSync(join(tmpdir(), 'casebench-workbench-'));
    writeFileSync(join(root, 'settings'), 'a file where the folder should be');
    const recent = new RecentProjects(join(root, 'settings', 'recent-projects.json'));
    const a = join(root, 'a');
    await createProject(a, []);
    const w = new Workbench(await openProject(a), recent);
    expect((await w.handlers.projectInfo({})).reviewer).toBeNull();
    await w.handlers.setReviewer({ name: 'alice' });
    expect((await w.handlers.projectInfo({})).reviewer).toBe('alice');
    expect(await w.handlers.listCases({})).toEqual([]);
  });
});
