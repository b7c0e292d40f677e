import type { Dataset, FieldValue, SpanAnnotation } from '../../model/index.ts';
import type { ExportFormat } from '../catalog.ts';
import type { ExportResult, ParsedSpan } from '../types.ts';

/**
 * What a round trip must give back, worked out independently of the exporters: the dataset's
 * spans, projected onto what the format carries, with the changes the export reported applied
 * (edge newlines trimmed, spans left out) — after checking each reported change is one the
 * format's documented policy allows.
 */

export interface Comparable {
  caseId: string;
  start: number;
  end: number;
  label: string;
  quote: string;
  reviewer?: string;
  fields?: Record<string, FieldValue>;
  note?: string;
}

export function expectedSpans(dataset: Dataset, result: ExportResult, format: ExportFormat, reviewers?: readonly string[]): Comparable[] {
  const codes = new Map<string, Set<string>>();
  // Warnings about what a peer tool or a side file does (doccano's cleaner, CoNLL's plain file) change nothing casebench reads back.
  const aside = new Set(['overlap-doccano', 'overlap-dropped-plain']);
  for (const w of result.warnings) if (w.spanId && !aside.has(w.code)) (codes.get(w.spanId) ?? codes.set(w.spanId, new Set()).get(w.spanId)!).add(w.code);
  const texts = new Map(dataset.cases.map((c) => [c.id, c.text]));
  const selected = dataset.spans.filter((s) => !reviewers || reviewers.includes(s.reviewer));
  const kept: Comparable[] = [];
  const dropped: SpanAnnotation[] = [];
  // Kept spans written as one span per paragraph (CoNLL), by index into kept: split after the overlap check.
  const splits = new Map<number, string>();

  for (const span of selected) {
    const text = texts.get(span.caseId)!;
    const reported = codes.get(span.id) ?? new Set<string>();
    if (format.lossy === 'none' && reported.size > 0) throw new Error(`${format.id} reported ${[...reported].join(', ')} for span ${span.id}, but it is lossless`);
    let { start, end } = span;
    // What the format counts as a line break: brat, every line boundary of Python's readers; CoNLL, \n.
    const breaks = format.id === 'brat' ? '\\n\\r\\v\\f\\x1c-\\x1e\\x85\\u2028\\u2029' : '\\r\\n';
    if (reported.has('newline-only') || reported.has('empty-span')) {
      if (text.slice(start, end).replace(new RegExp(`[${breaks}]`, 'g'), '') !== '') throw new Error(`${format.id}: span ${span.id} left out as empty, but it has characters`);
      continue;
    }
    if (reported.has('newline-trimmed')) {
      const quote = text.slice(start, end);
      start += quote.length - quote.replace(new RegExp(`^[${breaks}]+`), '').length;
      end -= quote.length - quote.replace(new RegExp(`[${breaks}]+$`), '').length;
    }
    if (reported.has('overlap-dropped')) {
      dropped.push({ ...span, start, end });
      continue;
    }
    kept.push(project({ ...span, start, end }, text.slice(start, end), format));
    if (reported.has('split-at-line-break')) splits.set(kept.length - 1, text);
  }
  for (const span of dropped) {
    // The documented policy: the span starting first (the longer on a tie) of one reviewer and label wins.
    const winner = kept.find(
      (k) => k.caseId === span.caseId && k.label === span.label && (k.reviewer === undefined || k.reviewer === span.reviewer) && k.start < span.end && span.start < k.end && (k.start < span.start || (k.start === span.start && k.end >= span.end)),
    );
    if (!winner) throw new Error(`${format.id}: span ${span.id} reported as overlap-dropped, but no earlier span of its reviewer and label overlaps it`);
  }
  const pieces = kept.flatMap((k, i) => {
    const text = splits.get(i);
    if (text === undefined) return [k];
    const parts: Comparable[] = [];
    let from = k.start;
    for (let at = k.start; at <= k.end; at++) {
      if (at < k.end && text[at] !== '\n') continue;
      if (at > from) parts.push({ ...k, start: from, end: at, quote: text.slice(from, at) });
      from = at + 1;
    }
    if (parts.length < 2) throw new Error(`${format.id}: span ${k.start}–${k.end} reported as split at a line break, but it crosses none`);
    return parts;
  });
  return sortComparable(pieces);
}

function project(span: SpanAnnotation, quote: string, format: ExportFormat): Comparable {
  const out: Comparable = { caseId: span.caseId, start: span.start, end: span.end, label: span.label, quote };
  if (format.carries.reviewer) out.reviewer = span.reviewer;
  if (format.carries.fields) out.fields = normaliseFields(span.fields);
  if (format.carries.note && span.note !== '') out.note = span.note;
  return out;
}

/** A parsed span in the same projection. */
export function comparable(span: ParsedSpan, format: ExportFormat): Comparable {
  const out: Comparable = { caseId: span.caseId, start: span.start, end: span.end, label: span.label, quote: span.quote };
  if (format.carries.reviewer && span.reviewer !== undefined) out.reviewer = span.reviewer;
  if (format.carries.fields) out.fields = normaliseFields(span.fields ?? {});
  if (format.carries.note && span.note !== undefined && span.note !== '') out.note = span.note;
  return out;
}

/** Empty and null field values mean "not filled in"; CSV cannot tell them apart from absent. */
function normaliseFields(fields: Record<string, FieldValue>): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== ''));
}

export function sortComparable(spans: Comparable[]): Comparable[] {
  const key = (s: Comparable) => JSON.stringify([s.caseId, s.start, s.end, s.label, s.reviewer ?? '', s.note ?? '', s.fields ?? {}]);
  return spans.map((s) => ({ s, k: key(s) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map(({ s }) => s);
}
