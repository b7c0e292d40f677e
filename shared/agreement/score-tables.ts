import type { RubricCriterion } from '../model/rubric.ts';
import type { CaseScore, Recommendation } from '../model/scoring.ts';
import type { RatingTable } from './rating-table.ts';

/** A case and its reviewers' scores, as the ranking has them (RankableCase fits). */
export interface ScoredCase {
  caseId: string;
  scores: Readonly<Record<string, CaseScore | undefined>>;
}

export interface ScoreTableOptions {
  /** Raters, in order; default: every reviewer who scored any of the cases, sorted. */
  reviewers?: readonly string[];
}

function table<V>(cases: readonly ScoredCase[], opts: ScoreTableOptions, pick: (s: CaseScore) => V | null | undefined): RatingTable<V> {
  const raters = opts.reviewers ? [...opts.reviewers] : [...new Set(cases.flatMap((c) => Object.keys(c.scores)))].sort();
  return {
    raters,
    units: cases.map((c) => c.caseId),
    values: raters.map((r) =>
      cases.map((c) => {
        const s = c.scores[r];
        return s ? (pick(s) ?? null) : null;
      }),
    ),
  };
}

/**
 * 入选 / 待定 / 不入选 per reviewer and case (units in the given case order); no score or no
 * recommendation is missing. For Cohen's or Fleiss' kappa (nominal), or Krippendorff's alpha
 * with the order include < pending < exclude if the committee reads it as ordinal.
 */
export function recommendationTable(cases: readonly ScoredCase[], opts: ScoreTableOptions = {}): RatingTable<Recommendation> {
  return table(cases, opts, (s) => s.recommendation);
}

/** One rubric criterion's ratings per reviewer and case; unrated is missing. For weighted kappa, ICC and alpha. */
export function criterionTable(cases: readonly ScoredCase[], criterionId: string, opts: ScoreTableOptions = {}): RatingTable<number> {
  return table(cases, opts, (s) => s.ratings[criterionId]);
}

/** The ordered categories of a criterion's scale, min…max in steps of 1: the `categories` of weighted kappa. */
export function criterionScale(criterion: Pick<RubricCriterion, 'min' | 'max'>): number[] {
  const out: number[] = [];
  for (let v = criterion.min; v <= criterion.max; v++) out.push(v);
  return out;
}
