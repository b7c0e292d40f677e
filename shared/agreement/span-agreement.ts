import { meanOfDefined } from './coefficient.ts';
import { countExactMatches, matchByOverlap, type Range } from './span-match.ts';

/** What span agreement needs of a span; SpanAnnotation fits. */
export interface SpanLike {
  caseId: string;
  start: number;
  end: number;
  label: string;
}

/**
 * Precision, recall and F1 of a candidate reviewer b against a reference reviewer a. F1 is
 * 2·matched / (|a| + |b|), which equals the harmonic mean of P and R when both exist and is
 * symmetric in a and b; a ratio that would be 0/0 is null.
 */
export interface MatchCounts {
  /** Spans of a and of b. */
  reference: number;
  candidate: number;
  /** Pairs matched one to one. */
  matched: number;
  /** matched / candidate; null when b has no spans. */
  precision: number | null;
  /** matched / reference; null when a has no spans. */
  recall: number | null;
  /** null when neither has spans. */
  f1: number | null;
}

/**
 * Exact: same case, start, end and label. Overlap: same case and label and ranges sharing at
 * least one offset, matched one to one greedily by largest overlap (see span-match.ts).
 */
export interface SpanScores {
  exact: MatchCounts;
  overlap: MatchCounts;
}

export interface CaseSpanAgreement {
  overall: SpanScores;
  byLabel: Record<string, SpanScores>;
}

export interface SpanAgreement {
  labels: string[];
  caseIds: string[];
  /** Micro-averaged: counts summed over labels and cases, then the ratios. */
  overall: SpanScores;
  /** Mean of the per-label F1 scores that are defined. */
  macroF1: { exact: number | null; overlap: number | null };
  byLabel: Record<string, SpanScores>;
  byCase: Record<string, CaseSpanAgreement>;
}

export interface SpanAgreementOptions {
  /** Labels to compare, in display order; spans with other labels are ignored. Default: every label either reviewer used, sorted. */
  labels?: readonly string[];
  /** Cases to compare (for instance those both reviewers finished); default: every case either reviewer has spans in, sorted. */
  caseIds?: readonly string[];
}

interface Tally {
  reference: number;
  candidate: number;
  exact: number;
  overlap: number;
}

const emptyTally = (): Tally => ({ reference: 0, candidate: 0, exact: 0, overlap: 0 });

function add(into: Tally, t: Tally): void {
  into.reference += t.reference;
  into.candidate += t.candidate;
  into.exact += t.exact;
  into.overlap += t.overlap;
}

function counts(reference: number, candidate: number, matched: number): MatchCounts {
  return {
    reference,
    candidate,
    matched,
    precision: candidate ? matched / candidate : null,
    recall: reference ? matched / reference : null,
    f1: reference + candidate ? (2 * matched) / (reference + candidate) : null,
  };
}

const scores = (t: Tally): SpanScores => ({
  exact: counts(t.reference, t.candidate, t.exact),
  overlap: counts(t.reference, t.candidate, t.overlap),
});

function checkSpan(s: SpanLike): void {
  if (!Number.isFinite(s.start) || !Number.isFinite(s.end) || s.end < s.start) {
    throw new RangeError(`span [${s.start}, ${s.end}) of label "${s.label}" in case ${s.caseId} is not a range`);
  }
}

/** caseId → label → the two reviewers' ranges. */
function group(a: readonly SpanLike[], b: readonly SpanLike[], keep: (s: SpanLike) => boolean) {
  const byCase = new Map<string, Map<string, { a: Range[]; b: Range[] }>>();
  const put = (s: SpanLike, side: 'a' | 'b') => {
    checkSpan(s);
    if (!keep(s)) return;
    let byLabel = byCase.get(s.caseId);
    if (!byLabel) byCase.set(s.caseId, (byLabel = new Map()));
    let cell = byLabel.get(s.label);
    if (!cell) byLabel.set(s.label, (cell = { a: [], b: [] }));
    cell[side].push({ start: s.start, end: s.end });
  };
  for (const s of a) put(s, 'a');
  for (const s of b) put(s, 'b');
  return byCase;
}

const sortedUnique = (xs: Iterable<string>) => [...new Set(xs)].sort();

/**
 * How well reviewer b's spans agree with reviewer a's, per label, per case and overall. Treat a
 * as the reference (precision is about b's spans, recall about a's); F1 does not depend on which
 * is which.
 */
export function spanAgreement(a: readonly SpanLike[], b: readonly SpanLike[], opts: SpanAgreementOptions = {}): SpanAgreement {
  const labels = opts.labels ? [...opts.labels] : sortedUnique([...a, ...b].map((s) => s.label));
  const caseIds = opts.caseIds ? [...opts.caseIds] : sortedUnique([...a, ...b].map((s) => s.caseId));
  const labelSet = new Set(labels);
  const caseSet = new Set(caseIds);
  const grouped = group(a, b, (s) => labelSet.has(s.label) && caseSet.has(s.caseId));

  const total = emptyTally();
  const perLabel = new Map(labels.map((l) => [l, emptyTally()]));
  const byCase: Array<[string, CaseSpanAgreement]> = [];
  for (const caseId of caseIds) {
    const caseTotal = emptyTally();
    const caseByLabel: Array<[string, SpanScores]> = [];
    for (const label of labels) {
      const cell = grouped.get(caseId)?.get(label) ?? { a: [], b: [] };
      const t: Tally = {
        reference: cell.a.length,
        candidate: cell.b.length,
        exact: countExactMatches(cell.a, cell.b),
        overlap: matchByOverlap(cell.a, cell.b).length,
      };
      add(caseTotal, t);
      add(perLabel.get(label)!, t);
      caseByLabel.push([label, scores(t)]);
    }
    add(total, caseTotal);
    byCase.push([caseId, { overall: scores(caseTotal), byLabel: Object.fromEntries(caseByLabel) }]);
  }

  const byLabel = Object.fromEntries(labels.map((l) => [l, scores(perLabel.get(l)!)]));
  const perLabelScores = Object.values(byLabel);
  return {
    labels,
    caseIds,
    overall: scores(total),
    macroF1: {
      exact: meanOfDefined(perLabelScores.map((s) => s.exact.f1)),
      overlap: meanOfDefined(perLabelScores.map((s) => s.overlap.f1)),
    },
    byLabel,
    byCase: Object.fromEntries(byCase),
  };
}
