import { describe, expect, it } from 'vitest';
import { exportDataset, parseExport } from '../index.ts';
import { buildDataset } from '../testing/datasets.ts';

const TEXT = '😀覆盖率26.82%';
const dataset = () =>
  buildDataset(
    [{ id: 'hb-01', text: TEXT, title: '河北' }],
    [
      { caseId: 'hb-01', start: 5, end: 11, label: 'indicator', reviewer: '张三', note: 'doccano has no place for this' },
      { caseId: 'hb-01', start: 0, end: 2, label: 'innovation', reviewer: 'alice' },
    ],
  );

describe('doccano export', () => {
  it('writes one JSONL file per reviewer, as doccano exports one per member', () => {
    expect(exportDataset(dataset(), 'doccano').files.map((f) => f.path)).toEqual(['alice.jsonl', '张三.jsonl']);
  });

  it('writes doccano lines with UTF-16 offsets, the unit doccano uses, and the case id as metadata', () => {
    const line = JSON.parse((exportDataset(dataset(), 'doccano').files[1]!.data as string).trim());
    // 😀 counts two: 26.82% is at 5–11, as TEXT.slice(5, 11) and doccano's JavaScript view have it.
    expect(line).toEqual({ id: 1, text: TEXT, label: [[5, 11, 'indicator']], case_id: 'hb-01', title: '河北', reviewer: '张三' });
    expect(TEXT.slice(5, 11)).toBe('26.82%');
  });

  it('writes all.jsonl when there are no spans', () => {
    expect(exportDataset(buildDataset([{ id: 'c', text: 'x' }], []), 'doccano').files.map((f) => f.path)).toEqual(['all.jsonl']);
  });
});

describe('doccano import', () => {
  it('reads both doccano shapes and takes the reviewer from the file name when lines do not say', () => {
    const data = [
      JSON.stringify({ id: 1, text: 'EU rejects German call', label: [[0, 2, 'ORG']], case_id: 'a' }),
      JSON.stringify({ id: 2, text: 'Peter Blackburn', entities: [{ id: 9, label: 'PER', start_offset: 0, end_offset: 15 }], relations: [], case_id: 7 }),
    ].join('\n');
    const parsed = parseExport('doccano', [{ path: 'export/li.jsonl', data }]);
    expect(parsed.issues).toEqual([]);
    expect(parsed.spans).toEqual([
      { caseId: 'a', start: 0, end: 2, label: 'ORG', quote: 'EU', reviewer: 'li' },
      { caseId: '7', start: 0, end: 15, label: 'PER', quote: 'Peter Blackburn', reviewer: 'li' },
    ]);
  });

  it.each([
    ['malformed JSON', '{"text": "a", ', { line: 1, message: expect.stringMatching(/malformed JSON/) }],
    ['a label that is not a triple', '{"text": "abc", "label": [[0, 1]], "case_id": "c"}', { line: 1, message: expect.stringMatching(/not a doccano line: label\.0/) }],
    ['no case id', '{"text": "abc", "label": [[0, 1, "X"]]}', { line: 1, message: 'no case_id; the line is left out' }],
    ['a span beyond the text', '\n{"text": "abc", "label": [[1, 9, "X"]], "case_id": "c"}', { line: 2, message: 'span 1–9 is beyond the text (3 UTF-16 units)' }],
  ])('reports %s with its line', (_name, data, issue) => {
    const parsed = parseExport('doccano', [{ path: 'all.jsonl', data }]);
    expect(parsed.spans).toEqual([]);
    expect(parsed.issues).toEqual([{ file: 'all.jsonl', ...issue }]);
  });
});
