import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../../model/index.ts';
import { exportDataset, parseExport } from '../index.ts';
import { buildDataset } from '../testing/datasets.ts';
import { guardCell, unguardCell } from './csv.ts';

const TEXT = '=HYPERLINK("x") 覆盖率达到26.82%, 较2019年"提升"\n7.6个百分点';
const dataset = () =>
  buildDataset(
    [{ id: 'c,1', text: TEXT, title: '标题, "引号"' }],
    [
      { caseId: 'c,1', start: 0, end: 15, label: 'policy', note: 'a "quoted"\nnote, with comma', fields: { issuer: '@admin', docNumber: '+86' } },
      { caseId: 'c,1', start: TEXT.indexOf('26.82%'), end: TEXT.indexOf('26.82%') + 6, label: 'indicator', fields: { metric: '覆盖率', value: 26.82, unit: '%', change: -7.6, changeUnit: 'pp', baselineYear: 2019, note: 'a field named note' } },
    ],
  );
const csvOf = () => exportDataset(dataset(), 'csv').files[0]!.data as string;

describe('csv export', () => {
  it('starts with a byte order mark so Excel reads UTF-8', () => {
    expect(csvOf().charCodeAt(0)).toBe(0xfeff);
  });

  it('has base columns with the offset unit in their names, then the indicator fields in schema order', () => {
    const header = csvOf().slice(1).split('\r\n')[0]!.split(',');
    expect(header.slice(0, 8)).toEqual(['case_id', 'case_title', 'reviewer', 'label', 'start_utf16', 'end_utf16', 'quote', 'note']);
    expect(header.slice(8, 18)).toEqual(['metric', 'value', 'unit', 'baseline', 'baselineYear', 'year', 'direction', 'change', 'changeUnit', 'approx']);
    expect(header).toContain('field_note');
    expect(header.at(-1)).toBe('span_id');
  });

  it('quotes commas, quotes and newlines the RFC 4180 way', () => {
    const csv = csvOf();
    expect(csv).toContain('"c,1","标题, ""引号"""');
    expect(csv).toContain('"a ""quoted""\nnote, with comma"');
  });

  it('keeps formulas as text with a leading apostrophe, and numbers as numbers', () => {
    const rows = Papa.parse<string[]>(csvOf().slice(1), { skipEmptyLines: true }).data;
    const [header, policy, indicator] = rows;
    const cell = (row: string[] | undefined, column: string) => row![header!.indexOf(column)];
    expect(cell(policy, 'quote')).toBe(`'=HYPERLINK("x")`);
    expect(cell(policy, 'issuer')).toBe("'@admin");
    expect(cell(policy, 'docNumber')).toBe("'+86");
    expect(cell(indicator, 'change')).toBe('-7.6');
    expect(cell(indicator, 'value')).toBe('26.82');
  });

  it.each(['=1+1', '+1', '-1', '@x', '\tx', '\rx', "'x", "''", 'plain', ''])('guards %j so that unguarding gives it back', (text) => {
    expect(unguardCell(guardCell(text))).toBe(text);
    expect(/^[=+\-@\t\r]/.test(guardCell(text))).toBe(false);
  });
});

describe('csv import', () => {
  it('reads numbers back as numbers where the schema types the field as number or year', () => {
    const parsed = parseExport('csv', exportDataset(dataset(), 'csv').files);
    expect(parsed.issues).toEqual([]);
    expect(parsed.cases).toEqual([{ id: 'c,1', title: '标题, "引号"' }]);
    expect(parsed.spans[1]!.fields).toEqual({ metric: '覆盖率', value: 26.82, unit: '%', change: -7.6, changeUnit: 'pp', baselineYear: 2019, note: 'a field named note' });
  });

  it('follows a project schema given to it', () => {
    // A deep copy: defaultLabelSchema() shares its field definitions with INDICATOR_FIELDS.
    const schema = structuredClone(defaultLabelSchema());
    schema.labels[0]!.fields.find((f) => f.key === 'value')!.type = 'text';
    const parsed = parseExport('csv', exportDataset(dataset(), 'csv').files, { schema });
    expect(parsed.spans[1]!.fields!.value).toBe('26.82');
  });

  it('reads a sheet saved by Excel (CRLF, BOM, fewer columns)', () => {
    const csv = '\uFEFFcase_id,label,start_utf16,end_utf16,quote,value\r\nhb-01,indicator,3,9,26.82%,26.82\r\n';
    expect(parseExport('csv', [{ path: 'x.csv', data: csv }])).toEqual({
      cases: [{ id: 'hb-01', title: '' }],
      spans: [{ caseId: 'hb-01', start: 3, end: 9, label: 'indicator', quote: '26.82%', fields: { value: 26.82 } }],
      issues: [],
    });
  });

  it.each([
    ['missing offset columns', 'case_id,label,start,end\r\nc,x,1,2\r\n', [{ row: 1, message: expect.stringMatching(/missing columns start_utf16, end_utf16/) }]],
    ['offsets that are not numbers', 'case_id,label,start_utf16,end_utf16\r\nc,x,one,2\r\nc,x,5,2\r\n', [{ row: 2, message: expect.stringMatching(/whole numbers/) }, { row: 3, message: expect.stringMatching(/start ≤ end/) }]],
    ['an empty label', 'case_id,label,start_utf16,end_utf16\r\nc,,1,2\r\n', [{ row: 2, message: 'case_id and label must not be empty' }]],
    ['a short row', 'case_id,label,start_utf16,end_utf16\r\nc,x,1,2\r\nc,x,1\r\n', [{ row: 3, message: expect.stringMatching(/^CSV: Too few fields/) }, { row: 3, message: expect.stringMatching(/whole numbers/) }]],
  ])('reports %s with its spreadsheet row', (_name, csv, issues) => {
    const parsed = parseExport('csv', [{ path: 'x.csv', data: csv }]);
    expect(parsed.issues).toEqual(issues.map((i) => expect.objectContaining({ file: 'x.csv', ...i })));
  });

  it('reports an unclosed quote', () => {
    const parsed = parseExport('csv', [{ path: 'x.csv', data: 'case_id,label,start_utf16,end_utf16\r\nc,x,1,"2\r\n' }]);
    expect(parsed.spans).toEqual([]);
    expect(parsed.issues.map((i) => i.message)).toContain('CSV: Quoted field unterminated');
  });
});
