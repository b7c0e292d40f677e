import { ratio, undefinedBecause, type Coefficient } from './coefficient.ts';

/**
 * Krippendorff's alpha for reliability data with any number of raters and missing values, as in
 * Krippendorff (2011), "Computing Krippendorff's alpha-reliability", and Content Analysis
 * (2004), ch. 11. Reliability data: raters × units, null where a rater gave no value.
 *
 * Units with fewer than two values are not pairable and are left out. Coincidences:
 *
 *   o_ck = Σ_u (number of c–k pairs of values in u, ordered, from different raters) / (m_u − 1)
 *   n_c = Σ_k o_ck,   n = Σ_c n_c   (the number of pairable values)
 *
 *   D_o = Σ_c Σ_k o_ck δ²_ck / n,   D_e = Σ_c Σ_k n_c n_k δ²_ck / (n(n − 1)),   α = 1 − D_o / D_e
 *
 * Difference functions δ²_ck:
 *   nominal:   0 if c = k, else 1
 *   ordinal:   (Σ_{g from c to k} n_g − (n_c + n_k)/2)²      (ranks weighted by how often values occur)
 *   interval:  (c − k)²
 *   ratio:     ((c − k) / (c + k))²
 *
 * Undefined ('no-variation') when D_e = 0: every pairable value is the same.
 */
export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export interface KrippendorffAlphaOptions<V> {
  /**
   * The values in their order: needed for ordinal data of strings, and a way to list values
   * nobody used. Numbers are otherwise sorted ascending. Values outside the list are an error.
   */
  order?: readonly V[];
}

export type KrippendorffAlpha<V> = Coefficient & {
  level: MeasurementLevel;
  /** The values, in the order of the coincidence matrix (the metric order for ordered levels). */
  values: V[];
  coincidences: number[][];
  /** n: values in pairable units. */
  pairable: number;
  /** D_o and D_e. */
  observed: number;
  expected: number;
  /**
   * Nominal data only: per value c, alpha of the data recoded to "c" vs. "not c",
   * 1 − (n − 1)(n_c − o_cc) / (n_c (n − n_c)): which values the raters agree on.
   */
  byValue: Record<string, Coefficient> | null;
  /**
   * Per unit, the mean δ² between its values divided by D_e: 0 where the raters agree, about 1
   * at the level of chance; null for units with fewer than two values. Shows where raters differ.
   */
  unitDisagreement: Array<number | null>;
};

type Value = string | number;

function valueOrder<V extends Value>(present: readonly V[], level: MeasurementLevel, order: readonly V[] | undefined): V[] {
  if (level === 'interval' || level === 'ratio') {
    for (const v of present) {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${level} data must be finite numbers, not ${JSON.stringify(v)}`);
      if (level === 'ratio' && v < 0) throw new RangeError(`ratio data must not be negative: ${v}`);
    }
  }
  if (order) {
    const known = new Set(order);
    if (known.size !== order.length) throw new RangeError('order must list distinct values');
    for (const v of present) if (!known.has(v)) throw new RangeError(`value ${JSON.stringify(v)} is not in the given order`);
    return [...order];
  }
  const distinct = [...new Set(present)];
  if (distinct.every((v) => typeof v === 'number')) return distinct.sort((a, b) => (a as number) - (b as number));
  if (level === 'ordinal') throw new TypeError('ordinal data of strings needs opts.order');
  return distinct.sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
}

/** δ²_ck for the values at indexes c and k. */
function differenceFunction(level: MeasurementLevel, values: readonly Value[], marginals: readonly number[]): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'ordinal': {
      // prefix[i] = n_0 + … + n_{i−1}, so Σ_{g=c..k} n_g = prefix[k+1] − prefix[c] for c ≤ k.
      const prefix = [0];
      for (const n of marginals) prefix.push(prefix[prefix.length - 1]! + n);
      return (c, k) => {
        const [lo, hi] = c <= k ? [c, k] : [k, c];
        return (prefix[hi + 1]! - prefix[lo]! - (marginals[lo]! + marginals[hi]!) / 2) ** 2;
      };
    }
    case 'interval':
      return (c, k) => ((values[c] as number) - (values[k] as number)) ** 2;
    case 'ratio':
      return (c, k) => {
        const x = values[c] as number;
        const y = values[k] as number;
        return x + y === 0 ? 0 : ((x - y) / (x + y)) ** 2;
      };
  }
}

export function krippendorffAlpha<V extends Value>(
  data: ReadonlyArray<ReadonlyArray<V | null>>,
  level: MeasurementLevel,
  opts: KrippendorffAlphaOptions<V> = {},
): KrippendorffAlpha<V> {
  const unitCount = data[0]?.length ?? 0;
  data.forEach((row, r) => {
    if (row.length !== unitCount) throw new RangeError(`rater ${r} has ${row.length} units, rater 0 has ${unitCount}`);
  });
  const byUnit: V[][] = Array.from({ length: unitCount }, (_, u) => data.map((row) => row[u]).filter((v): v is V => v !== null && v !== undefined));
  const values = valueOrder(byUnit.flat(), level, opts.order);
  const index = new Map<V, number>(values.map((v, i) => [v, i]));
  const size = values.length;

  const coincidences = Array.from({ length: size }, () => Array.from({ length: size }, () => 0));
  // n_c = Σ_k o_ck is simply how often c occurs in pairable units: counted as integers, exactly.
  const marginals = Array.from({ length: size }, () => 0);
  for (const unit of byUnit) {
    const m = unit.length;
    if (m < 2) continue;
    const counts = new Map<number, number>();
    for (const v of unit) {
      const c = index.get(v)!;
      counts.set(c, (counts.get(c) ?? 0) + 1);
      marginals[c]!++;
    }
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) coincidences[c]![k]! += (c === k ? nc * (nc - 1) : nc * nk) / (m - 1);
    }
  }
  const n = marginals.reduce((s, x) => s + x, 0);
  const delta = differenceFunction(level, values, marginals);

  let observedSum = 0; // Σ o_ck δ²
  let expectedSum = 0; // Σ n_c n_k δ²
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = delta(c, k);
      observedSum += coincidences[c]![k]! * d;
      expectedSum += marginals[c]! * marginals[k]! * d;
    }
  }
  const observed = n ? observedSum / n : 0;
  const expected = n > 1 ? expectedSum / (n * (n - 1)) : 0;

  let alpha: Coefficient;
  if (data.length < 2) alpha = undefinedBecause('too-few-raters');
  else if (n === 0) alpha = undefinedBecause('no-data');
  else alpha = ratio(expectedSum - (n - 1) * observedSum, expectedSum, 'no-variation');

  const byValue =
    level === 'nominal'
      ? Object.fromEntries(
          values.map((v, c) => {
            const nc = marginals[c]!;
            const mismatched = nc - coincidences[c]![c]!;
            const spread = nc * (n - nc);
            return [String(v), n === 0 ? undefinedBecause('no-data') : ratio(spread - (n - 1) * mismatched, spread, 'no-variation')];
          }),
        )
      : null;

  const unitDisagreement = byUnit.map((unit) => {
    const m = unit.length;
    if (m < 2 || expected === 0) return null;
    let sum = 0;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) sum += delta(index.get(unit[i]!)!, index.get(unit[j]!)!);
    return sum / (m * (m - 1)) / expected;
  });

  return { ...alpha, level, values, coincidences, pairable: n, observed, expected, byValue, unitDisagreement };
}
