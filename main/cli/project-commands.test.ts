import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openProject } from '../services/open-project.ts';
import { caseText, NEWSPAPER, newsProject, run, scratch, snapshot, SEED, utf16 } from './cli.fixture.ts';
import { createOrNothing } from './project-commands.ts';
import { openCliProject, validatingApi } from './project.ts';

afterEach(() => vi.restoreAllMocks());

const C1 = 'newspaper-healthy-china-01';

/** Files for the error tables, made in a scratch folder. */
function inputs() {
  const at = scratch('casebench-inputs-');
  const file = (name: string, data: string | Uint8Array) => {
    writeFileSync(join(at, name), data);
    return join(at, name);
  };
  const dir = join(at, 'a-folder');
  mkdirSync(dir);
  return {
    at,
    dir,
    empty: file('empty.txt', ''),
    blank: file('blank.txt', ' \n\t\n'),
    binary: file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])),
    undecodable: file('latin.txt', Buffer.from([0x61, 0x62, 0x63, 0xff, 0x20, 0x64, 0x65, 0x66, 0x0a])),
    missing: join(at, 'missing.txt'),
    good: file('good.txt', '某市推进健康促进\n\n一、工作背景\n\n近年来，某市高度重视健康促进工作。\n'),
  };
}

/** Give `reviewer` one lesson span on case 01 (as the workbench would). */
async function annotate(dir: string, reviewer: string, quote = '遏制重大疾病发病势头') {
  const who = await openProject(dir, reviewer);
  const text = (await who.handlers.getCase({ caseId: C1 })).text;
  const at = text.indexOf(quote);
  await who.handlers.addSpan({ caseId: C1, start: at, end: at + quote.length, label: 'lesson' });
  await who.store.flush();
}

