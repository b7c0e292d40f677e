import type { SpanAnnotation } from '../model/annotation.ts';
import type { DatasetCase } from '../model/dataset.ts';
import type { ReviewStatus } from '../model/review.ts';
import type { UnitizedCase } from './unitizing-alpha.ts';

/**
 * Inputs for span agreement from a casebench Dataset. Whether a reviewer "covered" a case comes
 * from their review status: by default only finished reviews ('done') count, so that a case a
 * reviewer has not read yet is not scored as one where they found nothing.
 */
export interface CoverageOptions {
  /** Statuses that count as having covered the case; default ['done']. */
  statuses?: readonly ReviewStatus[];
  /** Only these reviewers; default: everyone with a status. */
  reviewers?: readonly string[];
}

type CaseCoverage = Pick<DatasetCase, 'id' | 'status'>;

function coverers(c: CaseCoverage, opts: CoverageOptions): string[] {
  const statuses = new Set<ReviewStatus>(opts.statuses ?? ['done']);
  const allowed = opts.reviewers ? new Set(opts.reviewers) : null;
  return Object.entries(c.status)
    .filter(([r, s]) => statuses.has(s) && (!allowed || allowed.has(r)))
    .map(([r]) => r)
    .sort();
}

/** Reviewer → the cases they covered, for pairwiseSpanF1's `casesByReviewer`. */
export function coveredCases(cases: readonly CaseCoverage[], opts: CoverageOptions = {}): Record<string, string[]> {
  const out = new Map<string, string[]>((opts.reviewers ?? []).map((r) => [r, []]));
  for (const c of cases) {
    for (const r of coverers(c, opts)) {
      if (!out.has(r)) out.set(r, []);
      out.get(r)!.push(c.id);
    }
  }
  return Object.fromEntries(out);
}

/** Placed spans grouped by reviewer (orphans, which have no trustworthy offsets, are left out). */
export function spansByReviewer(spans: readonly SpanAnnotation[]): Record<string, SpanAnnotation[]> {
  const out = new Map<string, SpanAnnotation[]>();
  for (const s of spans) {
    if (s.orphan) continue;
    if (!out.has(s.reviewer)) out.set(s.reviewer, []);
    out.get(s.reviewer)!.push(s);
  }
  return Object.fromEntries(out);
}

/**
 * One continuum per case for unitizingAlpha: the case text's length (UTF-16 code units, like
 * the offsets) and, for each reviewer who covered the case, their spans on its current revision.
 * Orphans and spans on another revision are left out: their offsets do not point into this text.
 */
export function unitizedCases(
  data: { cases: ReadonlyArray<CaseCoverage & Pick<DatasetCase, 'text' | 'revision'>>; spans: readonly SpanAnnotation[] },
  opts: CoverageOptions = {},
): UnitizedCase[] {
  const byCase = new Map<string, SpanAnnotation[]>();
  for (const s of data.spans) {
    if (!byCase.has(s.caseId)) byCase.set(s.caseId, []);
    byCase.get(s.caseId)!.push(s);
  }
  return data.cases.map((c) => {
    const spans = (byCase.get(c.id) ?? []).filter((s) => !s.orphan && s.revision === c.revision);
    const byReviewer = Object.fromEntries(
      coverers(c, opts).map((r) => [r, spans.filter((s) => s.reviewer === r).map(({ start, end, label }) => ({ start, end, label }))]),
    );
    return { caseId: c.id, length: c.text.length, byReviewer };
  });
}
