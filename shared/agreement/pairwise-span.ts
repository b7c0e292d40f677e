import { meanOfDefined } from './coefficient.ts';
import { spanAgreement, type SpanAgreement, type SpanLike } from './span-agreement.ts';

export interface ReviewerPairAgreement {
  /** The pair in name order; F1 does not depend on the order. */
  a: string;
  b: string;
  agreement: SpanAgreement;
}

export interface PairwiseSpanF1 {
  reviewers: string[];
  pairs: ReviewerPairAgreement[];
  /** Mean over pairs of each pair's micro F1 (pairs with nothing to compare are left out). */
  mean: { exact: number | null; overlap: number | null };
  /** Per label, the mean over pairs of that label's F1. */
  meanByLabel: Record<string, { exact: number | null; overlap: number | null }>;
}

export interface PairwiseSpanOptions {
  labels?: readonly string[];
  /**
   * The cases each reviewer has covered (finished reviewing). When given, each pair is compared
   * only on the cases both covered, so a case one of them has not read yet is not held against
   * either. Without it every case with a span counts, and a missing reviewer's silence is a miss.
   */
  casesByReviewer?: Readonly<Record<string, readonly string[]>>;
}

/** Span F1 for every pair of reviewers, and its mean: the usual summary for more than two annotators. */
export function pairwiseSpanF1(byReviewer: Readonly<Record<string, readonly SpanLike[]>>, opts: PairwiseSpanOptions = {}): PairwiseSpanF1 {
  const reviewers = Object.keys(byReviewer).sort();
  const labels = opts.labels
    ? [...opts.labels]
    : [...new Set(Object.values(byReviewer).flatMap((spans) => spans.map((s) => s.label)))].sort();
  const pairs: ReviewerPairAgreement[] = [];
  for (let i = 0; i < reviewers.length; i++) {
    for (let j = i + 1; j < reviewers.length; j++) {
      const a = reviewers[i]!;
      const b = reviewers[j]!;
      const covered = opts.casesByReviewer;
      const caseIds = covered ? sharedCases(covered[a] ?? [], covered[b] ?? []) : undefined;
      pairs.push({ a, b, agreement: spanAgreement(byReviewer[a]!, byReviewer[b]!, { labels, ...(caseIds ? { caseIds } : {}) }) });
    }
  }
  const meanF1 = (pick: (p: ReviewerPairAgreement) => number | null) => meanOfDefined(pairs.map(pick));
  return {
    reviewers,
    pairs,
    mean: { exact: meanF1((p) => p.agreement.overall.exact.f1), overlap: meanF1((p) => p.agreement.overall.overlap.f1) },
    meanByLabel: Object.fromEntries(
      labels.map((l) => [
        l,
        { exact: meanF1((p) => p.agreement.byLabel[l]!.exact.f1), overlap: meanF1((p) => p.agreement.byLabel[l]!.overlap.f1) },
      ]),
    ),
  };
}

function sharedCases(a: readonly string[], b: readonly string[]): string[] {
  const inB = new Set(b);
  return [...new Set(a)].filter((c) => inB.has(c)).sort();
}
