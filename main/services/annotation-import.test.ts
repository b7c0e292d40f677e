import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../shared/ingest/index.ts';
import type { ImportReport } from '../../shared/api/types.ts';
import { decodeAnnotationFile, importAnnotations, labelResolver } from './annotation-import.ts';
import { createProject, openProject } from './open-project.ts';
import type { ProjectService } from './project-service.ts';

const SEED = join(import.meta.dirname, '../../seeds/newspaper-healthy-china-action-provinces.txt');
const C1 = 'newspaper-healthy-china-01';
const C2 = 'newspaper-healthy-china-02';

let template: string;
let texts: Record<string, string>;

beforeAll(async () => {
  template = join(mkdtempSync(join(tmpdir(), 'casebench-ann-')), 'p');
  const { service } = await createProject(template, [{ path: SEED }], 'news');
  await service.store.flush();
  texts = {};
  for (const id of [C1, C2]) texts[id] = (await service.handlers.getCase({ caseId: id })).text;
});

/** A fresh copy of the project, opened for alice. */
async function project(): Promise<ProjectService> {
  const { cpSync } = await import('node:fs');
  const dir = join(mkdtempSync(join(tmpdir(), 'casebench-ann-')), 'p');
  cpSync(template, dir, { recursive: true });
  return openProject(dir, 'alice');
}

/** A casebench line for `quote` (its first occurrence) in a case. */
function line(caseId: string, quote: string, extra: Record<string, unknown> = {}) {
  const start = texts[caseId]!.indexOf(quote);
  if (start < 0) throw new Error(`no "${quote}" in ${caseId}`);
  return JSON.stringify({ case: caseId, start, end: start + quote.length, label: 'lesson', quote, ...extra });
}

const Q = '400多名专家';

