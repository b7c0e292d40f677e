import type { Recommendation } from '../model/scoring.ts';

/** A part of the draft compendium (健康影响因素篇 …) and its cases, in order. */
export interface CompendiumPart {
  title: string;
  caseIds: string[];
}

/** The editors' draft of next year's compendium. */
export interface CompendiumDraft {
  title: string;
  parts: CompendiumPart[];
  /** Append each case's indicators as a table. */
  indicatorTables: boolean;
  updatedAt: string;
}

export interface SelectionRule {
  /** Cases recommended this way by a majority of their reviewers (default: 入选). */
  recommendations: Recommendation[];
  /** And scored at least this (on the rubric's scale); null: any score. */
  minScore: number | null;
  /** Group into parts by the cases' parts, or keep one part. */
  groupBy: 'part' | 'none';
}

export interface CandidateCase {
  caseId: string;
  part: string | null;
  score: number | null;
  rank: number;
  recommendations: Record<Recommendation, number>;
}

/** The recommendation most reviewers gave (ties: the more cautious one). */
export function majorityRecommendation(counts: Record<Recommendation, number>): Recommendation | null {
  const order: Recommendation[] = ['exclude', 'pending', 'include'];
  let best: Recommendation | null = null;
  for (const r of order) if (counts[r] > 0 && (best === null || counts[r] > counts[best])) best = r;
  return best;
}

/**
 * A first draft from the committee's work: the cases selected by recommendation and score,
 * grouped into parts in the order parts first appear, ordered by rank within each part.
 */
export function proposeDraft(title: string, candidates: readonly CandidateCase[], rule: SelectionRule): CompendiumDraft {
  const selected = candidates
    .filter((c) => {
      const majority = majorityRecommendation(c.recommendations);
      return majority !== null && rule.recommendations.includes(majority) && (rule.minScore === null || (c.score !== null && c.score >= rule.minScore));
    })
    .sort((a, b) => (a.rank || Infinity) - (b.rank || Infinity));
  const parts: CompendiumPart[] = [];
  for (const c of selected) {
    const name = rule.groupBy === 'part' ? (c.part ?? '其他') : '典型案例';
    let part = parts.find((p) => p.title === name);
    if (!part) parts.push((part = { title: name, caseIds: [] }));
    part.caseIds.push(c.caseId);
  }
  return { title, parts, indicatorTables: true, updatedAt: new Date().toISOString() };
}
