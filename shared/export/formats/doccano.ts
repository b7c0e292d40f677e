import { z } from 'zod';
import { fromFileName, splitPath } from '../file-names.ts';
import { fileText, jsonLines } from '../input.ts';
import { describeZodError, offsetSchema } from '../schemas.ts';
import type { ExportFile, ParseIssue } from '../types.ts';
import { reviewerLayers, spansOf, type ExportCase, type ExportSpan } from '../view.ts';
import { emptyResult, type FormatCodec } from './codec.ts';

/**
 * doccano sequence labeling JSONL, as doccano exports it: one line per example,
 * `{"id", "text", "label": [[start, end, "label"], …]}`, and (in a project without collaborative
 * annotation) one file per member named after them. casebench writes one file per reviewer,
 * `<reviewer>.jsonl`, or `all.jsonl` when there are no spans; each line also carries `case_id`,
 * `title` and `reviewer`, which doccano keeps as metadata on import.
 *
 * Offsets are UTF-16 code units, not code points: doccano's annotation view indexes the text as a
 * JavaScript string (doccano#2290, doccano#2484: "label indices … refer to positions in a sequence
 * of 16-bit Unicode code units"), so code points would shift every span after an emoji or 𠀀 when
 * the file is imported into doccano. Python consumers must convert (doccano's own caveat).
 *
 * Notes and fields have no place in doccano's span labels and are not exported.
 *
 * Overlaps: a doccano project that does not allow overlapping spans (the default) cleans each
 * imported line as its SpanCleaner does — by start offset, a span kept only when it starts at or
 * after the end of the last one kept — and says nothing of the spans it drops. So the export names
 * each span that would be dropped ('overlap-doccano') and writes, for each reviewer whose spans
 * overlap, `no-overlap/<reviewer>.jsonl`: their layer without overlaps (of overlapping spans the
 * earlier, then the longer, is kept), which such a project imports whole. casebench reads back
 * only the reviewers' own files.
 */
const NO_OVERLAP_DIR = 'no-overlap/';
const lineSchema = z.object({
  text: z.string(),
  label: z.array(z.tuple([offsetSchema, offsetSchema, z.string().min(1)])).optional(),
  entities: z.array(z.object({ start_offset: offsetSchema, end_offset: offsetSchema, label: z.string().min(1) })).optional(),
  case_id: z.union([z.string(), z.number()]).optional(),
  title: z.string().optional(),
  reviewer: z.string().optional(),
});
export type DoccanoLine = z.infer<typeof lineSchema>;