describe('importAnnotations', () => {
  it.each<[string, () => string, Partial<{ label: string; fields: Record<string, unknown>; note: string; caseId: string }>]>([
    ['a label by id', () => line(C1, Q, { label: 'indicator' }), { label: 'indicator', caseId: C1 }],
    ['a label by its Chinese name', () => line(C1, Q, { label: '指标' }), { label: 'indicator' }],
    ['a label by its English name, in any case', () => line(C1, Q, { label: 'INDICATOR' }), { label: 'indicator' }],
    ['a label by a two-word English name', () => line(C1, Q, { label: 'Policy document' }), { label: 'policy' }],
    ['a case by title', () => line(C1, Q).replace(`"case":"${C1}"`, '"case":"聚焦重点合力攻坚"'), { caseId: C1 }],
    ['number fields given as text, cleaned as addSpan cleans them', () => line(C1, Q, { label: '指标', fields: { value: '400', unit: '名', year: '2,023' } }), { fields: { value: 400, unit: '名', year: 2023 } }],
    ['an empty field, stored as null', () => line(C1, Q, { label: 'indicator', fields: { metric: '', value: 400 } }), { fields: { metric: null, value: 400 } }],
    ['a note', () => line(C1, Q, { note: '专家数' }), { note: '专家数' }],
    ['code-point offsets', () => line(C1, Q, { unit: 'codepoint' }), { caseId: C1 }],
  ])('imports %s', async (_what, content, expected) => {
    const service = await project();
    const report = await importAnnotations(service, content(), 'alice');
    expect(report).toEqual({ reviewer: 'alice', imported: 1, byReviewer: { alice: 1 }, renamed: [], duplicates: 0, rejected: [] });
    const spans = await service.spansOf('alice', C1);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ quote: { exact: Q }, origin: 'import', reviewer: 'alice', ...expected });
  });

  it.each<[string, () => string, RegExp]>([
    ['a non-numeric indicator value', () => line(C1, Q, { label: '指标', fields: { value: 'abc' } }), /line 1: field "value" of Indicator takes a number, not "abc"/],
    ['a non-numeric year', () => line(C1, Q, { label: 'indicator', fields: { year: '去年' } }), /field "year" of Indicator takes a number, not "去年"/],
    ['a choice not offered', () => line(C1, Q, { label: 'indicator', fields: { direction: 'sideways' } }), /field "direction" takes one of up, down, none/],
    ['a field value too long', () => line(C1, Q, { fields: { headline: 'x'.repeat(2001) } }), /fields\.headline: /],
    ['a note too long', () => line(C1, Q, { note: 'x'.repeat(20_001) }), /note: /],
    ['an unknown label', () => line(C1, Q, { label: 'nope' }), /no label "nope" in this project's schema \(labels: indicator \(指标, Indicator\), lesson/],
    ['an unknown case', () => line(C1, Q).replace(`"case":"${C1}"`, '"case":"no-such-case"'), /no case with id or title "no-such-case"/],
    ['a quote that does not match', () => line(C1, Q).replace(Q, '500多名专家'), /line 1: /],
    ['an empty span', () => JSON.stringify({ case: C1, start: 3, end: 3, label: 'lesson' }), /line 1: .*must not be empty|empty span/],
    ['a line whose offsets are not numbers', () => JSON.stringify({ case: C1, start: 'x', end: 3, label: 'lesson' }), /line 1: start/],
  ])('rejects %s, reporting it and storing nothing', async (_what, content, reason) => {
    const service = await project();
    const report = await importAnnotations(service, content(), 'alice');
    expect(report.imported).toBe(0);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]!.reason).toMatch(reason);
    expect(await service.spansOf('alice', C1)).toEqual([]);
  });

  it('imports the good lines of a file and reports the bad ones by line', async () => {
    const service = await project();
    const content = [line(C1, Q), line(C1, Q, { label: 'nope' }), line(C2, '健康江西'), line(C1, Q, { label: '指标', fields: { value: 'many' } })].join('\n');
    const report: ImportReport = await importAnnotations(service, content, 'alice');
    expect(report.imported).toBe(2);
    expect(report.rejected.map((r) => r.line)).toEqual([2, 4]);
  });

  it('reads a Label Studio export whose labels are the schema’s Chinese names', async () => {
    const service = await project();
    const text = texts[C1]!;
    const start = Array.from(text.slice(0, text.indexOf(Q))).length;
    const tasks = [
      {
        id: 1,
        data: { text, case_id: C1 },
        annotations: [{ result: [{ id: 'r1', type: 'labels', value: { start, end: start + Array.from(Q).length, text: Q, labels: ['指标'] }, meta: { fields: { value: '400', unit: '名' } } }] }],
      },
    ];
    const report = await importAnnotations(service, JSON.stringify(tasks), 'alice');
    expect(report).toEqual({ reviewer: 'alice', imported: 1, byReviewer: { alice: 1 }, renamed: [], duplicates: 0, rejected: [] });
    expect((await service.spansOf('alice', C1))[0]).toMatchObject({ label: 'indicator', fields: { value: 400, unit: '名' } });
  });

  it('reads a doccano export saved as UTF-16 with BOM', async () => {
    const service = await project();
    const text = texts[C2]!;
    const at = text.indexOf('健康江西');
    const doccano = JSON.stringify({ text, label: [[at, at + 4, '经验启示']] }) + '\n';
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doccano, 'utf16le')]));
    const report = await importAnnotations(service, decodeAnnotationFile(bytes, 'doccano.jsonl'), 'alice');
    expect(report).toEqual({ reviewer: 'alice', imported: 1, byReviewer: { alice: 1 }, renamed: [], duplicates: 0, rejected: [] });
    expect((await service.spansOf('alice', C2))[0]).toMatchObject({ label: 'lesson', quote: { exact: '健康江西' } });
  });

  it('undoes an import over several cases in one step', async () => {
    const service = await project();
    const report = await importAnnotations(service, [line(C1, Q), line(C2, '健康江西'), line(C2, '重点市县')].join('\n'), 'alice');
    expect(report.imported).toBe(3);
    expect((await service.handlers.historyState({})).undoLabel).toBe('import 3 annotations');
    await service.handlers.undo({});
    expect([...(await service.spansOf('alice', C1)), ...(await service.spansOf('alice', C2))]).toEqual([]);
    expect((await service.handlers.historyState({})).canUndo).toBe(false);
    await service.handlers.redo({});
    expect((await service.spansOf('alice', C1)).length + (await service.spansOf('alice', C2)).length).toBe(3);
  });

  it('gives each annotator of a Label Studio export a reviewer of their own, by created_username or completed_by', async () => {
    const service = await project();
    const text = texts[C1]!;
    const cp = (q: string) => Array.from(text.slice(0, text.indexOf(q))).length;
    const region = (q: string, label: string) => ({ type: 'labels', value: { start: cp(q), end: cp(q) + Array.from(q).length, text: q, labels: [label] } });
    const tasks = [
      {
        data: { text, case_id: C1 },
        annotations: [
          { completed_by: 7, created_username: ' li@example.org, 7', result: [region(Q, 'indicator')] },
          { completed_by: 9, result: [region(Q, 'indicator'), region('健康', 'lesson')] },
          { completed_by: { email: 'Alice' }, result: [region('健康', 'lesson')] },
        ],
      },
    ];
    const report = await importAnnotations(service, JSON.stringify(tasks), 'alice');
    expect(report).toMatchObject({ imported: 4, byReviewer: { 'li-example.org': 1, 'labelstudio-9': 2, alice: 1 }, rejected: [] });
    // Names a reviewer cannot have are made into ones it can; "Alice" is the project's alice (one folder on macOS and Windows).
    expect(report.renamed).toEqual([
      { from: 'li@example.org', to: 'li-example.org' },
      { from: '9', to: 'labelstudio-9' },
      { from: 'Alice', to: 'alice' },
    ]);
    expect((await service.spansOf('li-example.org', C1)).map((s) => s.quote.exact)).toEqual([Q]);
    expect((await service.spansOf('labelstudio-9', C1)).map((s) => s.label).sort()).toEqual(['indicator', 'lesson']);
    expect((await service.spansOf('alice', C1)).map((s) => s.label)).toEqual(['lesson']);
  });

  it('does not add a span a reviewer already has: a file imported twice adds nothing the second time', async () => {
    const service = await project();
    const content = [line(C1, Q), line(C2, '健康江西')].join('\n');
    expect(await importAnnotations(service, content, 'alice')).toMatchObject({ imported: 2, duplicates: 0 });
    expect(await importAnnotations(service, `${content}\n${line(C1, Q)}`, 'alice')).toMatchObject({ imported: 0, duplicates: 3, rejected: [] });
    expect(await service.spansOf('alice', C1)).toHaveLength(1);
  });

  it('refuses a record that names no annotator when no reviewer is given, and imports the others', async () => {
    const service = await project();
    const report = await importAnnotations(service, [line(C1, Q, { reviewer: 'bob' }), line(C2, '健康江西')].join('\n'), null);
    expect(report).toMatchObject({ reviewer: null, imported: 1, byReviewer: { bob: 1 } });
    expect(report.rejected).toEqual([{ line: 2, reason: 'line 2: the record names no annotator; give a reviewer (--reviewer) for such records' }]);
  });

  it('writes nothing, not even the reviewer’s file, when nothing is imported', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-ann-')), 'p');
    const { cpSync, existsSync } = await import('node:fs');
    cpSync(template, dir, { recursive: true });
    const service = await openProject(dir);
    const report = await importAnnotations(service, line(C1, Q, { label: 'nope' }), 'bob');
    expect(report.imported).toBe(0);
    await service.store.flush();
    expect(existsSync(join(dir, 'reviews', 'bob.json'))).toBe(false);
  });
});

