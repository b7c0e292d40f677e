import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject, openProject } from './open-project.ts';
import { distributions, ranking } from './scoring.ts';

/**
 * alice and bob score hc2024-03 (健康影响因素篇, 河北省) and hc2024-15 (重点人群篇, 黑龙江省); the
 * consensus also scores hc2024-03, as an adjudicator might. Ratings on every criterion:
 *   hc2024-03: alice 5, bob 3, consensus 1     hc2024-15: alice 2, bob 4
 */
async function scored() {
  const dir = join(mkdtempSync(join(tmpdir(), 'casebench-scoring-')), 'p');
  await (await createProject(dir, null)).service.store.flush();
  const all = (v: number) => ({ innovation: v, effectiveness: v, replicability: v, writing: v });
  for (const [name, ratings] of [
    ['alice', { 'hc2024-03': 5, 'hc2024-15': 2 }],
    ['bob', { 'hc2024-03': 3, 'hc2024-15': 4 }],
    ['consensus', { 'hc2024-03': 1 }],
  ] as const) {
    const who = await openProject(dir, name);
    for (const [caseId, v] of Object.entries(ratings)) await who.handlers.setScore({ caseId, ratings: all(v) });
    await who.store.flush();
  }
  const service = await openProject(dir, 'alice');
  return service.store;
}

describe('ranking and distributions', () => {
  it('never count the consensus as a rater', async () => {
    const store = await scored();
    expect(store.reviewers).toContain('consensus');
    const row = ranking(store, {}).find((r) => r.caseId === 'hc2024-03')!;
    // (5 + 3) / 2 = 4, spread 5 − 3 = 2; with the consensus it would be 3 and 4.
    expect([row.score, row.range, row.reviewers, Object.keys(row.byReviewer)]).toEqual([4, 2, 2, ['alice', 'bob']]);
    expect(Object.keys(distributions(store).perReviewer).sort()).toEqual(['alice', 'bob']);
  });

  it.each([
    // Both cases: 5, 3, 2, 4; alice 5 and 2 on each of four criteria.
    { name: 'no filter', filter: {}, innovation: { 1: 0, 2: 1, 3: 1, 4: 1, 5: 1 }, alice: { 1: 0, 2: 4, 3: 0, 4: 0, 5: 4 } },
    // hc2024-03 alone: alice's 5 and bob's 3.
    { name: 'part 健康影响因素篇', filter: { part: '健康影响因素篇' }, innovation: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 1 }, alice: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 4 } },
    // hc2024-15 alone: alice's 2 and bob's 4.
    { name: 'region 黑龙江', filter: { region: '黑龙江' }, innovation: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 0 }, alice: { 1: 0, 2: 4, 3: 0, 4: 0, 5: 0 } },
    { name: 'a region no case has', filter: { region: '火星' }, innovation: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, alice: undefined },
  ])('follow the filter: $name', async ({ filter, innovation, alice }) => {
    const dist = distributions(await scored(), filter);
    expect(dist.perCriterion.innovation).toEqual(innovation);
    expect(dist.perReviewer.alice).toEqual(alice);
  });
});
