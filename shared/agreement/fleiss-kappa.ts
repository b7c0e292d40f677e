import { ratio, undefinedBecause, type Coefficient } from './coefficient.ts';

/**
 * Fleiss' kappa for many raters on a nominal scale (Fleiss 1971, "Measuring nominal scale
 * agreement among many raters", Psychological Bulletin 76:378–382). N items, each rated by the
 * same number n of raters (not necessarily the same people); n_ij raters put item i in category j:
 *
 *   p_j = Σ_i n_ij / (N n)                       share of all ratings in category j
 *   P_i = (Σ_j n_ij² − n) / (n(n − 1))           agreeing pairs of ratings on item i
 *   P̄ = Σ_i P_i / N,   P̄_e = Σ_j p_j²,   κ = (P̄ − P̄_e) / (1 − P̄_e)
 *
 * With S = Σ_i Σ_j n_ij² and T_j = Σ_i n_ij, multiplying through by (Nn)²(n − 1) leaves integers:
 *
 *   κ = ((S − Nn)·Nn − (n − 1)·Σ_j T_j²) / ((n − 1)·((Nn)² − Σ_j T_j²))
 *
 * Per category (Fleiss 1971, eq. for κ_j): κ_j = 1 − Σ_i n_ij(n − n_ij) / (N n (n − 1) p_j q_j),
 * computed as 1 − Nn·Σ_i n_ij(n − n_ij) / ((n − 1)·T_j·(Nn − T_j)).
 *
 * Missing ratings: the formula needs n equal on every item, so unequal counts give a null with
 * reason 'unequal-rater-counts' rather than a silently wrong value. Keep only the items every
 * reviewer rated (see categoryCounts), or use Krippendorff's alpha, which allows missing values.
 */
export type FleissKappa = Coefficient & {
  items: number;
  /** Ratings per item (n); null when items differ. */
  ratersPerItem: number | null;
  categories: string[];
  /** p_j per category, in `categories` order. */
  proportions: number[];
  /** P̄ and P̄_e. */
  observed: number;
  expected: number;
  /** Agreement on each item, P_i: 1 when all raters agree. */
  itemAgreement: number[];
  byCategory: Record<string, Coefficient>;
};

/** One item: category → how many raters chose it. */
export type CategoryCounts = Readonly<Record<string, number>>;

export interface FleissKappaOptions {
  /** Categories in display order; default: every category with a count, sorted. */
  categories?: readonly string[];
}

export function fleissKappa(table: readonly CategoryCounts[], opts: FleissKappaOptions = {}): FleissKappa {
  for (const item of table) {
    for (const [c, x] of Object.entries(item)) {
      if (!Number.isInteger(x) || x < 0) throw new RangeError(`count ${x} for category "${c}" is not a whole number ≥ 0`);
    }
  }
  const categories = opts.categories ? [...opts.categories] : [...new Set(table.flatMap((item) => Object.keys(item)))].sort();
  const known = new Set(categories);
  for (const item of table) {
    for (const c of Object.keys(item)) if (!known.has(c) && item[c]) throw new RangeError(`category "${c}" is not in ${JSON.stringify(categories)}`);
  }
  const N = table.length;
  const sizes = table.map((item) => categories.reduce((s, c) => s + (item[c] ?? 0), 0));
  const n = sizes[0] ?? 0;
  const equal = sizes.every((s) => s === n);
  const totals = categories.map((c) => table.reduce((s, item) => s + (item[c] ?? 0), 0));
  const Nn = N * n;
  const base = {
    items: N,
    ratersPerItem: equal ? n : null,
    categories,
    proportions: totals.map((t) => (Nn && equal ? t / Nn : 0)),
  };
  const empty = { observed: 0, expected: 0, itemAgreement: [], byCategory: Object.fromEntries(categories.map((c) => [c, undefinedBecause('no-data')])) };
  if (!equal) return { ...undefinedBecause('unequal-rater-counts'), ...base, ...empty };
  if (N === 0 || n === 0) return { ...undefinedBecause('no-data'), ...base, ...empty };
  if (n < 2) return { ...undefinedBecause('too-few-raters'), ...base, ...empty };

  const sumSquares = table.reduce((s, item) => s + categories.reduce((t, c) => t + (item[c] ?? 0) ** 2, 0), 0);
  const sumTotalsSquared = totals.reduce((s, t) => s + t * t, 0);
  const kappa = ratio((sumSquares - Nn) * Nn - (n - 1) * sumTotalsSquared, (n - 1) * (Nn * Nn - sumTotalsSquared), 'no-variation');
  const byCategory = categories.map((c, j): [string, Coefficient] => {
    const disagreeing = table.reduce((s, item) => s + (item[c] ?? 0) * (n - (item[c] ?? 0)), 0);
    const spread = (n - 1) * totals[j]! * (Nn - totals[j]!);
    return [c, ratio(spread - Nn * disagreeing, spread, 'no-variation')];
  });
  return {
    ...kappa,
    ...base,
    observed: (sumSquares - Nn) / (Nn * (n - 1)),
    expected: sumTotalsSquared / (Nn * Nn),
    itemAgreement: table.map((item) => (categories.reduce((t, c) => t + (item[c] ?? 0) ** 2, 0) - n) / (n * (n - 1))),
    byCategory: Object.fromEntries(byCategory),
  };
}