describe('casebench init', () => {
  it('creates a project from the given files, decoding GB18030 and UTF-16', async () => {
    const { at, good } = inputs();
    const gbk = join(at, 'gbk.txt');
    writeFileSync(gbk, iconv.encode(readFileSync(good, 'utf8'), 'gb18030'));
    const u16 = join(at, 'u16.txt');
    writeFileSync(u16, utf16(readFileSync(good, 'utf8')));
    const dir = join(scratch(), 'new', 'p');
    const made = await run(['init', dir, '--from', NEWSPAPER, gbk, u16, '--name', '报纸']);
    expect(made).toMatchObject({ code: 0, err: '' });
    expect(made.out).toMatch(/loaded newspaper-healthy-china-action-provinces\.txt: newspaper, 10 cases/);
    expect(made.out).toMatch(/created project "报纸" in .* with 12 cases/);
    expect(readdirSync(join(dir, 'reviews'))).toEqual([]);
  });

  it.each([
    ['a bad file among good ones', (i: ReturnType<typeof inputs>) => ['--from', NEWSPAPER, i.empty], [/empty\.txt: file is empty/, /no project was created: 1 of 2 files cannot be loaded/]],
    ['a missing file', (i: ReturnType<typeof inputs>) => ['--from', i.missing], [/missing\.txt: no such file/, /no project was created/]],
    ['a folder given as a file', (i: ReturnType<typeof inputs>) => ['--from', i.dir], [/a-folder: is a directory, not a file/]],
    ['a binary file', (i: ReturnType<typeof inputs>) => ['--from', i.good, i.binary], [/image\.txt: file looks binary/]],
    ['an undecodable file', (i: ReturnType<typeof inputs>) => ['--from', i.undecodable], [/latin\.txt: not valid UTF-8, UTF-16 or GB18030/]],
    ['an empty --name', (i: ReturnType<typeof inputs>) => ['--from', i.good, '--name', ' '], [/--name: /]],
  ])('creates nothing for %s', async (_what, args, messages) => {
    const i = inputs();
    for (const existing of [false, true]) {
      const dir = join(scratch(), 'p');
      if (existing) {
        mkdirSync(dir);
        writeFileSync(join(dir, 'notes.txt'), 'mine');
      }
      const r = await run(['init', dir, ...args(i)]);
      expect(r.code).toBe(1);
      for (const m of messages) expect(r.err).toMatch(m);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
      expect(existing ? readdirSync(dir) : existsSync(dir)).toEqual(existing ? ['notes.txt'] : false);
    }
  });

  it.each([
    ['a file', (i: ReturnType<typeof inputs>) => i.good, /good\.txt is a file, not a folder/],
    ['a path through a file', (i: ReturnType<typeof inputs>) => join(i.good, 'p'), /good\.txt is a file, not a folder/],
  ])('refuses %s as the project folder', async (_what, target, message) => {
    const i = inputs();
    const before = snapshot(i.at);
    const r = await run(['init', target(i), '--from', NEWSPAPER]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(snapshot(i.at)).toEqual(before);
  });

  it('refuses a folder that holds a project, changing nothing', async () => {
    const dir = await newsProject();
    const before = snapshot(dir);
    const r = await run(['init', dir, '--from', NEWSPAPER]);
    expect(r).toMatchObject({ code: 1, err: expect.stringMatching(/already holds a casebench project/) });
    expect(snapshot(dir)).toEqual(before);
  });

  it('removes what a failed creation made, and only that', async () => {
    const fresh = join(scratch(), 'a', 'b');
    await expect(
      createOrNothing(fresh, async () => {
        mkdirSync(join(fresh, 'corpus'), { recursive: true });
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(existsSync(join(fresh, '..'))).toBe(false);
    const existing = scratch();
    writeFileSync(join(existing, 'keep.txt'), 'x');
    await expect(
      createOrNothing(existing, async () => {
        writeFileSync(join(existing, 'casebench.json'), '{}');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readdirSync(existing)).toEqual(['keep.txt']);
  });
});

describe('casebench import', () => {
  it('adds every file', async () => {
    const dir = await newsProject();
    const r = await run(['import', dir, SEED('healthy-counties-2022-typical-experiences-table.txt'), inputs().good]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/loaded healthy-counties-2022-typical-experiences-table\.txt: county-table, 20 cases/);
    expect(r.out).toMatch(/loaded good\.txt: .*1 cases/);
    expect(JSON.parse((await run(['stats', dir, '--json'])).out).cases).toBe(31);
  });

  it.each([
    ['an empty file among good ones', (i: ReturnType<typeof inputs>) => [i.good, i.empty], [/empty\.txt: file is empty/, /nothing was imported: 1 of 2 files cannot be loaded \(.*empty\.txt\)/]],
    ['a missing file', (i: ReturnType<typeof inputs>) => [i.missing], [/missing\.txt: no such file/]],
    ['a folder', (i: ReturnType<typeof inputs>) => [i.dir], [/is a directory, not a file/]],
    ['several bad files', (i: ReturnType<typeof inputs>) => [i.binary, i.blank, i.good], [/image\.txt: file looks binary/, /blank\.txt: file contains only whitespace/, /2 of 3 files/]],
  ])('imports nothing for %s', async (_what, files, messages) => {
    const dir = await newsProject();
    const before = snapshot(dir);
    const r = await run(['import', dir, ...files(inputs())]);
    expect(r.code).toBe(1);
    for (const m of messages) expect(r.err).toMatch(m);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('casebench revise', () => {
  const NEW = (text: string) => text.replace('遏制重大疾病发病势头', '遏制重大疾病的发病势头');

  it.each([
    ['UTF-8', (t: string) => Buffer.from(t)],
    ['UTF-8 with BOM and CRLF', (t: string) => Buffer.from('\ufeff' + t.replace(/\n/g, '\r\n'))],
    ['UTF-16 with BOM', (t: string) => utf16(t)],
    ['GB18030', (t: string) => iconv.encode(t, 'gb18030')],
  ])('stores a %s revision, re-anchors, and makes no reviewer file for its author', async (_enc, encode) => {
    const dir = await newsProject();
    await annotate(dir, 'alice');
    const next = NEW(caseText(dir, C1).text);
    const file = join(scratch(), 'new.txt');
    writeFileSync(file, encode(next));
    const r = await run(['revise', dir, C1, file, '--note', 'typo']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/case newspaper-healthy-china-01 is now at revision 1/);
    expect(r.out).toMatch(/alice: unchanged 0, moved 0, re-found 1, orphaned 0|alice: unchanged 0, moved 1/);
    expect(caseText(dir, C1)).toEqual({ text: next, revisions: 2, author: 'editor' });
    expect(readdirSync(join(dir, 'reviews')).sort()).toEqual(['alice.json', 'alice.spans']);
  });

  it('records --reviewer as the author and rewrites an existing reviewer’s spans now', async () => {
    const dir = await newsProject();
    await annotate(dir, 'alice');
    const file = join(scratch(), 'new.txt');
    writeFileSync(file, NEW(caseText(dir, C1).text));
    const r = await run(['revise', dir, C1, file, '--reviewer', 'alice', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ caseId: C1, revision: 1, orphaned: 0 });
    expect(caseText(dir, C1).author).toBe('alice');
    const spans = JSON.parse(readFileSync(join(dir, 'reviews', 'alice.spans', `${C1}.json`), 'utf8')).spans;
    expect(spans[0]).toMatchObject({ revision: 1, quote: { exact: '遏制重大疾病的发病势头' } });
    // A new name is only recorded as the author.
    writeFileSync(file, NEW(NEW(caseText(dir, C1).text)) + '\n补充一句。');
    expect((await run(['revise', dir, C1, file, '--reviewer', 'carol'])).code).toBe(0);
    expect(caseText(dir, C1).author).toBe('carol');
    expect(existsSync(join(dir, 'reviews', 'carol.json'))).toBe(false);
  });

  it.each([
    ['an empty file', (i: ReturnType<typeof inputs>) => [C1, i.empty], /empty\.txt: file is empty/],
    ['a blank file', (i: ReturnType<typeof inputs>) => [C1, i.blank], /blank\.txt: file contains only whitespace/],
    ['a missing file', (i: ReturnType<typeof inputs>) => [C1, i.missing], /missing\.txt: no such file/],
    ['a folder', (i: ReturnType<typeof inputs>) => [C1, i.dir], /a-folder: is a directory, not a file/],
    ['a binary file', (i: ReturnType<typeof inputs>) => [C1, i.binary], /image\.txt: file looks binary/],
    ['an undecodable file', (i: ReturnType<typeof inputs>) => [C1, i.undecodable], /latin\.txt: not valid UTF-8, UTF-16 or GB18030/],
    ['an unknown case', (i: ReturnType<typeof inputs>) => ['no-such-case', i.good], /no case "no-such-case" in this project/],
    ['a reviewer name that is not one', (i: ReturnType<typeof inputs>) => [C1, i.good, '--reviewer', '../x'], /--reviewer: .*a reviewer name is letters/],
  ])('refuses %s and changes nothing', async (_what, args, message) => {
    const dir = await newsProject();
    await annotate(dir, 'alice');
    const before = snapshot(dir);
    const r = await run(['revise', dir, ...args(inputs())]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(snapshot(dir)).toEqual(before);
  });

  it('validates the payload as HTTP and IPC do (an empty text never reaches the service)', async () => {
    const dir = await newsProject();
    const { service, store } = await openCliProject(dir);
    const api = validatingApi(service.handlers);
    await expect(api.reviseText({ caseId: C1, text: '' })).rejects.toThrow(/reviseText: text: /);
    await expect(api.addSpan({ caseId: C1, start: 5, end: 5, label: 'lesson' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(api.stats({ extra: 1 } as never)).rejects.toMatchObject({ code: 'invalid-input' });
    expect(store.getCase(C1)!.revisions).toHaveLength(1);
  });
});

describe('casebench stats', () => {
  it('counts by case, label, reviewer and status, as text and JSON', async () => {
    const dir = await newsProject();
    await annotate(dir, 'alice');
    const text = await run(['stats', dir]);
    expect(text).toMatchObject({ code: 0, err: '' });
    expect(text.out).toMatch(/^10 cases · 1 spans · 0 orphans$/m);
    expect(text.out).toMatch(/^by label: {4}lesson 1$/m);
    // The annotated case moved to 在审 by itself (issue 13, item 8).
    expect(text.out).toMatch(/^reviewer alice: 1 spans in 1 cases · todo 9 · in-progress 1/m);
    expect(text.out).toMatch(/^ {2}newspaper-healthy-china-01 {2}1 {2}lesson:1$/m);
    const json = JSON.parse((await run(['stats', dir, '--json'])).out);
    expect(json).toMatchObject({ cases: 10, spans: 1, byLabel: { lesson: 1 } });
    expect(Object.keys(json.byReviewer)).toEqual(['alice']);
  });

  it.each([
    ['a file', (dir: string) => join(dir, 'casebench.json'), /casebench\.json is a file, not a project folder/],
    ['a missing folder', (dir: string) => join(dir, 'nope'), /nope: no such folder/],
    ['a folder without a project', (dir: string) => join(dir, 'corpus'), /is not a casebench project \(no casebench\.json\)/],
  ])('refuses %s', async (_what, target, message) => {
    const dir = await newsProject();
    const r = await run(['stats', target(dir)]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
  });

  it.each([
    ['a file written by a newer casebench', 'schema.json', (s: string) => s.replace('"schemaVersion":1', '"schemaVersion":2'), /schema\.json was written by a newer casebench \(schema 2/],
    ['a corrupt file with no backup', 'rubric.json', () => 'garbage{', /rubric\.json is corrupt .* Nothing was changed/],
  ])('refuses %s with one line and exit 1', async (_what, name, corrupt, message) => {
    const dir = await newsProject();
    writeFileSync(join(dir, name), corrupt(readFileSync(join(dir, name), 'utf8')));
    for (const b of readdirSync(join(dir, 'backups')).filter((f) => f.startsWith(name))) rmSync(join(dir, 'backups', b));
    const r = await run(['stats', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('reports a repaired corrupt file on stderr', async () => {
    const dir = await newsProject();
    expect(readdirSync(join(dir, 'backups')).some((f) => f.startsWith('rubric.json'))).toBe(true);
    writeFileSync(join(dir, 'rubric.json'), 'garbage{');
    const r = await run(['stats', dir]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^warning: .*rubric\.json.* corrupt.*restored/m);
    expect(r.out).toMatch(/^10 cases/);
    // Every command reports it, also one that then fails.
    writeFileSync(join(dir, 'rubric.json'), 'garbage{');
    const failed = await run(['revise', dir, 'no-such-case', NEWSPAPER]);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/^warning: .*rubric\.json.* corrupt[^]*\nerror: no case "no-such-case"/m);
  });
});
