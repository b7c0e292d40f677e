import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MISREAD_MD } from '../services/outline/outline.fixture.ts';
import { run, scratch, snapshot } from './cli.fixture.ts';

afterEach(() => vi.restoreAllMocks());

/** The misread file and a corrections file of edits a person wrote by hand, in a scratch folder. */
function inputs() {
  const at = scratch('casebench-structure-');
  const md = join(at, 'misread.md');
  writeFileSync(md, MISREAD_MD);
  const fixes = join(at, 'fixes.json');
  writeFileSync(
    fixes,
    JSON.stringify({
      documents: [
        {
          file: 'misread.md',
          edits: [
            { op: 'retitle', caseId: 'misread-01', title: '推进全民健康促进行动' },
            { op: 'set-part', caseId: 'misread-01', part: '健康促进篇' },
            { op: 'split', at: '（一）健全工作机制', titleFromParagraph: false, title: '健全工作机制' },
          ],
        },
      ],
    }),
  );
  return { at, md, fixes };
}

const cases = (dir: string) => (JSON.parse(readFileSync(join(dir, 'corpus', 'documents.json'), 'utf8')) as { documents: Array<{ caseIds: string[] }> }).documents[0]!.caseIds;
const titleOf = (dir: string, id: string) => {
  const { title, part, region } = (JSON.parse(readFileSync(join(dir, 'corpus', 'cases', `${id}.json`), 'utf8')) as { case: { title: string; part: string | null; region: string | null } }).case;
  return { title, part, region };
};

describe('init and import show the outline first and take a corrections file', () => {
  it('--preview prints the outline with its warnings and confidence, and creates nothing', async () => {
    const { at, md } = inputs();
    const dir = join(at, 'p');
    const r = await run(['init', dir, '--from', md, '--preview']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/misread\.md\n {2}\w[\w-]* · \d+ cases · utf-8/);
    expect(r.out).toMatch(/misread-01 {2}推进全民健康促进/);
    expect(r.out).toMatch(/一、工作背景 {2}\[background\]/);
    // The confidence once, in the outline's first line.
    expect(r.out.match(/confidence \d\.\d\d/g)).toHaveLength(1);
    expect(existsSync(dir)).toBe(false);
  });

  it('init applies the corrections (edits by paragraph text), keeps them, and structure prints and shares them', async () => {
    const { at, md, fixes } = inputs();
    const dir = join(at, 'p');
    const made = await run(['init', dir, '--from', md, '--corrections', fixes]);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/misread-01 {2}推进全民健康促进行动/);
    expect(made.out).toMatch(/misread-x1 {2}健全工作机制/);
    expect(made.out).toMatch(/3 corrections applied/);
    expect(cases(dir).slice(0, 2)).toEqual(['misread-01', 'misread-x1']);
    expect(titleOf(dir, 'misread-01')).toMatchObject({ title: '推进全民健康促进行动', part: '健康促进篇' });

    const listed = await run(['structure', dir]);
    expect(listed.out).toMatch(/^misread \(misread\.md\): 3 corrections$/m);
    expect(listed.out).toMatch(/k3 {2}split at "（一）健全工作机制.*" \(offset \d+\), titled "健全工作机制" → misread-x1/);
    const json = await run(['structure', dir, '--json']);
    const shared = join(at, 'shared.json');
    writeFileSync(shared, json.out);
    expect(JSON.parse(json.out).documents[0].corrections.map((k: { op: string }) => k.op)).toEqual(['retitle', 'set-part', 'split']);

    // A teammate's project of the same file takes the same outline from the shared file.
    const other = join(at, 'q');
    await run(['init', other, '--from', md]);
    const applied = await run(['structure', other, shared]);
    expect(applied).toMatchObject({ code: 0, err: '' });
    expect(applied.out).toMatch(/^misread: \d+ cases · added misread-x1/m);
    expect(cases(other)).toEqual(cases(dir));
    expect(titleOf(other, 'misread-01')).toEqual(titleOf(dir, 'misread-01'));

    // Reloading with the same loader re-applies them and changes nothing.
    const reload = await run(['reload', dir]);
    expect(reload.out).toMatch(/^misread: \d+ cases$/m);
    expect(cases(dir)).toEqual(cases(other));
  });

  it('import takes a corrections file too, matched by file name', async () => {
    const { at, md, fixes } = inputs();
    const dir = join(at, 'p');
    await run(['init', dir, '--from', md]);
    writeFileSync(join(at, 'copy.md'), MISREAD_MD);
    const forCopy = join(at, 'copy.json');
    writeFileSync(forCopy, readFileSync(fixes, 'utf8').replace('"misread.md"', '"copy.md"').replaceAll('misread-01', 'copy-01'));
    const preview = await run(['import', dir, join(at, 'copy.md'), '--corrections', forCopy, '--preview']);
    expect(preview.out).toMatch(/copy-01 {2}推进全民健康促进行动/);
    expect((JSON.parse(readFileSync(join(dir, 'corpus', 'documents.json'), 'utf8')) as { documents: unknown[] }).documents).toHaveLength(1);
    const r = await run(['import', dir, join(at, 'copy.md'), '--corrections', forCopy]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/3 corrections applied/);
    expect(titleOf(dir, 'copy-01')).toMatchObject({ title: '推进全民健康促进行动', part: '健康促进篇' });
    // A corrections file that names none of the files given was meant for other files: refused, nothing added.
    const before = snapshot(dir);
    const again = await run(['import', dir, md, '--corrections', forCopy]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/copy\.json names none of the files given \(misread\.md\)/);
    expect(snapshot(dir)).toEqual(before);
    // Given with a file it names, the files it does not name load as the loader reads them.
    writeFileSync(join(at, 'other.md'), MISREAD_MD);
    const forOther = join(at, 'other.json');
    writeFileSync(forOther, readFileSync(fixes, 'utf8').replace('"misread.md"', '"other.md"').replaceAll('misread-01', 'other-01'));
    const both = await run(['import', dir, join(at, 'other.md'), md, '--corrections', forOther]);
    expect(both).toMatchObject({ code: 0, err: '' });
    expect(both.out).toMatch(/loaded misread\.md: .* \(misread-2\)/);
    expect(titleOf(dir, 'other-01').title).toBe('推进全民健康促进行动');
    expect(titleOf(dir, 'misread-2-01').title).not.toBe('推进全民健康促进行动');
  });

  it('import of a file again, with the corrections its first copy has, gives the new splits ids of their own', async () => {
    const { at, md, fixes } = inputs();
    const dir = join(at, 'p');
    await run(['init', dir, '--from', md, '--corrections', fixes]);
    const shared = join(at, 'shared.json');
    writeFileSync(shared, (await run(['structure', dir, '--json'])).out);
    const r = await run(['import', dir, md, '--corrections', shared]);
    expect(r).toMatchObject({ code: 0, err: '' });
    const docs = (JSON.parse(readFileSync(join(dir, 'corpus', 'documents.json'), 'utf8')) as { documents: Array<{ id: string; caseIds: string[] }> }).documents;
    expect(docs.map((d) => d.id)).toEqual(['misread', 'misread-2']);
    const [first, second] = [docs[0]!, docs[1]!];
    expect(first.caseIds.filter((id) => second.caseIds.includes(id))).toEqual([]);
    expect(second.caseIds).toContain('misread-2-x1');
    // The first copy's split case is untouched.
    expect(titleOf(dir, 'misread-x1').title).toBe('健全工作机制');
    expect((JSON.parse(readFileSync(join(dir, 'corpus', 'cases', 'misread-x1.json'), 'utf8')) as { case: { documentId: string } }).case.documentId).toBe('misread');
    expect(titleOf(dir, 'misread-2-x1').title).toBe('健全工作机制');
  });

  it.each([
    ['not JSON', '{', /fixes\.json: not valid JSON/],
    // An even number of ASCII bytes is JSON (UTF-8), not UTF-16 read into CJK characters.
    ['JSON cut short', '{"documents": [\n', /fixes\.json: not valid JSON \([^\u3400-\u9fff]*\)$/m],
    ['not UTF-8', Buffer.from([0x7b, 0x22, 0xc4, 0xe3, 0x22, 0x7d]), /fixes\.json: not UTF-8 text/],
    ['for files not given', JSON.stringify({ documents: [{ file: 'elsewhere.md', edits: [] }] }), /fixes\.json names none of the files given \(misread\.md\)/],
    ['not a corrections file', '{"documents": [{"corrections": []}]}', /name the document/],
    ['an edit that cannot be made', JSON.stringify({ documents: [{ file: 'misread.md', edits: [{ op: 'split', at: '没有这一段', titleFromParagraph: true }] }] }), /fixes\.json: edit 1 \(split\) of misread\.md: no paragraph starts with "没有这一段"/],
  ])('refuses %s and creates nothing', async (_what, content: string | Buffer, message) => {
    const { at, md, fixes } = inputs();
    writeFileSync(fixes, content);
    const dir = join(at, 'p');
    const before = snapshot(at);
    const r = await run(['init', dir, '--from', md, '--corrections', fixes]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(snapshot(at)).toEqual(before);
  });
});

