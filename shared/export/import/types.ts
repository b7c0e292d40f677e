import type { FieldValue } from '../../model/index.ts';
import type { OffsetUnit } from '../types.ts';

/**
 * Files `casebench annotations import` understands: casebench's import lines, its own JSON and
 * JSONL dataset exports, a Label Studio export and a doccano export.
 */
export const IMPORT_FORMATS = ['casebench-jsonl', 'casebench-json', 'casebench-dataset-jsonl', 'labelstudio', 'doccano'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * How an imported record names its case; resolving it against the project is the caller's job.
 *  - 'id-or-title': a casebench line's "case", which may be either (try the id first);
 *  - 'id': a case id the file carries (data.case_id, case_id), with the text the file has for it;
 *  - 'text': no id, only the full text of the case, to be matched exactly.
 */
export type CaseRef =
  | { kind: 'id-or-title'; value: string }
  | { kind: 'id'; value: string; text: string; title?: string }
  | { kind: 'text'; value: string; title?: string };

export interface ImportedSpan {
  /** Where the record is, for messages: "line 3", "task #2, annotation 1, result 4". */
  where: string;
  /** 1-based line, for line-based files. */
  line?: number;
  caseRef: CaseRef;
  /** The record's own id, when the file has one (Label Studio region ids). */
  id?: string;
  start: number;
  end: number;
  /** What start/end count. Label Studio and doccano records are already converted to 'utf16'. */
  unit: OffsetUnit;
  label: string;
  quote?: string;
  fields?: Record<string, FieldValue>;
  note?: string;
  reviewer?: string;
}

export interface ImportError {
  line?: number;
  message: string;
}

export interface ImportResult {
  /** The format read, or null when it could not be told. */
  format: ImportFormat | null;
  spans: ImportedSpan[];
  errors: ImportError[];
}

export interface ImportHint {
  /** Skip detection. */
  format?: ImportFormat;
  /** Unit of casebench lines without a "unit" field; 'utf16' by default. */
  unit?: OffsetUnit;
}
