import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorOf } from './errors.fixture.ts';
import { createProject, openProject } from './open-project.ts';

const CASE = 'hc2024-03';

/** A project where 张三 annotated, scored and set a status, and 张三李四 was made by mistake and has nothing. */
async function project() {
  const dir = join(mkdtempSync(join(tmpdir(), 'casebench-reviewers-')), 'p');
  const { service } = await createProject(dir, null);
  await service.store.flush();
  const zhang = await openProject(dir, '张三');
  const text = (await zhang.handlers.getCase({ caseId: CASE })).text;
  const at = text.indexOf('领导重视是前提');
  const span = await zhang.handlers.addSpan({ caseId: CASE, start: at, end: at + 7, label: 'lesson' });
  await zhang.handlers.setScore({ caseId: CASE, ratings: { innovation: 4 }, evidence: { innovation: [span.id] }, recommendation: 'include' });
  await zhang.handlers.setCaseStatus({ caseId: CASE, status: 'done' });
  await zhang.handlers.setReviewer({ name: '张三李四' });
  await zhang.store.flush();
  return { dir, service: zhang, span };
}

describe('removing a reviewer', () => {
  it('removes one who has no work, files and all', async () => {
    const { dir, service } = await project();
    const info = await service.handlers.removeReviewer({ name: '张三李四' });
    expect(info.reviewers).toEqual(['张三']);
    expect(info.reviewer).toBeNull();
    expect(existsSync(join(dir, 'reviews', '张三李四.json'))).toBe(false);
    // Another workbench opening the folder finds no such reviewer either.
    expect((await openProject(dir)).store.reviewers).toEqual(['张三']);
  });

  it('refuses one who has work, saying what, and changes nothing', async () => {
    const { dir, service } = await project();
    const error = await errorOf(service.handlers.removeReviewer({ name: '张三' }));
    expect(error).toMatchObject({ code: 'conflict' });
    expect(error.message).toMatch(/张三 has work in 1 case \(1 annotation, a status, a score\): rename them instead, or delete their work first/);
    expect(readdirSync(join(dir, 'reviews')).sort()).toEqual(['张三.json', '张三.spans', '张三李四.json']);
  });

  it.each([
    ['an unknown reviewer', '李四', /no reviewer "李四"/],
    ['the consensus', 'consensus', /consensus is the adjudication's reviewer/],
  ])('refuses %s', async (_what, name, message) => {
    const { service } = await project();
    expect((await errorOf(service.handlers.removeReviewer({ name }))).message).toMatch(message);
  });
});

describe('renaming a reviewer', () => {
  it('carries every span, status, score and its evidence to the new name, and the one at work with it', async () => {
    const { dir, service, span } = await project();
    await service.handlers.setReviewer({ name: '张三' });
    const info = await service.handlers.renameReviewer({ from: '张三', to: '李四' });
    expect(info).toMatchObject({ reviewer: '李四', reviewers: ['张三李四', '李四'].sort() });
    const spans = (await service.handlers.getCase({ caseId: CASE })).spans;
    expect(spans.map((s) => [s.id, s.reviewer, s.quote.exact])).toEqual([[span.id, '李四', '领导重视是前提']]);
    expect((await service.handlers.getScores({ caseId: CASE })).李四).toMatchObject({ ratings: { innovation: 4 }, evidence: { innovation: [span.id] } });
    expect((await service.handlers.listCases({})).find((c) => c.id === CASE)!.status).toMatchObject({ 李四: 'done' });
    expect(readdirSync(join(dir, 'reviews')).sort()).toEqual(['张三李四.json', '李四.json', '李四.spans']);
    const reopened = await openProject(dir, '李四');
    expect((await reopened.handlers.getCase({ caseId: CASE })).spans).toHaveLength(1);
  });

  it.each([
    ['to a reviewer who exists', '张三', '张三李四', /a reviewer "张三李四" exists already/],
    ['from one who does not', '王五', '赵六', /no reviewer "王五"/],
    ['to the consensus', '张三', 'consensus', /consensus is the adjudication's reviewer/],
    ['to a name that is not one', '张三', '../x', /a reviewer name is letters/],
  ])('refuses a rename %s', async (_what, from, to, message) => {
    const { service } = await project();
    expect((await errorOf(service.handlers.renameReviewer({ from, to }))).message).toMatch(message);
  });
});

describe('reviewer names that differ only in case (one file on macOS and Windows)', () => {
  it('refuses a new reviewer Bob where bob exists, and a rename to BOB', async () => {
    const { service } = await project();
    await service.handlers.setReviewer({ name: 'bob' });
    expect((await errorOf(service.handlers.setReviewer({ name: 'Bob' }))).message).toMatch(/"Bob" differs from the reviewer "bob" only in letter case/);
    expect((await errorOf(service.handlers.renameReviewer({ from: '张三', to: 'BOB' }))).message).toMatch(/differs from the reviewer "bob" only in letter case/);
    expect(service.store.reviewers).not.toContain('Bob');
  });
});
