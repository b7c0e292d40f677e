import { describe, expect, it } from 'vitest';
import { exportDataset, parseExport } from '../index.ts';
import { buildDataset, withReviews } from '../testing/datasets.ts';

const dataset = () => {
  const ds = buildDataset([{ id: 'c1', text: '𠀀素养26.82%' }], [{ caseId: 'c1', start: 4, end: 10, label: 'indicator', fields: { value: 26.82 } }]);
  ds.orphans = [{ ...ds.spans[0]!, id: 'orphan', reviewer: 'bob', orphan: { previousStart: 1, previousEnd: 2, fromRevision: 1, reason: 'text changed' } }];
  return ds;
};

describe('json export', () => {
  it('is the dataset as it is, with a format tag, a version and the offset unit', () => {
    const out = JSON.parse(exportDataset(dataset(), 'json').files[0]!.data as string);
    expect(out).toEqual({ format: 'casebench-dataset', formatVersion: 2, offsetUnit: 'utf16', ...dataset() });
  });

  const section = { heading: '𠀀素养', numbering: '', level: 1, kinds: ['lessons' as const], start: 0, headingEnd: 4, end: 10, source: 'reviewer' as const, confirmed: true };
  const score = { ratings: { innovation: 4 }, evidence: { innovation: ['s1'] }, comment: '好', recommendation: 'include' as const, updatedAt: '2024-05-03T00:00:00.000Z' };
  const layered = () =>
    withReviews(dataset(), [
      { caseId: 'c1', reviewer: 'alice', review: { status: 'done', sections: [section], meta: { tags: ['X'], category: '慢病', year: 2023 }, score } },
      { caseId: 'c1', reviewer: 'bob', review: { status: 'in-progress' } },
    ]);

  it('holds every reviewer’s layers per case, the rubric, and the revision history', () => {
    const out = JSON.parse(exportDataset(layered(), 'json').files[0]!.data as string);
    expect(out.rubric.criteria.map((c: { id: string }) => c.id)).toEqual(['innovation', 'effectiveness', 'replicability', 'writing']);
    expect(out.schema.labels).toHaveLength(6);
    expect(out.cases[0].status).toEqual({ alice: 'done', bob: 'in-progress' });
    expect(out.cases[0].reviews).toEqual({ alice: { status: 'done', sections: [section], meta: { tags: ['X'], category: '慢病', year: 2023 }, score }, bob: { status: 'in-progress' } });
    expect(out.cases[0].revisions).toEqual([{ revision: 0, createdAt: '2024-05-01T08:00:00.000Z', author: 'casebench', note: 'loaded', length: 10 }]);
  });

  it.each([
    ['json', (data: string) => JSON.parse(data).cases[0]],
    ['jsonl', (data: string) => JSON.parse(data.trim())],
  ] as const)('%s: keeps only the chosen reviewers’ layers and statuses', (format, caseOf) => {
    const c = caseOf(exportDataset(layered(), format, { reviewers: ['bob'] }).files[0]!.data as string);
    expect(c.reviews).toEqual({ bob: { status: 'in-progress' } });
    if (format === 'json') expect(c.status).toEqual({ bob: 'in-progress' });
  });

  it.each(['json', 'jsonl'] as const)('%s: reads back sound layers and reports the bad part of a review by path', (format) => {
    const data = exportDataset(layered(), format).files[0]!.data as string;
    const broken = data.replace('"lessons"', '"conclusions"').replaceAll('"in-progress"', '"halfway"');
    const parsed = parseExport(format, [{ path: `d.${format}`, data: broken }]);
    expect(parsed.spans).toHaveLength(1);
    expect(parsed.cases[0]!.reviews).toEqual({ alice: { status: 'done', meta: { tags: ['X'], category: '慢病', year: 2023 }, score }, bob: {} });
    const prefix = format === 'json' ? 'cases[0].' : '';
    expect(parsed.issues.map((i) => i.message.slice(0, i.message.indexOf(': ')))).toEqual([`${prefix}reviews.alice.sections`, `${prefix}reviews.bob.status`]);
  });

  it('keeps only the chosen reviewers, orphans included', () => {
    const out = JSON.parse(exportDataset(dataset(), 'json', { reviewers: ['bob'] }).files[0]!.data as string);
    expect(out.spans).toEqual([]);
    expect(out.orphans.map((s: { id: string }) => s.id)).toEqual(['orphan']);
  });

  it.each([
    // The line comes from the engine's "at position N", where it gives one.
    ['malformed JSON', '{\n"cases": [],\n}', { line: 3, message: expect.stringMatching(/^malformed JSON: Expected double-quoted property name/) }],
    ['another kind of JSON', '[1, 2]', { message: 'not a casebench dataset: expected an object with "cases" and "spans" arrays' }],
    ['code point offsets', '{"format": "casebench-dataset", "offsetUnit": "codepoint", "cases": [], "spans": []}', { message: 'offsetUnit "codepoint" is not supported (expected "utf16")' }],
  ])('reports %s', (_name, data, issue) => {
    expect(parseExport('json', [{ path: 'd.json', data }]).issues).toEqual([{ file: 'd.json', ...issue }]);
  });

  it('reads what it understands of a newer version, and reports bad spans by index', () => {
    const data = JSON.stringify({ format: 'casebench-dataset', formatVersion: 9, cases: [{ id: 'c', text: 'abc' }], spans: [{ caseId: 'c', start: 0, end: 1, label: 'x', quote: { exact: 'a' } }, { caseId: 'c', start: -1 }] });
    const parsed = parseExport('json', [{ path: 'd.json', data }]);
    expect(parsed.spans).toEqual([{ caseId: 'c', start: 0, end: 1, label: 'x', quote: 'a' }]);
    expect(parsed.issues.map((i) => i.message)).toEqual([expect.stringMatching(/newer casebench \(formatVersion 9\)/), expect.stringMatching(/^spans\[1\]: start: Too small/)]);
  });
});

