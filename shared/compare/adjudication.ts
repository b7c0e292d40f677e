import type { SpanAnnotation } from '../model/annotation.ts';

/**
 * One adjudicated difference: the chosen versions (`spanIds`, possibly none) among the spans the
 * reviewers made there (`candidateIds`), over the difference's extent.
 */
export interface AdjudicationDecision {
  start: number;
  end: number;
  spanIds: string[];
  candidateIds: string[];
}

type Spanlike = Pick<SpanAnnotation, 'id' | 'start' | 'end' | 'label'> & { orphan?: unknown };

const signature = (s: Spanlike) => `${s.start}:${s.end}:${s.label}`;

function overlapRatio(a: Spanlike, b: Spanlike): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/**
 * The consensus spans that belong to a difference, so that adjudicating it replaces them and
 * nothing else. Differences can nest (an indicator inside an agreed practice span): replacing
 * every consensus span that overlaps the region would silently drop the other difference's
 * choice. So a consensus span belongs to the difference
 * - when it is a copy of a reviewer's span (same start, end, label): if that span is one of the
 *   difference's candidates;
 * - when it was edited (it matches no reviewer's span): if the reviewer span it overlaps most is
 *   a candidate, or, overlapping none, if it lies inside the difference.
 * Orphans (of the consensus or of a reviewer) take no part.
 */
export function consensusOfDifference(decision: Pick<AdjudicationDecision, 'start' | 'end' | 'candidateIds'>, consensusSpans: readonly Spanlike[], reviewerSpansAll: readonly Spanlike[]): Set<string> {
  // An orphan keeps the offsets of an older text: it belongs to no difference of this one, and
  // stays in the orphan queue until someone places or drops it.
  const consensus = consensusSpans.filter((s) => !s.orphan);
  const reviewerSpans = reviewerSpansAll.filter((s) => !s.orphan);
  const candidates = new Set(decision.candidateIds);
  const candidateSigs = new Set(reviewerSpans.filter((s) => candidates.has(s.id)).map(signature));
  const reviewerSigs = new Set(reviewerSpans.map(signature));
  const out = new Set<string>();
  for (const s of consensus) {
    if (reviewerSigs.has(signature(s))) {
      if (candidateSigs.has(signature(s))) out.add(s.id);
      continue;
    }
    let best: Spanlike | null = null;
    let bestRatio = 0;
    for (const r of reviewerSpans) {
      const ratio = overlapRatio(s, r);
      if (ratio > bestRatio) [best, bestRatio] = [r, ratio];
    }
    if (best ? candidates.has(best.id) : s.start >= decision.start && s.end <= decision.end) out.add(s.id);
  }
  return out;
}
