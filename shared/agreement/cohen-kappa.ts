import { ratio, undefinedBecause, type Coefficient } from './coefficient.ts';
import { contingency } from './contingency.ts';

/**
 * Cohen's kappa for two raters on a nominal scale (Cohen 1960, "A coefficient of agreement for
 * nominal scales", Educational and Psychological Measurement 20:37–46):
 *
 *   p_o = Σ_i n_ii / n,   p_e = Σ_i r_i c_i / n²,   κ = (p_o − p_e) / (1 − p_e)
 *
 * with r and c the two raters' marginal counts. Multiplying through by n² gives the form
 * computed here, a ratio of integers with a single rounding:
 *
 *   κ = (n·Σ n_ii − Σ r_i c_i) / (n² − Σ r_i c_i)
 *
 * Undefined when there are no items, or when both raters put every item in one and the same
 * category (p_e = 1: agreement was certain, so kappa cannot measure it).
 */
export type CohenKappa<C> = Coefficient & {
  n: number;
  categories: C[];
  /** counts[i][j]: items rater 1 put in categories[i] and rater 2 in categories[j]. */
  counts: number[][];
  /** p_o and p_e. */
  observed: number;
  expected: number;
  /**
   * Per category, Cohen's kappa of "this category vs. all others" (the 2×2 table collapsed from
   * the full one, each rater keeping their own marginals): which categories the raters agree on
   * and which they confuse. (Agresti 1992 prints per-category values with the two raters'
   * marginals pooled, Scott's style; those differ where the raters use a category unequally.)
   */
  byCategory: Record<string, Coefficient>;
};

export interface CohenKappaOptions<C> {
  /** All categories, so that unused ones appear in the table; ratings outside the list are an error. */
  categories?: readonly C[];
}

function kappaFromCounts(n: number, agreeing: number, chance: number): Coefficient {
  if (n === 0) return undefinedBecause('no-data');
  return ratio(n * agreeing - chance, n * n - chance, 'no-variation');
}

export function cohenKappa<C extends string>(pairs: ReadonlyArray<readonly [C, C]>, opts: CohenKappaOptions<C> = {}): CohenKappa<C> {
  const t = contingency(pairs, opts.categories);
  const { n, rows, columns, counts } = t;
  const agreeing = counts.reduce((s, row, i) => s + row[i]!, 0);
  const chance = rows.reduce((s, r, i) => s + r * columns[i]!, 0);
  const byCategory = t.categories.map((c, i): [string, Coefficient] => {
    // Collapse to c vs. not-c: agreeing items are those both put in c or both put elsewhere.
    const both = counts[i]![i]!;
    const neither = n - rows[i]! - columns[i]! + both;
    const binaryChance = rows[i]! * columns[i]! + (n - rows[i]!) * (n - columns[i]!);
    return [c, kappaFromCounts(n, both + neither, binaryChance)];
  });
  return {
    ...kappaFromCounts(n, agreeing, chance),
    n,
    categories: t.categories,
    counts,
    observed: n ? agreeing / n : 0,
    expected: n ? chance / (n * n) : 0,
    byCategory: Object.fromEntries(byCategory),
  };
}
