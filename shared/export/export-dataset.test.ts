import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportDataset, parseExport, type FormatId } from './index.ts';
import { buildDataset, type SpanInput } from './testing/datasets.ts';
import { buildExportView } from './view.ts';

// UTF-16: a 0, 𠀀 1–3, b 3, 健康素养 4–8, 26.82% 8–14.
const TEXT = 'a𠀀b健康素养26.82%';
const spans: SpanInput[] = [
  { caseId: 'c1', start: 3, end: 8, label: 'practice', reviewer: 'bob' },
  { caseId: 'c1', start: 8, end: 14, label: 'indicator', reviewer: 'alice' },
  { caseId: 'c1', start: 0, end: 1, label: 'zeta-extra', reviewer: 'carol' },
  { caseId: 'c1', start: 0, end: 1, label: 'alpha-extra', reviewer: 'carol' },
];
const dataset = () => buildDataset([{ id: 'c1', text: TEXT }], spans);

describe('what an export leaves out, and says so', () => {
  it.each([
    ['a span of an unknown case', { caseId: 'nope', start: 0, end: 1 }, 'unknown-case', /not in the dataset/],
    ['offsets past the end', { start: 5, end: 99 }, 'bad-offsets', /ends beyond the case text/],
    ['an end before the start', { start: 5, end: 4 }, 'bad-offsets', /end before its start/],
    ['an offset inside 𠀀', { start: 2, end: 4 }, 'bad-offsets', /surrogate pair/],
    ['offsets that are not whole numbers', { start: 1.5, end: 4 }, 'bad-offsets', /whole numbers/],
  ] as const)('%s', (_name, change, code, message) => {
    const ds = dataset();
    Object.assign(ds.spans[0]!, change);
    for (const format of EXPORT_FORMATS) {
      const result = exportDataset(ds, format.id);
      const warning = result.warnings.find((w) => w.spanId === ds.spans[0]!.id);
      expect(warning?.code).toBe(code);
      expect(warning?.message).toMatch(message);
      // The json format keeps the dataset as it is; every other format leaves the span out.
      if (format.id !== 'json') expect(parseExport(format.id, result.files).spans.length).toBe(spans.length - 1);
    }
  });

  it('writes the text at the offsets when a stored quote is stale, with a warning', () => {
    const ds = dataset();
    ds.spans[1]!.quote.exact = '26.8%';
    const result = exportDataset(ds, 'jsonl');
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'quote-mismatch', spanId: ds.spans[1]!.id })]);
    expect(parseExport('jsonl', result.files).spans.find((s) => s.label === 'indicator')?.quote).toBe('26.82%');
  });
});

describe('buildExportView', () => {
  it('orders labels as the schema does, then labels only spans use, sorted', () => {
    expect(buildExportView(dataset()).labels.map((l) => l.id)).toEqual(['indicator', 'lesson', 'practice', 'innovation', 'policy', 'challenge', 'alpha-extra', 'zeta-extra']);
  });

  it('lists reviewers sorted, or as asked', () => {
    expect(buildExportView(dataset()).reviewers).toEqual(['alice', 'bob', 'carol']);
    expect(buildExportView(dataset(), { reviewers: ['carol', 'alice', 'carol'] }).reviewers).toEqual(['carol', 'alice']);
  });

  it('orders spans by position whatever order the dataset has them in', () => {
    const ds = dataset();
    const reversed = { ...ds, spans: ds.spans.toReversed() };
    // json is the dataset as it is, in its own order; every other format sorts.
    for (const format of EXPORT_FORMATS.filter((f) => f.id !== 'json')) {
      expect(exportDataset(reversed, format.id).files).toEqual(exportDataset(ds, format.id).files);
    }
  });
});

describe('exportDataset', () => {
  it.each(EXPORT_FORMATS.map((f) => [f.id] as const))('%s reports progress from 0 to its total', (id) => {
    const calls: [number, number][] = [];
    exportDataset(dataset(), id, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls[0]).toEqual([0, calls[0]![1]]);
    expect(calls.at(-1)![0]).toBe(calls[0]![1]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
  });

  it.each(EXPORT_FORMATS.map((f) => [f.id] as const))('%s gives the same bytes for the same dataset', (id) => {
    expect(exportDataset(dataset(), id)).toEqual(exportDataset(dataset(), id));
  });

  it('exports the texts of a dataset without spans', () => {
    const ds = buildDataset([{ id: 'c1', text: TEXT }], []);
    for (const format of EXPORT_FORMATS.filter((f) => f.carries.caseText)) {
      expect(parseExport(format.id, exportDataset(ds, format.id).files).cases).toEqual([expect.objectContaining({ id: 'c1', text: TEXT })]);
    }
  });

  it('rejects an unknown format, naming the known ones', () => {
    expect(() => exportDataset(dataset(), 'xlsx' as FormatId)).toThrow(/unknown export format "xlsx"; known formats: json, jsonl/);
  });

  it('lays out files as the catalog says', () => {
    for (const format of EXPORT_FORMATS) {
      const files = exportDataset(dataset(), format.id).files;
      if (format.layout === 'file') expect(files.map((f) => f.path)).toEqual([`dataset.${format.extension}`]);
      else expect(files.some((f) => f.path.endsWith(`.${format.extension}`))).toBe(true);
    }
  });
});
