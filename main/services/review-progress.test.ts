import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProject, openProject } from './open-project.ts';

/** Status and scores as a reviewer sees them in the case list (item 8). */
const CASE = 'hc2024-03';
let template: string;

beforeAll(async () => {
  template = join(mkdtempSync(join(tmpdir(), 'casebench-progress-')), 'p');
  const { service } = await createProject(template, null);
  await service.store.flush();
});

async function project() {
  const dir = join(mkdtempSync(join(tmpdir(), 'casebench-progress-')), 'p');
  cpSync(template, dir, { recursive: true });
  return dir;
}
const statusOf = async (service: Awaited<ReturnType<typeof openProject>>, who: string) => (await service.handlers.listCases({})).find((c) => c.id === CASE)!.status[who];

describe('a case’s status', () => {
  it.each([
    ['an annotation', async (s: Awaited<ReturnType<typeof openProject>>, text: string) => void (await s.handlers.addSpan({ caseId: CASE, start: text.indexOf('领导重视'), end: text.indexOf('领导重视') + 4, label: 'lesson' }))],
    ['a score', async (s: Awaited<ReturnType<typeof openProject>>) => void (await s.handlers.setScore({ caseId: CASE, ratings: { innovation: 3 } }))],
    ['a section tag', async (s: Awaited<ReturnType<typeof openProject>>) => void (await s.handlers.tagSection({ caseId: CASE, action: 'confirm-all' }))],
    ['metadata', async (s: Awaited<ReturnType<typeof openProject>>) => void (await s.handlers.setCaseMeta({ caseId: CASE, meta: { tags: ['样板'] } }))],
  ])('moves from 未审 to 在审 by itself when the reviewer makes %s', async (_what, work) => {
    const alice = await openProject(await project(), 'alice');
    const { text } = await alice.handlers.getCase({ caseId: CASE });
    expect(await statusOf(alice, 'alice')).toBe('todo');
    await work(alice, text);
    expect(await statusOf(alice, 'alice')).toBe('in-progress');
  });

  it('stays as the reviewer set it: 已审 is not taken back by more work', async () => {
    const alice = await openProject(await project(), 'alice');
    await alice.handlers.setCaseStatus({ caseId: CASE, status: 'done' });
    await alice.handlers.setScore({ caseId: CASE, ratings: { innovation: 4 } });
    expect(await statusOf(alice, 'alice')).toBe('done');
  });
});

describe('the score in the case list', () => {
  it('is the reviewer’s own; the mean of all is there only beside it', async () => {
    const dir = await project();
    const alice = await openProject(dir, 'alice');
    await alice.handlers.setScore({ caseId: CASE, ratings: { innovation: 5, effectiveness: 5, replicability: 5, writing: 5 } });
    await alice.store.flush();
    const bob = await openProject(dir, 'bob');
    expect((await bob.handlers.listCases({})).find((c) => c.id === CASE)).toMatchObject({ score: null, meanScore: 5 });
    await bob.handlers.setScore({ caseId: CASE, ratings: { innovation: 3, effectiveness: 3, replicability: 3, writing: 3 } });
    expect((await bob.handlers.listCases({})).find((c) => c.id === CASE)).toMatchObject({ score: 3, meanScore: 4 });
  });
});