describe('jsonl export', () => {
  it('writes one case a line with sections and every reviewer’s spans', () => {
    const ds = dataset();
    ds.cases[0]!.sections = [{ heading: '一、背景', numbering: '一、', level: 1, kinds: ['background'], start: 0, headingEnd: 4, end: 10, source: 'loader', confirmed: true }];
    const line = JSON.parse((exportDataset(ds, 'jsonl').files[0]!.data as string).trim());
    expect(line).toEqual({
      id: 'c1',
      title: '案例1',
      region: '河北省',
      part: null,
      offsetUnit: 'utf16',
      text: '𠀀素养26.82%',
      sections: [{ heading: '一、背景', kinds: ['background'], level: 1, start: 0, end: 10 }],
      meta: { tags: [] },
      spans: [{ id: 's1', start: 4, end: 10, label: 'indicator', quote: '26.82%', fields: { value: 26.82 }, note: '', reviewer: 'alice' }],
    });
  });

  it('reports bad lines by number and reads the others', () => {
    const data = ['{"id": "a", "text": "xy", "spans": [{"start": 0, "end": 1, "label": "l", "quote": "x"}]}', 'not json', '{"id": "b"}', '', '{"id": "c", "text": "z", "spans": [{"start": "0"}]}'].join('\n');
    const parsed = parseExport('jsonl', [{ path: 'd.jsonl', data }]);
    expect(parsed.cases.map((c) => c.id)).toEqual(['a', 'c']);
    expect(parsed.spans).toEqual([{ caseId: 'a', start: 0, end: 1, label: 'l', quote: 'x' }]);
    expect(parsed.issues).toEqual([
      { file: 'd.jsonl', line: 2, message: expect.stringMatching(/^malformed JSON/) },
      { file: 'd.jsonl', line: 3, message: expect.stringMatching(/^not a case line: text/) },
      { file: 'd.jsonl', line: 5, message: expect.stringMatching(/^spans\[0\]: start/) },
    ]);
  });
});
