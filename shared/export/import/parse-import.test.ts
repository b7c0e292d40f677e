import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDataset } from '../index.ts';
import { buildDataset } from '../testing/datasets.ts';
import { detectImportFormat, parseImport } from './parse-import.ts';
import { IMPORT_FORMATS } from './types.ts';

const TEXT = '😀覆盖率达到26.82%';

describe('detectImportFormat', () => {
  it.each([
    ['casebench lines', '{"case": "hb-01", "start": 0, "end": 2, "label": "x"}\n', 'casebench-jsonl'],
    ['doccano lines', '{"id": 1, "text": "abc", "label": [[0, 1, "X"]]}\n', 'doccano'],
    ['doccano relation-mode lines', '{"text": "abc", "entities": [], "relations": []}', 'doccano'],
    ['a Label Studio export', '  [{"id": 1, "data": {"text": "abc"}, "annotations": []}]', 'labelstudio'],
    ['a pretty-printed Label Studio task', '{\n  "data": {"text": "abc"},\n  "annotations": []\n}', 'labelstudio'],
    ['a casebench JSON export', '{\n  "format": "casebench-dataset",\n  "formatVersion": 2,\n  "cases": [],\n  "spans": []\n}\n', 'casebench-json'],
    ['a casebench JSONL export', '{"id":"c1","title":"t","offsetUnit":"utf16","text":"abc","spans":[]}\n', 'casebench-dataset-jsonl'],
    ['a CSV file', 'case_id,label\nx,y\n', null],
    ['JSON of another kind', '{"hello": "world"}', null],
  ] as const)('tells %s', (_name, content, format) => {
    expect(detectImportFormat(content)).toBe(format);
  });
});

describe('parseImport: casebench lines', () => {
  it('reads records with a case reference, UTF-16 offsets by default, and a per-line unit', () => {
    const content = [
      '{"case": "hb-01", "start": 7, "end": 13, "label": "indicator", "quote": "26.82%", "fields": {"value": 26.82}, "reviewer": "model-v2"}',
      '',
      '{"case": "河北省健康促进", "start": 6, "end": 12, "label": "indicator", "unit": "codepoint", "note": "from Python"}',
    ].join('\n');
    expect(parseImport(content)).toEqual({
      format: 'casebench-jsonl',
      errors: [],
      spans: [
        { where: 'line 1', line: 1, caseRef: { kind: 'id-or-title', value: 'hb-01' }, unit: 'utf16', start: 7, end: 13, label: 'indicator', quote: '26.82%', fields: { value: 26.82 }, reviewer: 'model-v2' },
        { where: 'line 3', line: 3, caseRef: { kind: 'id-or-title', value: '河北省健康促进' }, unit: 'codepoint', start: 6, end: 12, label: 'indicator', note: 'from Python' },
      ],
    });
  });

  it('takes the default unit from the hint', () => {
    expect(parseImport('{"case": 3, "start": 0, "end": 1, "label": "x"}', { unit: 'codepoint' }).spans[0]).toMatchObject({ caseRef: { kind: 'id-or-title', value: '3' }, unit: 'codepoint' });
  });

  it('reports every malformed line with its number and a clear message, and keeps the good ones', () => {
    const content = [
      '{"case": "a", "start": 0, "end": 1, "label": "x"}',
      '{"case": "a", "start": 0, "end": 1, "label": "x"',
      '{"case": "a", "start": -1, "end": 1, "label": "x"}',
      '{"case": "a", "start": 5, "end": 1, "label": "x"}',
      '{"case": "a", "start": 0, "end": 1}',
      '{"case": "a", "start": "0", "end": 1, "label": "x"}',
      '{"case": "a", "start": 0, "end": 1, "label": "x", "unit": "bytes"}',
      '{"case": "", "start": 0, "end": 1.5, "label": "x"}',
      '[1, 2]',
    ].join('\n');
    const result = parseImport(content);
    expect(result.spans.map((s) => s.line)).toEqual([1]);
    expect(result.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^line 2: malformed JSON/),
      'line 3: start: Too small: expected number to be >=0',
      'line 4: end: must not be before start',
      'line 5: label: Invalid input: expected string, received undefined',
      'line 6: start: Invalid input: expected number, received string',
      expect.stringMatching(/^line 7: unit: Invalid option: expected one of "utf16"\|"codepoint"/),
      expect.stringMatching(/^line 8: case: .*; end: Invalid input: expected int, received number/),
      expect.stringMatching(/^line 9: Invalid input: expected object, received array/),
    ]);
  });
});

