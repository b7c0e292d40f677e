import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProject, openProject } from '../services/open-project.ts';
import { run } from './cli.fixture.ts';

afterEach(() => vi.restoreAllMocks());

describe('casebench compendium', () => {
  it('builds each case from its own source, says which, and proposes again only when asked', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-cli-')), 'p');
    await (await createProject(dir, null)).service.store.flush();
    const alice = await openProject(dir, 'alice');
    const bob = await openProject(dir, 'bob');
    const ratings = { innovation: 4, effectiveness: 4, replicability: 4, writing: 4 };
    await alice.handlers.setScore({ caseId: 'hc2024-01', ratings: { ...ratings, innovation: 5 }, recommendation: 'include' });
    await alice.handlers.setScore({ caseId: 'hc2024-03', ratings, recommendation: 'include' });
    await alice.handlers.setScore({ caseId: 'hc2024-04', ratings, recommendation: 'exclude' });
    const text = (await alice.handlers.getCase({ caseId: 'hc2024-01' })).text;
    const at = text.indexOf('37.7%');
    await alice.handlers.addSpan({ caseId: 'hc2024-01', start: at, end: at + 5, label: 'indicator', fields: { metric: '成人超重率', value: 37.7, unit: '%' } });
    await bob.handlers.addSpan({ caseId: 'hc2024-03', start: 0, end: 4, label: 'practice' });
    for (const s of [alice, bob]) await s.store.flush();
    const reviewerFile = readFileSync(join(dir, 'reviews', 'bob.json'), 'utf8');
    const out = join(dir, 'draft.md');
    const draftOnDisk = () => (JSON.parse(readFileSync(join(dir, 'compendium.json'), 'utf8')) as { draft: { parts: Array<{ caseIds: string[] }> } }).draft.parts.flatMap((p) => p.caseIds);

    const steps: Array<{ args: string[]; code?: number; out?: RegExp[]; notOut?: RegExp[]; err?: RegExp; md?: [string, boolean]; draft?: string[] }> = [
      {
        // No draft yet: proposed; no reviewer named, so each case from whoever marked most there.
        args: [],
        // The case alice recommended 不入选 is listed as left out, with why.
        out: [
          /no draft yet: proposed one/,
          /wrote .*draft\.md: 1 parts, 2 cases/,
          /1．创新大人群.*（北京市）\s+\[source: alice \(most spans\)\]/,
          /2．高位推进.*（河北省）\s+\[source: bob \(most spans\)\]/,
          /left out \(1, by the draft's selection rule\):\n {2}hc2024-04 .*: most reviewers recommend exclude \(0 include \/ 0 pending \/ 1 exclude\)/,
          /checks \(! to fix, · notes\):\n(?: {2}! .*\n)* {2}· hc2024-01: 1 项指标只有当期数值/,
        ],
        md: ['| 成人超重率 |', true],
        draft: ['hc2024-01', 'hc2024-03'],
      },
      {
        // bob named: his annotations for both cases (he has no indicator on hc2024-01).
        args: ['--reviewer', 'bob'],
        out: [/1．创新大人群.*\[source: bob \(--reviewer\)\]/, /2．高位推进.*\[source: bob \(--reviewer\)\]/],
        notOut: [/proposed|replaced/],
        md: ['| 成人超重率 |', false],
      },
      {
        // A draft exists: the selection options are ignored, and the output says so.
        args: ['--recommend', 'exclude', '--min-score', '1'],
        err: /a draft exists \(2 cases\): --recommend, --min-score ignored; add --propose to replace the draft/,
        out: [/wrote .*: 1 parts, 2 cases/],
        draft: ['hc2024-01', 'hc2024-03'],
      },
      {
        args: ['--propose', '--recommend', 'exclude'],
        out: [/replaced the draft \(2 cases\) with a new proposal/, /wrote .*: 1 parts, 1 cases/, /1．与时俱进.*（上海市）\s+\[source: none \(no annotations; the loaded sections\)\]/],
        draft: ['hc2024-04'],
      },
      { args: ['--reviewer', 'carol'], code: 1, err: /no reviewer "carol" in this project \(reviewers: alice, bob\)/ },
    ];
    for (const step of steps) {
      const r = await run(['compendium', dir, '--out', out, ...step.args]);
      const what = step.args.join(' ') || '(no options)';
      expect(r.code, `${what}: ${r.err}`).toBe(step.code ?? 0);
      for (const re of step.out ?? []) expect(r.out, what).toMatch(re);
      for (const re of step.notOut ?? []) expect(r.out, what).not.toMatch(re);
      if (step.err) expect(r.err, what).toMatch(step.err);
      else expect(r.err, what).toBe('');
      if (step.md) expect(readFileSync(out, 'utf8').includes(step.md[0]), what).toBe(step.md[1]);
      if (step.draft) expect(draftOnDisk(), what).toEqual(step.draft);
    }
    // Naming a reviewer reads their work; it writes nothing in their name.
    expect(readFileSync(join(dir, 'reviews', 'bob.json'), 'utf8')).toBe(reviewerFile);
  });
});