export const doccanoFormat: FormatCodec = {
  steps: (view) => view.cases.length * reviewerLayers(view).length,

  write(view, progress) {
    const files: ExportFile[] = [];
    const layers: ExportFile[] = [];
    for (const reviewer of reviewerLayers(view)) {
      let overlaps = 0;
      const lineOf = (c: ExportCase, i: number, spans: ExportSpan[]) =>
        JSON.stringify({
          id: i + 1,
          text: c.data.text,
          label: spans.map(({ span }) => [span.start, span.end, span.label]),
          case_id: c.data.id,
          title: c.data.title,
          ...(reviewer === undefined ? {} : { reviewer }),
        });
      const name = `${view.reviewerFile(reviewer)}.jsonl`;
      const lines = view.cases.map((c, i) => {
        const spans = spansOf(c, reviewer);
        for (const { span } of droppedByDoccano(spans)) {
          overlaps++;
          view.warnings.push({
            code: 'overlap-doccano',
            spanId: span.id,
            caseId: c.data.id,
            message: `doccano: span ${span.id} (${span.label}, ${span.reviewer}) overlaps another; a doccano project that does not allow overlapping spans drops it on import without a word: import ${NO_OVERLAP_DIR}${name} there, or allow overlapping spans`,
          });
        }
        progress.step();
        return lineOf(c, i, spans);
      });
      files.push({ path: name, data: lines.length > 0 ? `${lines.join('\n')}\n` : '' });
      if (overlaps > 0) layers.push({ path: NO_OVERLAP_DIR + name, data: `${view.cases.map((c, i) => lineOf(c, i, withoutOverlaps(spansOf(c, reviewer)))).join('\n')}\n` });
    }
    return [...files, ...layers];
  },

  read(files) {
    const result = emptyResult();
    const seen = new Set<string>();
    // The layers without overlaps repeat spans of the reviewers' own files.
    for (const file of files.filter((f) => !f.path.startsWith(NO_OVERLAP_DIR))) {
      const stem = splitPath(file.path).stem;
      const fileReviewer = stem === 'all' ? undefined : (fromFileName(stem) ?? stem);
      for (const record of readDoccanoLines(fileText(file.data), result.issues, file.path)) {
        const { line, value } = record;
        if (value.case_id === undefined) {
          result.issues.push({ file: file.path, line, message: 'no case_id; the line is left out' });
          continue;
        }
        const caseId = String(value.case_id);
        if (!seen.has(caseId)) {
          seen.add(caseId);
          result.cases.push(value.title === undefined ? { id: caseId, text: value.text } : { id: caseId, text: value.text, title: value.title });
        }
        const reviewer = value.reviewer ?? fileReviewer;
        for (const s of doccanoSpans(value)) {
          const problem = rangeProblem(value.text, s.start, s.end);
          if (problem) {
            result.issues.push({ file: file.path, line, message: `span ${s.start}–${s.end} ${problem}` });
            continue;
          }
          const span = { caseId, start: s.start, end: s.end, label: s.label, quote: value.text.slice(s.start, s.end) };
          result.spans.push(reviewer === undefined ? span : { ...span, reviewer });
        }
      }
    }
    return result;
  },
};

/** The valid lines of a doccano JSONL text; bad lines become issues. */
export function* readDoccanoLines(text: string, issues: ParseIssue[], file?: string): Generator<{ line: number; value: DoccanoLine }> {
  for (const { line, parsed } of jsonLines(text)) {
    if (!parsed.ok) {
      issues.push({ file, line, message: parsed.message });
      continue;
    }
    const value = lineSchema.safeParse(parsed.value);
    if (!value.success) issues.push({ file, line, message: `not a doccano line: ${describeZodError(value.error)}` });
    else yield { line, value: value.data };
  }
}

/** Spans of a line in either of doccano's shapes: `label` tuples or relation-mode `entities`. */
export function doccanoSpans(line: DoccanoLine): { start: number; end: number; label: string }[] {
  return [
    ...(line.label ?? []).map(([start, end, label]) => ({ start, end, label })),
    ...(line.entities ?? []).map((e) => ({ start: e.start_offset, end: e.end_offset, label: e.label })),
  ];
}

/** The spans doccano's SpanCleaner drops from a line written in this order: by start (ties in file order), each starting before the end of the last kept. */
function droppedByDoccano(spans: readonly ExportSpan[]): ExportSpan[] {
  const sorted = spans.map((s, i) => ({ s, i })).sort((a, b) => a.s.span.start - b.s.span.start || a.i - b.i);
  const dropped: ExportSpan[] = [];
  let last = -1;
  for (const { s } of sorted) {
    if (s.span.start >= last) last = s.span.end;
    else dropped.push(s);
  }
  return dropped;
}

/** A layer without overlaps: of overlapping spans the earlier, then the longer, then the first in order is kept. */
function withoutOverlaps(spans: readonly ExportSpan[]): ExportSpan[] {
  const sorted = [...spans].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const kept: ExportSpan[] = [];
  let reach = -1;
  for (const s of sorted) {
    if (s.span.start < reach) continue;
    kept.push(s);
    reach = s.span.end;
  }
  return kept;
}

function rangeProblem(text: string, start: number, end: number): string | null {
  if (end < start) return 'ends before it starts';
  if (end > text.length) return `is beyond the text (${text.length} UTF-16 units)`;
  return null;
}
