import { existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../services/open-project.ts';
import type { ProjectService } from '../services/project-service.ts';
import type { ReviewerFile } from './file-kinds.ts';
import { smallProject } from './small-project.fixture.ts';

/**
 * A span save writes the case's shard, then the counts in the reviewer's index. A crash between
 * the two leaves the index behind its shard: the project repairs the counts when it opens, so
 * the case list and the statistics are right before anyone opens the case.
 */
async function annotate(service: ProjectService, reviewer: string, caseId: string, quotes: string[]) {
  await service.handlers.setReviewer({ name: reviewer });
  const text = (await service.handlers.getCase({ caseId })).text;
  for (const q of quotes) {
    const at = text.indexOf(q);
    await service.handlers.addSpan({ caseId, start: at, end: at + q.length, label: q.includes('%') ? 'indicator' : 'practice' });
  }
  await service.store.flush();
}

/** The state a kill between the shard write and the index write leaves: the index as it was before, older than the shard. */
async function crashedBetweenShardAndIndex(reviewer: string, change: (service: ProjectService) => Promise<void>) {
  const { dir, service } = await smallProject();
  await annotate(service, reviewer, 'c1', ['26.82%', '健康素养']);
  const index = join(dir, 'reviews', `${reviewer}.json`);
  const before = readFileSync(index, 'utf8');
  await change(service);
  writeFileSync(index, before);
  const past = new Date(Date.now() - 10_000);
  utimesSync(index, past, past);
  return { dir, index, before };
}

const counts = async (service: ProjectService, reviewer: string) => {
  const c1 = (await service.handlers.listCases({})).find((c) => c.id === 'c1')!;
  const stats = await service.handlers.stats({});
  return { listed: c1.spanCounts[reviewer] ?? 0, labels: c1.labelCounts, stats: stats.byReviewer[reviewer]?.spans ?? 0, total: stats.spans };
};

describe('span counts a crash left behind are repaired when the project opens', () => {
  it('counts the spans a shard holds that its index missed, and writes the repair as that reviewer', async () => {
    const { dir, index } = await crashedBetweenShardAndIndex('alice', (s) => annotate(s, 'alice', 'c1', ['推广', '适宜技术']));
    const service = await openProject(dir);
    expect(await counts(service, 'alice')).toEqual({ listed: 4, labels: { indicator: 1, practice: 3 }, stats: 4, total: 4 });
    // Alice's own workbench writes her index; until then the file is as the crash left it.
    expect((JSON.parse(readFileSync(index, 'utf8')) as ReviewerFile).cases.c1!.spanCount).toBe(2);
    await service.handlers.setReviewer({ name: 'alice' });
    await service.store.flush();
    expect((JSON.parse(readFileSync(index, 'utf8')) as ReviewerFile).cases.c1).toMatchObject({ spanCount: 4, labelCounts: { indicator: 1, practice: 3 } });
  });

  it('gives a case its 在审 back when the first span was saved after the index (killed before the index batch)', async () => {
    const { dir, service } = await smallProject();
    await service.handlers.setReviewer({ name: 'alice' });
    await service.store.flush();
    const index = join(dir, 'reviews', 'alice.json');
    const past = new Date(Date.now() - 10_000);
    utimesSync(index, past, past);
    // The shard is written; the index change waits for its batch, which the kill never lets happen.
    (service.store as unknown as Record<string, unknown>).deferReviewerCase = () => undefined;
    const text = (await service.handlers.getCase({ caseId: 'c2' })).text;
    await service.handlers.addSpan({ caseId: 'c2', start: 0, end: 2, label: 'practice' });
    expect((JSON.parse(readFileSync(index, 'utf8')) as ReviewerFile).cases.c2).toBeUndefined();
    const reopened = await openProject(dir, 'alice');
    expect(reopened.store.reviewerCase('alice', 'c2')).toMatchObject({ spanCount: 1, status: 'in-progress' });
    expect(text.length).toBeGreaterThan(2);
  });

  it('counts none in a shard whose spans were all deleted', async () => {
    const { dir } = await crashedBetweenShardAndIndex('alice', async (s) => {
      for (const span of (await s.handlers.getCase({ caseId: 'c1' })).spans) await s.handlers.deleteSpan({ caseId: 'c1', id: span.id });
      await s.store.flush();
    });
    expect(await counts(await openProject(dir), 'alice')).toEqual({ listed: 0, labels: {}, stats: 0, total: 0 });
  });

  it('repairs a teammate’s counts for this session without writing their index', async () => {
    const { dir, index, before } = await crashedBetweenShardAndIndex('bob', (s) => annotate(s, 'bob', 'c1', ['推广']));
    const service = await openProject(dir, 'alice');
    expect((await counts(service, 'bob')).listed).toBe(3);
    await service.store.flush();
    expect(readFileSync(index, 'utf8')).toBe(before);
  });

  it('finds a reviewer whose index a crash kept from being written at all', async () => {
    const { dir, service } = await smallProject();
    await annotate(service, 'carol', 'c1', ['26.82%']);
    rmSync(join(dir, 'reviews', 'carol.json'));
    rmSync(join(dir, 'backups'), { recursive: true });
    expect(existsSync(join(dir, 'reviews', 'carol.spans', 'c1.json'))).toBe(true);
    const reopened = await openProject(dir);
    expect(await counts(reopened, 'carol')).toMatchObject({ listed: 1, stats: 1 });
  });
});

describe('revise: a kill between its writes leaves no revision without its report', () => {
  it.each([
    ['the reviewer’s spans are written', 'updateSpans'],
    // Written after the call returns, with others (see ProjectStore.deferReviewerCase): killed before that batch, the call had answered.
    ['the reviewer’s counts are written', 'deferReviewerCase'],
  ] as const)('killed as %s', async (_when, step) => {
    const { dir, service } = await smallProject();
    await annotate(service, 'alice', 'c1', ['26.82%', '推广']);
    await service.store.flush();
    const text = (await service.handlers.getCase({ caseId: 'c1' })).text;
    // The process dies at this write: nothing after it reaches the disk.
    const revise = () => service.handlers.reviseText({ caseId: 'c1', text: `前言。\n${text}` });
    if (step === 'updateSpans') {
      (service.store as unknown as Record<string, unknown>)[step] = async () => {
        throw new Error('killed');
      };
      await expect(revise()).rejects.toThrow('killed');
    } else {
      (service.store as unknown as Record<string, unknown>)[step] = () => undefined;
      await revise();
    }
    const reopened = await openProject(dir, 'alice');
    const revisions = await reopened.handlers.listRevisions({ caseId: 'c1' });
    expect(revisions.map((r) => r.revision)).toEqual([0, 1]);
    expect(revisions[1]!.report).toEqual({ unchanged: 0, moved: 2, refound: 0, orphaned: 0 });
    // The spans follow to the new text when they are next read, as the report said.
    const { spans } = await reopened.handlers.getCase({ caseId: 'c1' });
    expect(spans.map((s) => s.quote.exact).sort()).toEqual(['26.82%', '推广']);
  });
});
