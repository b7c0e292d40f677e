import type { Rubric } from '../model/rubric.ts';
import { RECOMMENDATIONS, type CaseScore, type Recommendation } from '../model/scoring.ts';
import { mean, stdev, weightedScore } from './weighted.ts';

export interface RankableCase {
  caseId: string;
  title: string;
  part: string | null;
  region: string | null;
  documentId: string;
  /** Reviewer → their score of this case. */
  scores: Record<string, CaseScore | undefined>;
}

export interface RankingRow {
  rank: number;
  caseId: string;
  title: string;
  part: string | null;
  region: string | null;
  documentId: string;
  /** Mean over reviewers of each reviewer's weighted score; null when nobody scored it. */
  score: number | null;
  /** max − min of the reviewers' scores, and their standard deviation. */
  range: number | null;
  sd: number | null;
  reviewers: number;
  byReviewer: Record<string, number>;
  /** Mean rating per criterion over reviewers. */
  byCriterion: Record<string, number | null>;
  recommendations: Record<Recommendation, number>;
}

/**
 * Cases ranked by the mean of reviewers' weighted scores, best first; unscored cases last in
 * their given order. Ties share a rank. The spread says how much the reviewers disagree.
 */
export function rankCases(rubric: Rubric, cases: readonly RankableCase[]): RankingRow[] {
  const rows = cases.map((c) => {
    const byReviewer: Record<string, number> = {};
    const recommendations = Object.fromEntries(RECOMMENDATIONS.map((r) => [r, 0])) as Record<Recommendation, number>;
    for (const [reviewer, s] of Object.entries(c.scores)) {
      const w = weightedScore(rubric, s);
      if (w !== null) byReviewer[reviewer] = w;
      if (s?.recommendation) recommendations[s.recommendation]++;
    }
    const values = Object.values(byReviewer);
    const byCriterion: Record<string, number | null> = {};
    for (const crit of rubric.criteria) {
      const rs = Object.values(c.scores)
        .map((s) => s?.ratings[crit.id])
        .filter((r): r is number => typeof r === 'number');
      byCriterion[crit.id] = mean(rs);
    }
    return {
      rank: 0,
      caseId: c.caseId,
      title: c.title,
      part: c.part,
      region: c.region,
      documentId: c.documentId,
      score: mean(values),
      range: values.length ? Math.max(...values) - Math.min(...values) : null,
      sd: stdev(values),
      reviewers: values.length,
      byReviewer,
      byCriterion,
      recommendations,
    };
  });
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score!);
  let rank = 0;
  scored.forEach((r, i) => {
    rank = i > 0 && Math.abs(r.score! - scored[i - 1]!.score!) < 1e-9 ? rank : i + 1;
    r.rank = rank;
  });
  return [...scored, ...rows.filter((r) => r.score === null)];
}

/** How often each rating was given, per criterion and per reviewer: the data of the charts. */
export function ratingDistributions(rubric: Rubric, cases: readonly RankableCase[]) {
  const perCriterion: Record<string, Record<number, number>> = {};
  const perReviewer: Record<string, Record<number, number>> = {};
  // A reviewer's chart spans the whole scale of the rubric, so reviewers are comparable at a glance.
  const lowest = Math.min(...rubric.criteria.map((c) => c.min));
  const highest = Math.max(...rubric.criteria.map((c) => c.max));
  const emptyScale = () => Object.fromEntries(Array.from({ length: highest - lowest + 1 }, (_, i) => [lowest + i, 0])) as Record<number, number>;
  for (const crit of rubric.criteria) {
    perCriterion[crit.id] = {};
    for (let v = crit.min; v <= crit.max; v++) perCriterion[crit.id]![v] = 0;
  }
  for (const c of cases) {
    for (const [reviewer, s] of Object.entries(c.scores)) {
      if (!s) continue;
      for (const crit of rubric.criteria) {
        const r = s.ratings[crit.id];
        if (typeof r !== 'number') continue;
        perCriterion[crit.id]![r] = (perCriterion[crit.id]![r] ?? 0) + 1;
        const mine = (perReviewer[reviewer] ??= emptyScale());
        mine[r] = (mine[r] ?? 0) + 1;
      }
    }
  }
  return { perCriterion, perReviewer };
}
