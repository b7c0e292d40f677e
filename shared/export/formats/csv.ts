import Papa from 'papaparse';
import { defaultLabelSchema, INDICATOR_FIELDS, type FieldValue, type LabelSchema } from '../../model/index.ts';
import { fileText } from '../input.ts';
import type { ExportView } from '../view.ts';
import type { ParsedSpan } from '../types.ts';
import { emptyResult, singleFile, type FormatCodec } from './codec.ts';

/**
 * One span a row, for spreadsheets. UTF-8 with a byte order mark, because Excel reads a CSV without
 * one in the system code page and garbles Chinese. Offsets are UTF-16 code units, and the column
 * names say so (start_utf16/end_utf16). Every schema field gets its own column, the indicator
 * fields first and always (metric … approx), so sheets built on the layout keep working.
 *
 * Text cells that start with = + - @ tab, return or ' get a leading apostrophe (OWASP's advice
 * against formula injection: a quote such as "=HYPERLINK(…)" must stay text in Excel). A leading
 * apostrophe is added to every cell starting with one too, so reading strips exactly one and the
 * text comes back unchanged.
 */

const BASE_COLUMNS = ['case_id', 'case_title', 'reviewer', 'label', 'start_utf16', 'end_utf16', 'quote', 'note'] as const;
const ID_COLUMN = 'span_id';
const FORMULA_START = /^['=+\-@\t\r]/;

export const guardCell = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);
export const unguardCell = (s: string): string => (s.startsWith("'") ? s.slice(1) : s);

export const csvFormat: FormatCodec = {
  steps: (view) => view.cases.length,

  write(view, progress) {
    const fieldKeys = fieldKeysOf(view);
    const fieldColumns = fieldKeys.map(columnOfField);
    const rows: (string | number)[][] = [];
    for (const c of view.cases) {
      for (const { span, quote } of c.spans) {
        rows.push([
          guardCell(c.data.id),
          guardCell(c.data.title),
          guardCell(span.reviewer),
          guardCell(span.label),
          span.start,
          span.end,
          guardCell(quote),
          guardCell(span.note),
          ...fieldKeys.map((key) => fieldCell(span.fields[key])),
          guardCell(span.id),
        ]);
      }
      progress.step();
    }
    const csv = Papa.unparse({ fields: [...BASE_COLUMNS, ...fieldColumns, ID_COLUMN], data: rows }, { newline: '\r\n' });
    return [{ path: 'dataset.csv', data: `\uFEFF${csv}\r\n` }];
  },

  read(files, options) {
    const result = emptyResult();
    const file = singleFile(files, result);
    if (!file) return result;
    const numeric = numericFields(options.schema ?? defaultLabelSchema());
    const parsed = Papa.parse<Record<string, string>>(fileText(file.data), { header: true, skipEmptyLines: true });
    // Spreadsheet row numbers: the header is row 1, so data row i is row i + 2.
    for (const error of parsed.errors) result.issues.push({ file: file.path, row: (error.row ?? 0) + 2, message: `CSV: ${error.message}` });
    const columns = parsed.meta.fields ?? [];
    const missing = ['case_id', 'label', 'start_utf16', 'end_utf16'].filter((c) => !columns.includes(c));
    if (missing.length > 0) {
      result.issues.push({ file: file.path, row: 1, message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (offsets must be start_utf16/end_utf16)` });
      return result;
    }
    const fieldColumns = columns.filter((c) => !isReserved(c));
    const titles = new Map<string, string>();

    parsed.data.forEach((row, i) => {
      const where = { file: file.path, row: i + 2 };
      const start = Number(row.start_utf16);
      const end = Number(row.end_utf16);
      const caseId = unguardCell(row.case_id ?? '');
      const label = unguardCell(row.label ?? '');
      if (caseId === '' || label === '') {
        result.issues.push({ ...where, message: 'case_id and label must not be empty' });
        return;
      }
      if (!isOffset(row.start_utf16) || !isOffset(row.end_utf16) || end < start) {
        result.issues.push({ ...where, message: `start_utf16/end_utf16 must be whole numbers with start ≤ end (got ${JSON.stringify(row.start_utf16)}, ${JSON.stringify(row.end_utf16)})` });
        return;
      }
      if (!titles.has(caseId)) titles.set(caseId, unguardCell(row.case_title ?? ''));
      const span: ParsedSpan = { caseId, start, end, label, quote: unguardCell(row.quote ?? ''), fields: {} };
      const reviewer = unguardCell(row.reviewer ?? '');
      if (reviewer !== '') span.reviewer = reviewer;
      const note = unguardCell(row.note ?? '');
      if (note !== '') span.note = note;
      const id = unguardCell(row[ID_COLUMN] ?? '');
      if (id !== '') span.id = id;
      for (const key of fieldColumns) {
        const cell = row[key] ?? '';
        const field = fieldOfColumn(key);
        if (cell !== '') span.fields![field] = readField(unguardCell(cell), numeric.has(field));
      }
      result.spans.push(span);
    });
    result.cases = [...titles].map(([id, title]) => ({ id, title }));
    return result;
  },
};

/** Indicator fields, then the other schema fields, then keys only spans use. */
function fieldKeysOf(view: ExportView): string[] {
  const keys = new Set(INDICATOR_FIELDS.map((f) => f.key));
  for (const label of view.dataset.schema.labels) for (const f of label.fields) keys.add(f.key);
  const extra = new Set<string>();
  for (const c of view.cases) for (const { span } of c.spans) for (const key of Object.keys(span.fields)) if (!keys.has(key)) extra.add(key);
  return [...keys, ...[...extra].sort()];
}

/**
 * A field named like a base column ("note", "label") would be read back as that column, so its
 * column is prefixed with "field_" (and so is a field already starting with "field_", to keep the
 * naming one-to-one).
 */
const FIELD_PREFIX = 'field_';
const isReserved = (column: string) => (BASE_COLUMNS as readonly string[]).includes(column) || column === ID_COLUMN;
const columnOfField = (key: string) => (isReserved(key) || key.startsWith(FIELD_PREFIX) ? FIELD_PREFIX + key : key);
const fieldOfColumn = (column: string) => (column.startsWith(FIELD_PREFIX) ? column.slice(FIELD_PREFIX.length) : column);

function fieldCell(value: FieldValue | undefined): string | number {
  if (value === undefined || value === null) return '';
  return typeof value === 'number' ? value : guardCell(value);
}

function numericFields(schema: LabelSchema): Set<string> {
  const keys = new Set<string>();
  for (const label of schema.labels) for (const f of label.fields) if (f.type === 'number' || f.type === 'year') keys.add(f.key);
  return keys;
}

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Numbers come back as numbers where the schema types the field as number or year. */
function readField(cell: string, numeric: boolean): FieldValue {
  return numeric && NUMBER.test(cell) ? Number(cell) : cell;
}

function isOffset(cell: string | undefined): boolean {
  return cell !== undefined && /^\d+$/.test(cell);
}
