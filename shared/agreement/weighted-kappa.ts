import { ratio, undefinedBecause, type Coefficient } from './coefficient.ts';
import { contingency } from './contingency.ts';

export type KappaWeights = 'linear' | 'quadratic';

/**
 * Weighted kappa for two raters on an ordered scale (Cohen 1968, "Weighted kappa", Psychological
 * Bulletin 70:213–220), with disagreement weights from the distance between category ranks
 * i and j among k ordered categories:
 *
 *   linear (Cicchetti & Allison 1971):    v_ij = |i − j| / (k − 1)
 *   quadratic (Fleiss & Cohen 1973):      v_ij = (i − j)² / (k − 1)²
 *
 *   κ_w = 1 − Σ v_ij o_ij / Σ v_ij e_ij,   o_ij = n_ij / n,  e_ij = r_i c_j / n²
 *
 * (equivalently with agreement weights 1 − v_ij, as SAS and SPSS print it). The scale factor of
 * v cancels, so integer weights |i − j| or (i − j)² are used and
 *
 *   κ_w = (Σ v r_i c_j − n Σ v n_ij) / Σ v r_i c_j
 *
 * is a ratio of integers. Ranks, not values, set the distances: a 1–5 score has equal steps.
 */
export type WeightedKappa<C> = Coefficient & {
  n: number;
  weights: KappaWeights;
  categories: C[];
  counts: number[][];
  /** Σ v o and Σ v e with v scaled to [0, 1]: mean weighted disagreement observed and expected by chance. */
  observed: number;
  expected: number;
};

export function weightedKappa<C extends string | number>(
  pairs: ReadonlyArray<readonly [C, C]>,
  categories: readonly C[],
  weights: KappaWeights,
): WeightedKappa<C> {
  const t = contingency(pairs, categories);
  const k = categories.length;
  const v = (i: number, j: number) => (weights === 'linear' ? Math.abs(i - j) : (i - j) ** 2);
  const scale = weights === 'linear' ? k - 1 : (k - 1) ** 2;
  let observed = 0; // Σ v n_ij
  let expected = 0; // Σ v r_i c_j
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      observed += v(i, j) * t.counts[i]![j]!;
      expected += v(i, j) * t.rows[i]! * t.columns[j]!;
    }
  }
  const { n } = t;
  const kappa = n === 0 ? undefinedBecause('no-data') : ratio(expected - n * observed, expected, 'no-variation');
  return {
    ...kappa,
    n,
    weights,
    categories: t.categories,
    counts: t.counts,
    observed: n && scale ? observed / (n * scale) : 0,
    expected: n && scale ? expected / (n * n * scale) : 0,
  };
}
