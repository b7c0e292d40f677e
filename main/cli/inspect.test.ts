import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROOT, run, SEED } from './cli.fixture.ts';


afterEach(() => vi.restoreAllMocks());

describe('casebench inspect', () => {
  it('--json prints the documented shape, with offsets into each case text', async () => {
    const file = SEED('healthy-china-2024-typical-cases-compendium.txt');
    const { code, out } = await run(['inspect', file, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['documents']);
    const doc = json.documents[0];
    expect(doc.file).toBe(file);
    expect(doc.format).toBe('compendium');
    expect(doc.cases).toHaveLength(30);
    const c = doc.cases[2];
    for (const key of ['id', 'title', 'region', 'part', 'text', 'sections']) expect(c).toHaveProperty(key);
    expect(c.title).toBe('高位推进 部门联动 努力推动将健康融入所有政策');
    for (const s of c.sections) {
      for (const key of ['heading', 'kinds', 'level', 'start', 'end']) expect(s).toHaveProperty(key);
      expect(c.text.slice(s.start, s.end).length).toBe(s.end - s.start);
      expect(c.text.slice(s.start).replace(/^\S*?[、）)．.]/, '')).toContain(s.heading.slice(0, 2));
    }
  });

  it('prints a readable outline with regions, parts, headings with kinds, and warnings', async () => {
    const { code, out } = await run(['inspect', SEED('henan-2022-first-batch-typical-cases-notice.txt')]);
    expect(code).toBe(0);
    expect(out).toContain('notice · 10 cases · utf-8');
    expect(out).toMatch(/henan-2022-first-batch-01 {2}创新模式 全民共建 努力实现健康科普全覆盖\n {6}鹤壁市 · 健康知识普及行动类\n {6}一、工作背景 {2}\[background\]/);
    expect(out).toContain('四、经验启示  [lessons]');
  });

  it('warns about suspicious cases in the outline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebench-inspect-'));
    const file = join(dir, 'odd.txt');
    writeFileSync(file, '第一批典型经验案例一\n\n某市推进健康促进的\n\n近年来，某市高度重视。\n\n第一批典型经验案例二\n\n某县建设健康县城\n\n一、工作背景\n\n县里高度重视。\n');
    const { out } = await run(['inspect', file]);
    expect(out).toContain('warnings:');
    expect(out).toMatch(/has no section headings/);
    expect(out).toMatch(/looks cut/);
  });

  it('reports unreadable files by name, keeps going, and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebench-inspect-'));
    const empty = join(dir, 'empty.txt');
    const binary = join(dir, 'image.txt');
    writeFileSync(empty, '');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const { code, out, err } = await run(['inspect', '--json', empty, SEED('newspaper-healthy-china-action-provinces.txt'), binary, join(dir, 'missing.txt')]);
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.documents).toHaveLength(1);
    expect(json.errors.map((e: { code: string }) => e.code)).toEqual(['empty', 'binary', 'unsupported']);
    expect(err).toContain(`${empty}: file is empty`);
    expect(err).toContain(`${binary}: file looks binary`);
  });

  it('works as `npx casebench` right after install (the bin entry)', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'bin/casebench.js'), 'inspect', '--json', SEED('healthy-counties-2022-typical-experiences-table.txt')], { encoding: 'utf8' });
    expect(JSON.parse(out).documents[0].cases).toHaveLength(20);
    const usage = spawnSync(process.execPath, [join(ROOT, 'bin/casebench.js'), 'no-such-command'], { encoding: 'utf8' });
    expect(usage.status).not.toBe(0);
    expect(usage.stderr).toMatch(/unknown command/);
  });
});

