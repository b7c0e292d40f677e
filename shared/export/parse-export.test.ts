import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportDataset, parseExport, type ExportFile, type FormatId, type ParseResult } from './index.ts';
import { buildDataset } from './testing/datasets.ts';

/** Readers must turn bad input into issues: a thrown error caught by parseExport's safety net is a reader bug. */
function readsWithoutCrashing(format: FormatId, files: ExportFile[]): ParseResult {
  const result = parseExport(format, files);
  expect(result.issues.filter((i) => i.message.startsWith('could not read'))).toEqual([]);
  return result;
}

const formats = EXPORT_FORMATS.map((f) => [f.id] as const);
const garbage: [string, ExportFile[]][] = [
  ['no files', []],
  ['an empty file', [{ path: 'x', data: '' }]],
  ['binary bytes', [{ path: 'x', data: new Uint8Array([0xff, 0xfe, 0, 1, 0x80, 0x81]) }]],
  ['null', [{ path: 'x', data: 'null' }]],
  ['an empty object', [{ path: 'x', data: '{}' }]],
  ['an empty list', [{ path: 'x', data: '[]' }]],
  ['a list of nulls', [{ path: 'x', data: '[null, 1, "a", [], {}]' }]],
  ['deeply wrong types', [{ path: 'x', data: '{"cases": 5, "spans": "no", "items": {}, "first": [], "data": 1}' }]],
  ['an XML bomb of nesting', [{ path: 'x', data: '<a>'.repeat(2000) }]],
];

describe.each(formats)('reading malformed %s input', (format) => {
  it.each(garbage)('never throws on %s', (_name, files) => {
    const result = readsWithoutCrashing(format, files);
    expect(result.spans).toEqual([]);
  });

  it('never throws on random text or bytes (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.uint8Array({ maxLength: 64 })), (data) => {
        readsWithoutCrashing(format, [{ path: 'x.txt', data }]);
      }),
      { numRuns: 80 },
    );
  });

  it('never throws on a real export with characters changed at random (property)', () => {
    const dataset = buildDataset([{ id: 'c1', text: '😀素养26.82%\n𠀀提升' }], [{ caseId: 'c1', start: 4, end: 10, label: 'indicator', note: 'n', fields: { value: 1 } }]);
    const files = exportDataset(dataset, format).files;
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.constantFrom('', '"', '{', '}', '\t', '\n', '<', '9', '-1', 'x'), (fileIndex, position, replacement) => {
        const corrupted = files.map((f, i) => {
          if (i !== fileIndex % files.length) return f;
          const data = f.data;
          if (typeof data === 'string') {
            const at = position % (data.length + 1);
            return { ...f, data: data.slice(0, at) + replacement + data.slice(at + 1) };
          }
          const bytes = data.slice();
          if (bytes.length > 0) bytes[position % bytes.length] = bytes[position % bytes.length]! ^ 0x5a;
          return { ...f, data: bytes };
        });
        readsWithoutCrashing(format, corrupted);
      }),
      { numRuns: 80 },
    );
  });
});

describe('parseExport', () => {
  it('names the known formats when given an unknown one', () => {
    expect(parseExport('xlsx' as FormatId, []).issues).toEqual([{ message: expect.stringMatching(/unknown format "xlsx"; known formats: json, jsonl/) }]);
  });

  it('drops spans whose offsets do not fit their case text, saying so', () => {
    const data = JSON.stringify({ cases: [{ id: 'c', text: 'a😀' }], spans: [{ caseId: 'c', start: 0, end: 9, label: 'x', quote: { exact: 'a' } }, { caseId: 'c', start: 2, end: 3, label: 'x', quote: { exact: '' } }] });
    const parsed = parseExport('json', [{ path: 'd.json', data }]);
    expect(parsed.spans).toEqual([]);
    expect(parsed.issues.slice(1).map((i) => i.message)).toEqual([
      'span in case c (0–9) ends beyond the case text (3 UTF-16 units); left out',
      'span in case c (2–3) splits a surrogate pair; left out',
    ]);
  });
});
