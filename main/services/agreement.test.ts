import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject, openProject } from './open-project.ts';

const CASE = 'hc2024-03';

/** alice and bob finish hc2024-03 with one lesson each; carol, a third user, only adjudicates. */
async function committee() {
  const dir = join(mkdtempSync(join(tmpdir(), 'casebench-agreement-')), 'p');
  await (await createProject(dir, null)).service.store.flush();
  const text = (await (await openProject(dir, 'alice')).handlers.getCase({ caseId: CASE })).text;
  const at = text.indexOf('领导重视是前提');
  for (const [name, end] of [['alice', 7], ['bob', 4]] as const) {
    const who = await openProject(dir, name);
    await who.handlers.addSpan({ caseId: CASE, start: at, end: at + end, label: 'lesson' });
    await who.handlers.setCaseStatus({ caseId: CASE, status: 'done' });
    await who.store.flush();
  }
  const carol = await openProject(dir, 'carol');
  const { items } = await carol.handlers.compareReviewers({ caseId: CASE, reviewers: ['alice', 'bob'] });
  const item = items[0]!;
  await carol.handlers.adjudicate({ caseId: CASE, decisions: [{ start: item.start, end: item.end, spanIds: item.spans.alice!.map((s) => s.id), candidateIds: Object.values(item.spans).flat().map((s) => s.id) }] });
  await carol.handlers.setCaseStatus({ caseId: 'hc2024-01', status: 'in-progress' });
  await carol.store.flush();
  return carol;
}

describe('agreement: the raters', () => {
  it.each([
    // By default: every reviewer but the consensus who finished one of the chosen cases.
    { name: 'by default', input: {}, raters: ['alice', 'bob'], idle: ['carol'] },
    { name: 'carol asked for, but she finished none', input: { reviewers: ['alice', 'carol', 'bob'] }, raters: ['alice', 'bob'], idle: ['carol'] },
    { name: 'counting work in progress, carol is in review of another case', input: { coverage: 'touched' as const }, raters: ['alice', 'bob', 'carol'], idle: [] },
  ])('$name', async ({ input, raters, idle }) => {
    const carol = await committee();
    expect(carol.store.reviewers).toEqual(['alice', 'bob', 'carol', 'consensus']);
    const r = await carol.handlers.agreement(input);
    expect(r.reviewers).toEqual(raters);
    expect(r.idle).toEqual(idle);
    // Only pairs that read a case in common, and alice's 7 characters against bob's first 4 of them:
    // alpha is defined, on the one case both finished.
    expect(r.spans.pairs.map((p) => [p.a, p.b, p.cases])).toEqual([['alice', 'bob', 1]]);
    expect(r.spans.alphaCases).toBe(1);
    expect(r.spans.overall.alpha.value).not.toBeNull();
    expect(r.spans.overall.alpha.value).toBeCloseTo(r.cases.find((c) => c.caseId === CASE)!.spans.alpha.value!, 14);
  });
});
