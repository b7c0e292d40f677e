import type { Rubric } from '../model/rubric.ts';
import type { CaseScore } from '../model/scoring.ts';

/** Does every criterion share one scale (the default rubric: all 1–5)? Then means stay on it. */
export function commonScale(rubric: Rubric): { min: number; max: number } | null {
  const [first, ...rest] = rubric.criteria;
  if (!first) return null;
  return rest.every((c) => c.min === first.min && c.max === first.max) ? { min: first.min, max: first.max } : null;
}

/**
 * A reviewer's overall score for a case: the weighted mean of the criteria they rated. Ratings
 * are first put on 0–1 by each criterion's scale, so criteria on different scales weigh as
 * their weights say; the result is returned on the common scale when there is one, else 0–100.
 * Null when nothing is rated.
 */
export function weightedScore(rubric: Rubric, score: CaseScore | undefined): number | null {
  if (!score) return null;
  let sum = 0;
  let weights = 0;
  for (const c of rubric.criteria) {
    const r = score.ratings[c.id];
    if (r === null || r === undefined) continue;
    sum += c.weight * ((r - c.min) / (c.max - c.min));
    weights += c.weight;
  }
  if (!weights) return null;
  const unit = sum / weights;
  const scale = commonScale(rubric);
  return scale ? scale.min + unit * (scale.max - scale.min) : unit * 100;
}

export function mean(xs: readonly number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** Population standard deviation: the spread of reviewers around their mean. */
export function stdev(xs: readonly number[]): number | null {
  const m = mean(xs);
  if (m === null) return null;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
}