describe('labelResolver', () => {
  const schema = {
    labels: [
      { id: 'indicator', name: { zh: '指标', en: 'Indicator' } },
      { id: 'lesson', name: { zh: '经验启示', en: 'Lesson' } },
      { id: 'a', name: { zh: '同名', en: 'Same' } },
      { id: 'b', name: { zh: '同名', en: 'indicator' } },
    ],
  } as Parameters<typeof labelResolver>[0];
  it.each([
    ['indicator', 'indicator'],
    ['指标', 'indicator'],
    ['lesson', 'lesson'],
    ['LESSON', 'lesson'],
    ['经验启示 ', 'lesson'],
    ['same', 'a'],
  ])('%s is %s', (name, id) => {
    const found = labelResolver(schema)(name);
    expect(typeof found === 'string' ? found : found.id).toBe(id);
  });
  it.each([
    ['同名', /fits several labels/],
    ['nope', /no label "nope"/],
  ])('%s is refused', (name, message) => {
    expect(labelResolver(schema)(name)).toMatch(message);
  });
});

describe('decodeAnnotationFile', () => {
  const TEXT = '{"case":"c","label":"指标","quote":"增长12.5%"}\n';
  it.each([
    ['UTF-8', Buffer.from(TEXT)],
    ['UTF-8 with BOM', Buffer.from('\ufeff' + TEXT)],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.from(iconv.encode(TEXT, 'utf16-be', { addBOM: true }))],
    ['GB18030', Buffer.from(iconv.encode(TEXT, 'gb18030'))],
  ])('decodes %s', (_enc, bytes) => {
    expect(decodeAnnotationFile(new Uint8Array(bytes), 'a.jsonl')).toBe(TEXT);
  });
  it.each([
    ['an empty file', Buffer.alloc(0), /a\.jsonl: file is empty/],
    ['a binary file', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), /a\.jsonl: file looks binary/],
  ])('refuses %s, naming it', (_what, bytes, message) => {
    expect(() => decodeAnnotationFile(new Uint8Array(bytes), 'a.jsonl')).toThrow(IngestError);
    expect(() => decodeAnnotationFile(new Uint8Array(bytes), 'a.jsonl')).toThrow(message);
  });
});
