import { bigRatio } from './big-ratio.ts';
import { defined, undefinedBecause } from './coefficient.ts';
import { pairDisagreement, runsOf } from './continuum.ts';
import { expectedNumerator, unitPairs, type UnitizedCase, type UnitizingCoefficient } from './unitizing-alpha.ts';

export interface PooledUnitizingAlpha {
  /** Cases pooled: those read by two or more reviewers. */
  caseIds: string[];
  /** Cases left out: read by fewer than two. */
  single: string[];
  /** Total length of the pooled continuum, and its observer-positions Σ m_c·L_c. */
  length: number;
  positions: number;
  overall: UnitizingCoefficient;
  byLabel: Record<string, UnitizingCoefficient>;
}

interface Tally {
  /** Σ_c D_c·(K/(m_c − 1)), K the lcm of the (m_c − 1): an integer. */
  weighted: bigint;
  units: number[];
  gaps: number[];
}

/**
 * Krippendorff's unitizing alpha pooled over cases read by different reviewers — a committee
 * that splits the cases, or a reviewer who finished only some of them.
 *
 * What the coefficient allows (see unitizing-alpha.ts for the formulas): the identity of the
 * observers never enters ᵤα. D_o sums δ² over the pairs of observers within each stretch of the
 * continuum, and D_e pools every observer's units and gaps; only their number m matters (through
 * m(m−1) in D_o and mL in D_e). So the pooled formula needs the same *number* of observers on
 * every case, not the same observers: cases read by two different pairs of reviewers pool exactly
 * as Krippendorff's two-observer formula, and that is what this function computes when every
 * pooled case has the same number of readers.
 *
 * When the number differs from case to case (two read one case, three another), there is no
 * published pooled form. This function then weighs each case's pair disagreements by
 * 1/(m_c − 1), as Krippendorff's α does for units with different numbers of values (each pair in
 * a unit of m_u values enters the coincidence matrix with weight 1/(m_u − 1)), and counts
 * N = Σ m_c·L_c observer-positions where the one-case formula has mL. With Σ_c over the cases
 * read by two or more, L = Σ L_c, D_c the Σδ² over unordered pairs in case c:
 *
 *   D_o = 2 Σ_c D_c/(m_c − 1) / (N·L)
 *   D_e = (2/L) · Σ_units [ (n − 1)(2l³ − 3l² + l)/3 + l² Σ_{gaps h ≥ l} (h − l + 1) ] / [ N(N − 1) − Σ_units l(l − 1) ]
 *   α   = 1 − D_o / D_e
 *
 * With one m for all cases, N = mL and this is Krippendorff's formula term for term. Cases read
 * by fewer than two reviewers have no pair to compare and are left out; each case on its own is
 * unitizingAlpha over its readers.
 */
export function pooledUnitizingAlpha(cases: readonly UnitizedCase[], labels: readonly string[]): PooledUnitizingAlpha {
  const pooled = cases.filter((c) => Object.keys(c.byReviewer).length >= 2);
  const single = cases.filter((c) => Object.keys(c.byReviewer).length < 2).map((c) => c.caseId);
  const k = pooled.reduce((acc, c) => lcm(acc, BigInt(Object.keys(c.byReviewer).length - 1)), 1n);
  const length = pooled.reduce((s, c) => s + c.length, 0);
  const positions = pooled.reduce((s, c) => s + Object.keys(c.byReviewer).length * c.length, 0);

  const byLabel: Record<string, UnitizingCoefficient> = {};
  for (const label of labels) {
    const t: Tally = { weighted: 0n, units: [], gaps: [] };
    for (const c of pooled) {
      const readers = Object.keys(c.byReviewer).sort();
      const runs = readers.map((r) => runsOf(c.byReviewer[r]!.filter((s) => s.label === label), c.length));
      let d = 0n;
      for (let i = 0; i < runs.length; i++) for (let j = i + 1; j < runs.length; j++) d += pairDisagreement(runs[i]!, runs[j]!);
      t.weighted += d * (k / BigInt(readers.length - 1));
      for (const g of runs.flat()) (g.unit ? t.units : t.gaps).push(g.end - g.start);
    }
    byLabel[label] = labelAlpha(t, k, pooled.length, length, positions);
  }

  const parts = Object.values(byLabel);
  const observed = parts.reduce((s, p) => s + p.observed, 0);
  const expected = parts.reduce((s, p) => s + p.expected, 0);
  const units = parts.reduce((s, p) => s + p.units, 0);
  let overall: UnitizingCoefficient;
  if (!pooled.length) overall = { ...undefinedBecause('too-few-raters'), observed, expected, units };
  else if (length === 0) overall = { ...undefinedBecause('no-data'), observed, expected, units };
  else if (expected === 0) overall = { ...undefinedBecause(units ? 'no-variation' : 'no-units'), observed, expected, units };
  else overall = { ...defined(1 - observed / expected), observed, expected, units };
  return { caseIds: pooled.map((c) => c.caseId), single, length, positions, overall, byLabel };
}

function labelAlpha(t: Tally, k: bigint, cases: number, length: number, positions: number): UnitizingCoefficient {
  const units = t.units.length;
  if (!cases) return { ...undefinedBecause('too-few-raters'), observed: 0, expected: 0, units };
  if (length === 0) return { ...undefinedBecause('no-data'), observed: 0, expected: 0, units };
  const L = BigInt(length);
  const N = BigInt(positions);
  const positionPairs = N * (N - 1n) - unitPairs(t.units);
  const expectedSum = expectedNumerator(t.units, t.gaps);
  // D_o = 2·(weighted/K) / (N·L);  D_e = 2·expectedSum / (L·positionPairs).
  const observed = bigRatio(2n * t.weighted, k * N * L);
  const expected = bigRatio(2n * expectedSum, L * positionPairs);
  if (expectedSum === 0n) return { ...undefinedBecause(units ? 'no-variation' : 'no-units'), observed, expected, units };
  // α = 1 − (weighted/K)·positionPairs / (N·expectedSum), as one exact ratio.
  const denominator = k * N * expectedSum;
  return { ...defined(bigRatio(denominator - t.weighted * positionPairs, denominator)), observed, expected, units };
}

function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return (a / x) * b;
}
