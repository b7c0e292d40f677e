import type { Rubric } from '../model/rubric.ts';
import { commonScale } from './weighted.ts';

/** The share of the score's scale from which the reviewers' spread on a case is flagged (⚠). */
export const SPREAD_SHARE = 0.3;

/**
 * The spread (max − min of the reviewers' weighted scores) from which a case is flagged: 30% of
 * the scale the weighted score is on, the rubric's common scale (1–5: 1.2), or 0–100 when the
 * criteria have different scales (30). A fixed 1.5 meant 37.5% of a 1–5 scale, nothing on 0–100.
 */
export function spreadThreshold(rubric: Rubric): number {
  const scale = commonScale(rubric);
  return SPREAD_SHARE * (scale ? scale.max - scale.min : 100);
}

/** Whether a spread is wide enough to flag; a hair's rounding below the threshold still counts. */
export function wideSpread(range: number | null, rubric: Rubric): boolean {
  return range !== null && range >= spreadThreshold(rubric) - 1e-9;
}
