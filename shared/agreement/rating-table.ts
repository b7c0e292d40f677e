import type { CategoryCounts } from './fleiss-kappa.ts';

/**
 * Ratings of units by raters, with gaps: the one shape every builder produces and every
 * coefficient reads. `values` is Krippendorff's reliability data (raters × units) as is; the
 * functions below reshape it for the coefficients that want pairs, counts or an items × raters
 * matrix, each stating what it does with missing ratings.
 */
export interface RatingTable<V, U = string> {
  raters: string[];
  /** What each column is (a case id, or a section of a case). */
  units: U[];
  /** values[r][u]: rater r's value for unit u, null when they gave none. */
  values: Array<Array<V | null>>;
}

function raterIndex(t: RatingTable<unknown, unknown>, rater: string): number {
  const i = t.raters.indexOf(rater);
  if (i < 0) throw new RangeError(`no rater "${rater}" in ${JSON.stringify(t.raters)}`);
  return i;
}

/** The units two raters both rated, as pairs for Cohen's or weighted kappa. */
export function ratingPairs<V, U>(t: RatingTable<V, U>, a: string, b: string): { units: U[]; pairs: Array<[V, V]> } {
  const ra = t.values[raterIndex(t, a)]!;
  const rb = t.values[raterIndex(t, b)]!;
  const units: U[] = [];
  const pairs: Array<[V, V]> = [];
  t.units.forEach((unit, u) => {
    const x = ra[u];
    const y = rb[u];
    if (x === null || x === undefined || y === null || y === undefined) return;
    units.push(unit);
    pairs.push([x, y]);
  });
  return { units, pairs };
}

/**
 * Per unit, how many raters chose each value, for Fleiss' kappa. Only units every rater rated
 * are kept (Fleiss' kappa needs the same number of ratings per unit); the others are listed in
 * `incomplete`, so the caller can say what was left out.
 */
export function categoryCounts<U>(t: RatingTable<string, U>): { units: U[]; counts: CategoryCounts[]; incomplete: U[] } {
  const units: U[] = [];
  const counts: CategoryCounts[] = [];
  const incomplete: U[] = [];
  t.units.forEach((unit, u) => {
    const column = t.values.map((row) => row[u]);
    if (column.some((v) => v === null || v === undefined)) {
      incomplete.push(unit);
      return;
    }
    const c: Record<string, number> = {};
    for (const v of column as string[]) c[v] = (c[v] ?? 0) + 1;
    units.push(unit);
    counts.push(c);
  });
  return { units, counts, incomplete };
}

/** Items × raters, null where missing: the matrix `icc` takes (it drops items with a gap). */
export function itemMatrix<U>(t: RatingTable<number, U>): Array<Array<number | null>> {
  return t.units.map((_, u) => t.values.map((row) => row[u] ?? null));
}