describe('parseImport: Label Studio and doccano exports', () => {
  const dataset = buildDataset([{ id: 'hb-01', text: TEXT, title: '河北' }], [{ caseId: 'hb-01', start: 7, end: 13, label: 'indicator', reviewer: 'li', note: '核对', fields: { value: 26.82 } }]);

  it('reads a Label Studio export, converting code points to UTF-16 with the task text', () => {
    const content = exportDataset(dataset, 'labelstudio').files[0]!.data as string;
    expect(parseImport(content)).toEqual({
      format: 'labelstudio',
      errors: [],
      spans: [{ where: 'task #1, annotation 1, result 1', caseRef: { kind: 'id', value: 'hb-01', text: TEXT, title: '河北' }, unit: 'utf16', id: 's1', start: 7, end: 13, label: 'indicator', quote: '26.82%', reviewer: 'li', note: '核对', fields: { value: 26.82 } }],
    });
  });

  it('refers to a case by its text when the task has no case id', () => {
    const tasks = [{ data: { text: TEXT }, annotations: [{ completed_by: 1, result: [{ type: 'labels', value: { start: 6, end: 12, text: '26.82%', labels: ['indicator'] } }] }] }];
    expect(parseImport(JSON.stringify(tasks)).spans[0]).toMatchObject({ caseRef: { kind: 'text', value: TEXT }, start: 7, end: 13, reviewer: '1' });
  });

  it('reads a doccano export, whose offsets are already UTF-16', () => {
    const content = exportDataset(dataset, 'doccano').files[0]!.data as string;
    expect(parseImport(content)).toEqual({
      format: 'doccano',
      errors: [],
      spans: [{ where: 'line 1', line: 1, caseRef: { kind: 'id', value: 'hb-01', text: TEXT, title: '河北' }, unit: 'utf16', start: 7, end: 13, label: 'indicator', quote: '26.82%', reviewer: 'li' }],
    });
  });

  it('reports doccano lines with spans outside their text, by line', () => {
    const content = '{"text": "abc", "label": [[0, 1, "X"]]}\n{"text": "abc", "label": [[2, 7, "X"]]}\n{"text": 5}';
    const result = parseImport(content, { format: 'doccano' });
    expect(result.spans).toHaveLength(1);
    expect(result.errors).toEqual([
      { line: 2, message: 'line 2: span 2–7 is not within the text (3 UTF-16 units)' },
      { line: 3, message: expect.stringMatching(/^line 3: not a doccano line: text/) },
    ]);
  });
});

describe('parseImport: casebench’s own JSON and JSONL exports', () => {
  const dataset = buildDataset(
    [{ id: 'hb-01', text: TEXT, title: '河北' }],
    [
      { caseId: 'hb-01', start: 7, end: 13, label: 'indicator', reviewer: 'li', note: '核对', fields: { value: 26.82 } },
      { caseId: 'hb-01', start: 0, end: 2, label: 'lesson', reviewer: 'Bob' },
    ],
  );
  const expected = [
    { caseRef: { kind: 'id', value: 'hb-01', text: TEXT, title: '河北' }, unit: 'utf16', start: 0, end: 2, label: 'lesson', quote: '😀', reviewer: 'Bob' },
    { caseRef: { kind: 'id', value: 'hb-01', text: TEXT, title: '河北' }, unit: 'utf16', start: 7, end: 13, label: 'indicator', quote: '26.82%', reviewer: 'li', note: '核对', fields: { value: 26.82 } },
  ];

  it.each([
    ['json', 'casebench-json'],
    ['jsonl', 'casebench-dataset-jsonl'],
  ] as const)('reads the %s export back, each span with its reviewer and case', (format, detected) => {
    const content = exportDataset(dataset, format).files[0]!.data as string;
    const result = parseImport(content);
    expect(result.format).toBe(detected);
    expect(result.errors).toEqual([]);
    const spans = result.spans.map(({ where: _w, line: _l, id: _id, ...rest }) => rest).sort((a, b) => a.start - b.start);
    expect(spans).toEqual(expected);
  });

  it('reports the bad parts of a casebench export with where they are', () => {
    const result = parseImport('{"format": "casebench-dataset", "cases": [{"id": 1}], "spans": [{"caseId": "x"}]}');
    expect(result.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^cases\[0\]: /), expect.stringMatching(/^spans\[0\]: /)]);
  });
});

describe('parseImport on anything', () => {
  it.each([
    ['an empty file', '', 'the file is empty'],
    ['whitespace', ' \n\t\n', 'the file is empty'],
    ['a CSV file', 'case,start\nx,1\n', /could not tell the format/],
  ])('reports %s', (_name, content, message) => {
    expect(parseImport(content).errors.map((e) => e.message)).toEqual([expect.stringMatching(message)]);
  });

  it('never throws, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.uint8Array({ maxLength: 64 })), fc.constantFrom(undefined, ...IMPORT_FORMATS), (content, format) => {
        const result = parseImport(content, format ? { format } : {});
        expect(Array.isArray(result.spans) && Array.isArray(result.errors)).toBe(true);
      }),
    );
  });
});
