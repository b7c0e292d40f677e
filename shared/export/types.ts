import type { FieldValue } from '../model/index.ts';

/**
 * What an offset counts. casebench stores UTF-16 code units (JavaScript string indexes); most
 * exchange formats count Unicode code points (Python string indexes). Every export states its unit.
 */
export type OffsetUnit = 'utf16' | 'codepoint';

/** One file of an export. Strings are text to be written as UTF-8; bytes are written as they are. */
export interface ExportFile {
  /** Relative POSIX path ("report.csv", "alice/hc2024-01.ann"). */
  path: string;
  data: string | Uint8Array;
}

/** Something an export could not carry faithfully, reported instead of silently dropped. */
export interface ExportWarning {
  code:
    | 'bad-offsets'
    | 'unknown-case'
    | 'quote-mismatch'
    | 'newline-trimmed'
    | 'newline-only'
    | 'empty-span'
    | 'overlap-dropped'
    | 'xml-char-replaced';
  message: string;
  spanId?: string;
  caseId?: string;
}

export interface ExportResult {
  files: ExportFile[];
  offsetUnit: OffsetUnit;
  mediaType: string;
  warnings: ExportWarning[];
}

export interface ExportOptions {
  /** Export only these reviewers' spans; all reviewers when absent. */
  reviewers?: string[];
  onProgress?: (done: number, total: number) => void;
}

/** A case as read back from an export. `text` is absent when the format does not carry case texts (csv). */
export interface ParsedCase {
  id: string;
  text?: string;
  title?: string;
}

/** A span as read back from an export or import, offsets in UTF-16 code units of its case text. */
export interface ParsedSpan {
  caseId: string;
  start: number;
  end: number;
  label: string;
  quote: string;
  id?: string;
  reviewer?: string;
  /** Present when the format carries fields. */
  fields?: Record<string, FieldValue>;
  note?: string;
}

/** A problem found while reading: where it is and what is wrong, in words a user can act on. */
export interface ParseIssue {
  /** The file, for multi-file formats. */
  file?: string;
  /** 1-based line, where the format has lines. */
  line?: number;
  /** 1-based spreadsheet row of a CSV file (the header is row 1); a quoted cell may span several lines. */
  row?: number;
  message: string;
}

export interface ParseResult {
  cases: ParsedCase[];
  spans: ParsedSpan[];
  issues: ParseIssue[];
}
