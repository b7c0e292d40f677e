import type { LabelSchema } from '../../model/index.ts';
import { fileText, parseJson } from '../input.ts';
import type { Progress } from '../progress.ts';
import type { ExportFile, ParseResult } from '../types.ts';
import type { ExportView } from '../view.ts';

export interface ParseOptions {
  /**
   * The label schema, for formats that store field values as text (csv): fields the schema types as
   * number or year are read back as numbers. Defaults to the default schema.
   */
  schema?: LabelSchema;
}

/** One exchange format: how a dataset is written to it and how its files are read back. */
export interface FormatCodec {
  /** Progress steps `write` takes, so the caller's bar knows its length. */
  steps(view: ExportView): number;
  /** Writes the files; anything it cannot carry goes into view.warnings. */
  write(view: ExportView, progress: Progress): ExportFile[];
  /** Never throws: malformed input becomes issues, and whatever is sound is still returned. */
  read(files: readonly ExportFile[], options: ParseOptions): ParseResult;
}

export const emptyResult = (): ParseResult => ({ cases: [], spans: [], issues: [] });

/** The one file a single-file format reads, or an issue saying what is missing. */
export function singleFile(files: readonly ExportFile[], result: ParseResult): ExportFile | undefined {
  if (files.length === 0) result.issues.push({ message: 'no file given' });
  else if (files.length > 1) result.issues.push({ message: `expected one file, got ${files.length}; reading ${files[0]!.path}` });
  return files[0];
}

/** The parsed JSON of a single-file format's one file; undefined (with the issue said) when it is missing or malformed. */
export function singleJsonFile(files: readonly ExportFile[], result: ParseResult): { path: string; value: unknown } | undefined {
  const file = singleFile(files, result);
  if (!file) return undefined;
  const parsed = parseJson(fileText(file.data));
  if (!parsed.ok) {
    result.issues.push({ file: file.path, line: parsed.line, message: parsed.message });
    return undefined;
  }
  return { path: file.path, value: parsed.value };
}
