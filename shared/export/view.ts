import type { LabelDef, SpanAnnotation } from '../model/index.ts';
import { offsetConverter, splitsSurrogatePair, type OffsetConverter } from '../text/units.ts';
import { distinctFileNames, toFileName } from './file-names.ts';
import type { ExportDataset, ExportOptions, ExportWarning, ProjectCase } from './types.ts';

/** A case with the spans an export writes for it. */
export interface ExportCase {
  data: ProjectCase;
  /** Valid spans of the selected reviewers, ordered by start, end, reviewer, label, id. */
  spans: ExportSpan[];
  /** UTF-16 ↔ code point converter for the case text, built on first use. */
  converter(): OffsetConverter;
}

export interface ExportSpan {
  span: SpanAnnotation;
  /** The text at the span's offsets: what every format writes as the quote, so offsets and quote agree. */
  quote: string;
}

export interface ExportLabel {
  id: string;
  /** The schema's definition; absent for a label used by spans but missing from the schema. */
  def?: LabelDef;
}

/**
 * What every format starts from: the selected spans, checked once and grouped by case, in a
 * deterministic order so that the same dataset always gives the same bytes.
 */
export interface ExportView {
  dataset: ExportDataset;
  cases: ExportCase[];
  /** The reviewers whose spans are exported: those asked for, or all who placed a span (sorted). */
  reviewers: string[];
  /** Schema labels in schema order, then labels only spans use (sorted). */
  labels: ExportLabel[];
  /** Whether a reviewer's work is exported (the reviewers option, or everyone). */
  selects(reviewer: string): boolean;
  /** The file (or folder) name of a reviewer's layer, 'all' for the unnamed one: distinct even where letter case is not. */
  reviewerFile(reviewer: string | undefined): string;
  /** The file name of a case: distinct even where letter case is not. */
  caseFile(caseId: string): string;
  warnings: ExportWarning[];
}

export function buildExportView(dataset: ExportDataset, opts: ExportOptions = {}): ExportView {
  const warnings: ExportWarning[] = [];
  const wanted = opts.reviewers ? new Set(opts.reviewers) : null;
  const selects = (reviewer: string) => wanted === null || wanted.has(reviewer);
  const byCase = new Map<string, ExportSpan[]>();
  const cases = dataset.cases.map((c) => {
    const spans: ExportSpan[] = [];
    byCase.set(c.id, spans);
    return makeCase(c, spans);
  });
  const textOf = new Map(dataset.cases.map((c) => [c.id, c.text]));

  for (const span of dataset.spans) {
    if (!selects(span.reviewer)) continue;
    const text = textOf.get(span.caseId);
    if (text === undefined) {
      warnings.push({ code: 'unknown-case', spanId: span.id, caseId: span.caseId, message: `span ${span.id} refers to case ${span.caseId}, which is not in the dataset; left out` });
      continue;
    }
    const problem = offsetProblem(text, span.start, span.end);
    if (problem) {
      warnings.push({ code: 'bad-offsets', spanId: span.id, caseId: span.caseId, message: `span ${span.id} (${span.start}–${span.end}) ${problem}; left out` });
      continue;
    }
    const quote = text.slice(span.start, span.end);
    if (span.quote.exact !== quote) {
      warnings.push({
        code: 'quote-mismatch',
        spanId: span.id,
        caseId: span.caseId,
        message: `span ${span.id}: stored quote ${JSON.stringify(span.quote.exact)} differs from the text at ${span.start}–${span.end} ${JSON.stringify(quote)}; the text is exported`,
      });
    }
    byCase.get(span.caseId)!.push({ span, quote });
  }
  for (const spans of byCase.values()) spans.sort(compareSpans);

  const reviewers = wanted ? unique(opts.reviewers!) : unique(cases.flatMap((c) => c.spans.map((s) => s.span.reviewer))).sort(compareStrings);
  // 'all' names the layer of a dataset without spans: a reviewer of that name never meets it.
  const reviewerFiles = distinctFileNames(reviewers);
  const caseFiles = distinctFileNames(dataset.cases.map((c) => c.id));
  return {
    dataset,
    cases,
    reviewers,
    labels: labelsOf(dataset, cases),
    selects,
    reviewerFile: (reviewer) => (reviewer === undefined ? 'all' : (reviewerFiles.get(reviewer) ?? toFileName(reviewer))),
    caseFile: (caseId) => caseFiles.get(caseId) ?? toFileName(caseId),
    warnings,
  };
}

function makeCase(data: ProjectCase, spans: ExportSpan[]): ExportCase {
  let conv: OffsetConverter | undefined;
  return { data, spans, converter: () => (conv ??= offsetConverter(data.text)) };
}

/** Why offsets cannot be exported, or null when they are sound. */
export function offsetProblem(text: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'has offsets that are not whole numbers';
  if (start < 0 || end < start) return 'has its end before its start';
  if (end > text.length) return `ends beyond the case text (${text.length} UTF-16 units)`;
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) return 'splits a surrogate pair';
  return null;
}

function labelsOf(dataset: ExportDataset, cases: ExportCase[]): ExportLabel[] {
  const labels: ExportLabel[] = dataset.schema.labels.map((def) => ({ id: def.id, def }));
  const known = new Set(labels.map((l) => l.id));
  const extra = new Set<string>();
  for (const c of cases) for (const { span } of c.spans) if (!known.has(span.label)) extra.add(span.label);
  return [...labels, ...[...extra].sort(compareStrings).map((id) => ({ id }))];
}

export function compareSpans(a: ExportSpan, b: ExportSpan): number {
  return (
    a.span.start - b.span.start ||
    a.span.end - b.span.end ||
    compareStrings(a.span.reviewer, b.span.reviewer) ||
    compareStrings(a.span.label, b.span.label) ||
    compareStrings(a.span.id, b.span.id)
  );
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The spans of one reviewer (or of all reviewers when `reviewer` is undefined). */
export function spansOf(c: ExportCase, reviewer: string | undefined): ExportSpan[] {
  return reviewer === undefined ? c.spans : c.spans.filter((s) => s.span.reviewer === reviewer);
}

/**
 * The layers of a per-reviewer format: one per exported reviewer, or a single unnamed layer when
 * there is none (a dataset without spans still exports its texts).
 */
export function reviewerLayers(view: ExportView): (string | undefined)[] {
  return view.reviewers.length > 0 ? view.reviewers : [undefined];
}