describe('structure applies a corrections file all or nothing', () => {
  /** A project of two files, misread.md and copy.md (the same text). */
  async function twoDocuments() {
    const { at, md } = inputs();
    const copy = join(at, 'copy.md');
    writeFileSync(copy, MISREAD_MD);
    const dir = join(at, 'p');
    await run(['init', dir, '--from', md, copy]);
    return { at, dir };
  }

  it.each([
    [
      'corrections for another document (none of them is anchored in its file)',
      { documents: [{ documentId: 'misread', corrections: [{ op: 'retitle', id: 'k1', at: { start: 0, exact: '这段文字不在这份文件里', prefix: '' }, title: '新标题' }] }] },
      /fixes\.json: none of the corrections for misread fits its file \(misread\.md\): are they for another document\?/,
    ],
    [
      'a file whose second document cannot be corrected (the first is not corrected either)',
      {
        documents: [
          { documentId: 'misread', edits: [{ op: 'retitle', caseId: 'misread-01', title: '新标题' }] },
          { documentId: 'copy', edits: [{ op: 'split', at: '没有这一段', titleFromParagraph: true }] },
        ],
      },
      /fixes\.json: edit 1 \(split\) of copy\.md: no paragraph starts with "没有这一段"/,
    ],
  ])('refuses %s and changes nothing', async (_what, file, message) => {
    const { at, dir } = await twoDocuments();
    const fixes = join(at, 'fixes.json');
    writeFileSync(fixes, JSON.stringify(file));
    const before = snapshot(dir);
    const r = await run(['structure', dir, fixes]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(snapshot(dir)).toEqual(before);
  });
});