describe('casebench rank and compendium', () => {
  it('ranks scored cases and writes the draft compendium', async () => {
    const { mkdtempSync: mk, readFileSync: read } = await import('node:fs');
    const dir = join(mk(join(tmpdir(), 'casebench-cli-')), 'p');
    const { createProject } = await import('../services/open-project.ts');
    const { openProject } = await import('../services/open-project.ts');
    await (await createProject(dir, null)).service.store.flush();
    const alice = await openProject(dir, 'alice');
    await alice.handlers.setScore({ caseId: 'hc2024-03', ratings: { innovation: 5, effectiveness: 5, replicability: 4, writing: 4 }, recommendation: 'include' });
    await alice.handlers.setScore({ caseId: 'news2022-01', ratings: { innovation: 3, effectiveness: 3, replicability: 3, writing: 3 }, recommendation: 'include' });
    await alice.store.flush();
    const ranked = await run(['rank', dir]);
    expect(ranked.code).toBe(0);
    expect(ranked.out).toMatch(/^\s+1\s+4\.50 .* hc2024-03 /m);
    expect(ranked.out).toMatch(/^\s+2\s+3\.00 .* news2022-01 /m);
    expect(ranked.out).not.toContain('⚠');
    // Bob disagrees on hc2024-03 by more than 30% of the 1–5 scale: flagged.
    const bob = await openProject(dir, 'bob');
    await bob.handlers.setScore({ caseId: 'hc2024-03', ratings: { innovation: 2, effectiveness: 3, replicability: 3, writing: 3 } });
    await bob.store.flush();
    const flagged = await run(['rank', dir]);
    expect(flagged.out).toMatch(/^\s+\d\s+\S+\s+⚠\s*1\.75\s+2 .* hc2024-03 /m);
    expect(flagged.out).toMatch(/^\s+\d\s+3\.00\s+0\.00\s+1 .* news2022-01 /m);
    expect(flagged.out).toContain("⚠ reviewers' scores differ by 1.20 or more");
    const json = JSON.parse((await run(['rank', dir, '--json'])).out);
    expect(json.find((r: { caseId: string }) => r.caseId === 'hc2024-03')).toMatchObject({ reviewers: 2, range: 1.75 });
    const out = join(dir, 'draft.md');
    const built = await run(['compendium', dir, '--out', out]);
    expect(built.code).toBe(0);
    expect(built.out).toMatch(/wrote .*draft\.md: 2 parts, 2 cases/);
    expect(read(out, 'utf8')).toContain('## 第一篇　健康影响因素篇');
    const bad = await run(['compendium', dir, '--out', join(dir, 'draft.pdf')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--out must end in \.docx or \.md/);
  });
});

describe('casebench agreement', () => {
  it('prints the agreement of two reviewers, per label and per case, and the same as JSON', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-cli-')), 'p');
    const { createProject, openProject } = await import('../services/open-project.ts');
    await (await createProject(dir, null)).service.store.flush();
    for (const [name, end] of [['alice', 7], ['bob', 4]] as const) {
      const who = await openProject(dir, name);
      const text = (await who.handlers.getCase({ caseId: 'hc2024-03' })).text;
      const at = text.indexOf('领导重视是前提');
      await who.handlers.addSpan({ caseId: 'hc2024-03', start: at, end: at + end, label: 'lesson' });
      await who.handlers.setScore({ caseId: 'hc2024-03', ratings: { innovation: 4 }, recommendation: 'include' });
      await who.handlers.setCaseStatus({ caseId: 'hc2024-03', status: 'done' });
      await who.store.flush();
    }
    const printed = await run(['agreement', dir, '--cases', 'hc2024-03']);
    expect(printed.code).toBe(0);
    expect(printed.out).toMatch(/Agreement between alice, bob on 1 cases/);
    // One lesson each, overlapping but not equal: exact F1 0, overlap F1 1.
    expect(printed.out).toMatch(/^  经验启示\s+0\.00\s+1\.00 /m);
    expect(printed.out).toMatch(/^  hc2024-03  F1 0\.00 \/ 1\.00 .* alice:include bob:include/m);
    const json = JSON.parse((await run(['agreement', dir, '--cases', 'hc2024-03', '--json'])).out);
    expect(json.spans.byLabel.find((l: { label: string }) => l.label === 'lesson')).toMatchObject({ exactF1: 0, overlapF1: 1 });
    const bad = await run(['agreement', dir, '--cases', 'nope']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/no case nope/);
  });
});

describe('casebench suggest', () => {
  it('prints suggestions for texts, and the inspect --json shape with each case’s suggestions', async () => {
    const file = SEED('healthy-china-2024-typical-cases-compendium.txt');
    const printed = await run(['suggest', file]);
    expect(printed.code).toBe(0);
    expect(printed.out).toMatch(/^ {4}指标 {2}\d+–\d+ {2}37\.7% {2}kind=rate metric=北京市成人超重率 value=37\.7 unit=%/m);
    expect(printed.out).toMatch(/^ {4}经验启示 {2}\d+–\d+ {2}（二）领导重视是前提。.* headline=领导重视是前提 /m);
    const json = JSON.parse((await run(['suggest', file, '--json'])).out);
    const c = json.documents[0].cases.find((x: { title: string }) => x.title === '高位推进 部门联动 努力推动将健康融入所有政策');
    expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'title', 'region', 'part', 'text', 'sections', 'suggestions']));
    for (const s of c.suggestions) expect(c.text.slice(s.start, s.end)).toBe(s.text);
    const change = json.documents[0].cases[0].suggestions.find((s: { text: string }) => s.text.startsWith('由'));
    expect(change).toMatchObject({ label: 'indicator', fields: { baseline: 46.83, value: 41.71, direction: 'down', change: 5.12, changeUnit: 'pp' } });
    const lesson = c.suggestions.find((s: { label: string }) => s.label === 'lesson');
    expect(lesson).toMatchObject({ fields: { headline: '实施健康影响评估意义重大' }, section: expect.any(String) });
  });

  it('stores suggestions in a project with --apply, for everyone or one reviewer', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-cli-')), 'p');
    expect((await run(['init', dir])).code).toBe(0);
    const applied = await run(['suggest', '--apply', dir, '--cases', 'hc2024-01', 'hc2024-03']);
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/stored \d+ indicator and \d+ lesson suggestions for 2 cases, for every reviewer/);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(join(dir, 'suggestions')).sort()).toEqual(['hc2024-01.json', 'hc2024-03.json']);
    const mine = await run(['suggest', '--apply', dir, '--cases', 'hc2024-03', '--reviewer', 'alice', '--json']);
    expect(JSON.parse(mine.out)).toMatchObject({ cases: 1, for: 'alice' });
    const both = await run(['suggest', SEED('healthy-china-2024-typical-cases-compendium.txt'), '--apply', dir]);
    expect(both.code).toBe(1);
    expect(both.err).toMatch(/either files to suggest for or --apply DIR/);
  });
});
