import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openProject } from '../services/open-project.ts';
import { caseText, newsProject, run, scratch, snapshot, utf16 } from './cli.fixture.ts';

afterEach(() => vi.restoreAllMocks());

const C1 = 'newspaper-healthy-china-01';
const Q = '400多名专家';

/** A casebench import line for the first occurrence of `quote` in case 01. */
function line(dir: string, quote: string, extra: Record<string, unknown> = {}): string {
  const start = caseText(dir, C1).text.indexOf(quote);
  return JSON.stringify({ case: C1, start, end: start + quote.length, label: 'lesson', quote, ...extra });
}

/** A project where alice has one indicator on case 01. */
async function annotated(): Promise<string> {
  const dir = await newsProject();
  const alice = await openProject(dir, 'alice');
  const at = caseText(dir, C1).text.indexOf(Q);
  await alice.handlers.addSpan({ caseId: C1, start: at, end: at + Q.length, label: 'indicator', fields: { value: 400 } });
  await alice.store.flush();
  return dir;
}

describe('casebench export', () => {
  it.each([
    ['json', 'out.json', (out: string) => expect(JSON.parse(readFileSync(out, 'utf8')).spans).toHaveLength(1)],
    ['csv', 'out.csv', (out: string) => expect(readFileSync(out, 'utf8')).toContain(Q)],
    ['labelstudio', 'ls', (out: string) => expect([JSON.parse(readFileSync(join(out, 'tasks.json'), 'utf8')).length, readFileSync(join(out, 'labeling-config.xml'), 'utf8')]).toEqual([10, expect.stringContaining('<Labels name="label" toName="text">')])],
    ['brat', 'brat', (out: string) => expect(readdirSync(out).length).toBeGreaterThan(1)],
    ['brat', 'brat.zip', (out: string) => expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK')],
  ])('writes %s to %s', async (format, name, check) => {
    const dir = await annotated();
    const out = join(scratch(), 'sub', name);
    const r = await run(['export', dir, '--format', format, '--out', out]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^exported 1 spans of 10 cases as /);
    check(out);
  });

  it('warns about reviewers the project does not have, and exports the others', async () => {
    const dir = await annotated();
    const out = join(scratch(), 'out.json');
    const r = await run(['export', dir, '--format', 'json', '--out', out, '--reviewers', 'alice', 'nobody']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^warning: no reviewer "nobody" in this project \(reviewers: alice\); nothing of theirs is exported$/m);
    expect(r.out).toMatch(/exported 1 spans/);
  });

  const setups: Array<[string, string[] | ((at: string) => string[]), RegExp]> = [
    ['an unknown format', (at) => ['--format', 'pdf', '--out', join(at, 'x.pdf')], /unknown export format "pdf"; one of json, /],
    ['an existing file where brat writes a folder', (at) => ['--format', 'brat', '--out', join(at, 'existing.json')], /existing\.json is a file, but brat .* is a folder of files: give a folder .*or a path ending in \.zip/],
    ['an existing folder where json writes a file', (at) => ['--format', 'json', '--out', join(at, 'folder')], /folder is a folder, but casebench JSON .* is written as one file/],
    ['a path through a file', (at) => ['--format', 'json', '--out', join(at, 'existing.json', 'out.json')], /existing\.json\/out\.json: .*existing\.json is a file, not a folder/],
    ['a reviewer name that is not one', (at) => ['--format', 'json', '--out', join(at, 'out.json'), '--reviewers', '../x'], /startExport: reviewers\.0: a reviewer name is/],
  ];
  if (existsSync('/proc/version')) setups.push(['a file that cannot be written', ['--format', 'json', '--out', '/proc/version'], /\/proc\/version: cannot write the export: (input\/output error|permission denied|no such file or folder)/]); // exports are written beside their target first, and /proc takes no new file
  it.each(setups)('refuses %s with one line, writing nothing', async (_what, args, message) => {
    const dir = await annotated();
    const at = scratch();
    writeFileSync(join(at, 'existing.json'), '{"mine":true}');
    mkdirSync(join(at, 'folder'));
    const before = snapshot(at);
    const r = await run(['export', dir, ...(typeof args === 'function' ? args(at) : args)]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(snapshot(at)).toEqual(before);
  });
});

describe('casebench annotations import', () => {
  it.each([
    ['casebench JSONL', (dir: string) => Buffer.from(line(dir, Q, { label: '指标', fields: { value: '400' } }) + '\n')],
    ['casebench JSONL in UTF-16 with BOM', (dir: string) => utf16(line(dir, Q, { label: 'Indicator' }))],
    ['a doccano export in UTF-16 with BOM', (dir: string) => {
      const text = caseText(dir, C1).text;
      const at = text.indexOf(Q);
      return utf16(JSON.stringify({ text, label: [[at, at + Q.length, '指标']] }) + '\n');
    }],
  ])('imports %s', async (_what, content) => {
    const dir = await newsProject();
    const file = join(scratch(), 'a.jsonl');
    writeFileSync(file, content(dir));
    const r = await run(['annotations', 'import', dir, file, '--reviewer', 'alice']);
    expect(r).toMatchObject({ code: 0, err: '', out: 'imported 1 annotations for alice\n' });
    const stats = JSON.parse((await run(['stats', dir, '--json'])).out);
    expect(stats).toMatchObject({ spans: 1, byLabel: { indicator: 1 } });
    expect(Object.keys(stats.byReviewer)).toEqual(['alice']);
  });

  it.each(['json', 'jsonl'])('carries a dataset to another project: its own %s export imports with each reviewer, and a second import adds nothing', async (format) => {
    const from = await newsProject();
    const lines = join(scratch(), 'two.jsonl');
    writeFileSync(lines, [line(from, Q, { reviewer: 'alice' }), line(from, Q, { reviewer: 'bob', label: 'indicator', fields: { value: 400 } })].join('\n'));
    expect(await run(['annotations', 'import', from, lines])).toMatchObject({ code: 0, out: 'imported 2 annotations: 1 for alice, 1 for bob\n' });
    const out = join(scratch(), `dataset.${format}`);
    expect((await run(['export', from, '--format', format, '--out', out])).code).toBe(0);
    const to = await newsProject();
    expect(await run(['annotations', 'import', to, out])).toMatchObject({ code: 0, err: '', out: 'imported 2 annotations: 1 for alice, 1 for bob\n' });
    expect(await run(['annotations', 'import', to, out])).toMatchObject({ code: 0, out: 'imported 0 annotations\n2 already there, not added again\n' });
    const stats = JSON.parse((await run(['stats', to, '--json'])).out);
    expect(stats).toMatchObject({ spans: 2, byLabel: { indicator: 1, lesson: 1 }, byReviewer: { alice: { spans: 1 }, bob: { spans: 1 } } });
  });

  it('imports the good lines, reports the bad ones and exits 1', async () => {
    const dir = await newsProject();
    const file = join(scratch(), 'a.jsonl');
    writeFileSync(file, [line(dir, Q), line(dir, Q, { label: 'indicator', fields: { value: 'many' } }), line(dir, Q, { label: 'nope' })].join('\n'));
    const r = await run(['annotations', 'import', dir, file, '--reviewer', 'alice']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^imported 1 annotations for alice\n2 not imported:\n {2}! line 2: field "value" of Indicator takes a number, not "many"\n {2}! line 3: no label "nope"/);
    const json = await run(['annotations', 'import', dir, file, '--reviewer', 'bob', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ reviewer: 'bob', imported: 1, rejected: [{ line: 2 }, { line: 3 }] });
  });

  it.each<[string, (at: string, dir: string) => string[], RegExp]>([
    ['a missing file', (at) => [join(at, 'missing.json'), '--reviewer', 'alice'], /missing\.json: no such file/],
    ['a folder', (at) => [at, '--reviewer', 'alice'], /: is a directory, not a file/],
    ['an empty file', (at) => [join(at, 'empty.jsonl'), '--reviewer', 'alice'], /empty\.jsonl: file is empty/],
    ['a binary file', (at) => [join(at, 'a.zip'), '--reviewer', 'alice'], /a\.zip: file looks binary/],
    ['a reviewer name that is not one', (at) => [join(at, 'good.jsonl'), '--reviewer', '../x'], /--reviewer: .*a reviewer name is letters/],
  ])('refuses %s with one line, creating nothing', async (_what, args, message) => {
    const dir = await newsProject();
    const at = scratch();
    writeFileSync(join(at, 'empty.jsonl'), '');
    writeFileSync(join(at, 'a.zip'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]));
    writeFileSync(join(at, 'good.jsonl'), line(dir, Q));
    const before = snapshot(dir);
    const r = await run(['annotations', 'import', dir, ...args(at, dir)]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(snapshot(dir)).toEqual(before);
  });

  it.each<[string, (dir: string) => string, RegExp]>([
    ['a file of another kind', () => '{"hello": "world"}\n', /could not tell the format/],
    ['lines that are all rejected', (dir) => line(dir, Q, { label: '指标', fields: { year: '去年' } }), /line 1: field "year" of Indicator takes a number/],
  ])('reports %s, exits 1 and creates no reviewer file', async (_what, content, reason) => {
    const dir = await newsProject();
    const file = join(scratch(), 'a.jsonl');
    writeFileSync(file, content(dir));
    const before = snapshot(dir);
    const r = await run(['annotations', 'import', dir, file, '--reviewer', 'alice']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^imported 0 annotations for alice\n/);
    expect(r.out).toMatch(reason);
    expect(snapshot(dir)).toEqual(before);
  });
});
