/**
 * A chance-corrected coefficient is a ratio, and some data leave it 0/0: one rater, no units, or
 * every rating in one category (no disagreement was possible, so none can be measured). Such
 * results carry `value: null` and a reason code the UI translates, never NaN or a made-up 0 or 1.
 */
export type UndefinedReason =
  /** Nothing to compare: no items, no pairable values, an empty continuum. */
  | 'no-data'
  /** Fewer than two raters (reviewers) took part. */
  | 'too-few-raters'
  /** A two-rater coefficient (weighted kappa) asked of more than two; ICC and alpha speak for them. */
  | 'too-many-raters'
  /** Fewer than two items (ICC needs variance between items). */
  | 'too-few-items'
  /** Expected disagreement is zero: everyone used one category, so chance agreement is total. */
  | 'no-variation'
  /** Unitizing: nobody marked a unit of this label, so there is nothing to agree on. */
  | 'no-units'
  /** Fleiss' kappa needs the same number of ratings on every item. */
  | 'unequal-rater-counts'
  /** ICC(2,k): the ANOVA estimate of the variance in the denominator came out negative (too few or too noisy data). */
  | 'negative-variance';

export type Coefficient = { value: number; reason: null } | { value: null; reason: UndefinedReason };

export const defined = (value: number): Coefficient => ({ value, reason: null });
export const undefinedBecause = (reason: UndefinedReason): Coefficient => ({ value: null, reason });

/**
 * (numerator / denominator) as a coefficient, undefined with `reason` when the denominator is 0.
 * Callers pass exact integer (or exactly representable) terms where they can, so that 0 is a
 * true zero and perfect agreement comes out as exactly 1.
 */
export function ratio(numerator: number, denominator: number, reason: UndefinedReason): Coefficient {
  return denominator === 0 ? undefinedBecause(reason) : defined(numerator / denominator);
}

/** Mean of the defined values, or null when none is defined. */
export function meanOfDefined(values: Iterable<number | null>): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    n++;
  }
  return n ? sum / n : null;
}
