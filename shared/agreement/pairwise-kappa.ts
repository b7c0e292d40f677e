import { meanOfDefined } from './coefficient.ts';
import { cohenKappa, type CohenKappa } from './cohen-kappa.ts';
import { ratingPairs, type RatingTable } from './rating-table.ts';

export interface RaterPairKappa<C, U> {
  a: string;
  b: string;
  /** The units both rated, in the order of the table. */
  units: U[];
  kappa: CohenKappa<C>;
}

export interface PairwiseKappa<C, U> {
  pairs: Array<RaterPairKappa<C, U>>;
  /**
   * Mean of the pairs' kappas (Light 1971, "Measures of response agreement for qualitative data",
   * Psychological Bulletin 76:365–377); pairs whose kappa is undefined are left out.
   */
  mean: number | null;
}

/**
 * Cohen's kappa for every pair of raters, each pair on the units both rated: which two
 * reviewers disagree, where Fleiss' kappa gives one number for all.
 */
export function pairwiseCohenKappa<C extends string, U>(t: RatingTable<C, U>, opts: { categories?: readonly C[] } = {}): PairwiseKappa<C, U> {
  const pairs: Array<RaterPairKappa<C, U>> = [];
  const raters = [...t.raters].sort();
  for (let i = 0; i < raters.length; i++) {
    for (let j = i + 1; j < raters.length; j++) {
      const a = raters[i]!;
      const b = raters[j]!;
      const { units, pairs: rated } = ratingPairs(t, a, b);
      pairs.push({ a, b, units, kappa: cohenKappa(rated, opts) });
    }
  }
  return { pairs, mean: meanOfDefined(pairs.map((p) => p.kappa.value)) };
}
