import { doccanoSpans, readDoccanoLines } from '../formats/doccano.ts';
import { readLabelStudio } from '../formats/labelstudio.ts';
import { fileText, isRecord, jsonLines, parseJson } from '../input.ts';
import type { ParseIssue } from '../types.ts';
import { readCasebenchDataset } from './casebench-dataset.ts';
import { readCasebenchLines } from './casebench-lines.ts';
import type { CaseRef, ImportFormat, ImportHint, ImportResult } from './types.ts';

/**
 * Reads spans to import from a file another tool (or a script) wrote: casebench JSONL lines,
 * casebench's own JSON or JSONL dataset export (another project's), a Label Studio JSON export or
 * a doccano JSONL export, told apart by their shape unless the hint
 * names the format. Never throws: malformed input becomes errors with line numbers, and every
 * sound record is still returned. Matching records to cases, and quotes to case texts
 * (see checkQuote), is the caller's job.
 */
export function parseImport(content: string | Uint8Array, hint: ImportHint = {}): ImportResult {
  const text = fileText(content);
  const format = hint.format ?? detectImportFormat(text);
  const out: ImportResult = { format, spans: [], errors: [] };
  if (text.trim() === '') {
    out.errors.push({ message: 'the file is empty' });
    return out;
  }
  switch (format) {
    case 'casebench-jsonl':
      readCasebenchLines(text, hint.unit ?? 'utf16', out);
      break;
    case 'casebench-json':
      readCasebenchDataset(text, 'json', out);
      break;
    case 'casebench-dataset-jsonl':
      readCasebenchDataset(text, 'jsonl', out);
      break;
    case 'labelstudio':
      readLabelStudioImport(text, out);
      break;
    case 'doccano':
      readDoccanoImport(text, out);
      break;
    default:
      out.errors.push({
        message:
          'could not tell the format: expected JSON Lines with {"case", "start", "end", "label"}, a casebench JSON or JSONL export, a Label Studio JSON export (a list of tasks with "data" and "annotations"), or doccano JSONL ({"text", "label": [[start, end, label]]})',
      });
  }
  return out;
}

/** The format a text looks like, judged by the first record; null when none fits. */
export function detectImportFormat(text: string): ImportFormat | null {
  const body = text.trimStart();
  if (body.startsWith('[')) return 'labelstudio';
  for (const { parsed } of jsonLines(body)) {
    if (!parsed.ok || !isRecord(parsed.value)) break;
    const first = parsed.value;
    if ('case' in first) return 'casebench-jsonl';
    if (first.format === 'casebench-dataset' || (Array.isArray(first.cases) && Array.isArray(first.spans))) return 'casebench-json';
    if (typeof first.id === 'string' && typeof first.text === 'string' && (first.offsetUnit === 'utf16' || Array.isArray(first.spans))) return 'casebench-dataset-jsonl';
    if ('text' in first && ('label' in first || 'entities' in first)) return 'doccano';
    if ('data' in first && 'annotations' in first) return 'labelstudio';
    return null;
  }
  // A pretty-printed casebench export or single Label Studio task spans many lines.
  const whole = parseJson(body);
  if (!whole.ok || !isRecord(whole.value)) return null;
  if (whole.value.format === 'casebench-dataset' || (Array.isArray(whole.value.cases) && Array.isArray(whole.value.spans))) return 'casebench-json';
  return 'data' in whole.value ? 'labelstudio' : null;
}

function readLabelStudioImport(text: string, out: ImportResult): void {
  const read = readLabelStudio(text);
  out.errors.push(...read.issues.map(toError));
  for (const { task, where, span } of read.spans) {
    const t = read.tasks[task]!;
    out.spans.push({ where, caseRef: caseRefOf(t.caseId, t.text, t.title), unit: 'utf16', ...span });
  }
}

function readDoccanoImport(text: string, out: ImportResult): void {
  const issues: ParseIssue[] = [];
  for (const { line, value } of readDoccanoLines(text, issues)) {
    const caseRef = caseRefOf(value.case_id === undefined ? undefined : String(value.case_id), value.text, value.title);
    for (const s of doccanoSpans(value)) {
      if (s.end < s.start || s.end > value.text.length) {
        out.errors.push({ line, message: `line ${line}: span ${s.start}–${s.end} is not within the text (${value.text.length} UTF-16 units)` });
        continue;
      }
      out.spans.push({ where: `line ${line}`, line, caseRef, start: s.start, end: s.end, unit: 'utf16', label: s.label, quote: value.text.slice(s.start, s.end), ...(value.reviewer ? { reviewer: value.reviewer } : {}) });
    }
  }
  out.errors.push(...issues.map(toError));
  out.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function caseRefOf(id: string | undefined, text: string, title: string | undefined): CaseRef {
  const titled = title === undefined ? {} : { title };
  return id === undefined ? { kind: 'text', value: text, ...titled } : { kind: 'id', value: id, text, ...titled };
}

function toError(issue: ParseIssue): { line?: number; message: string } {
  return issue.line === undefined ? { message: issue.message } : { line: issue.line, message: `line ${issue.line}: ${issue.message}` };
}
