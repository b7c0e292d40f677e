import { bigRatio } from './big-ratio.ts';
import { defined, undefinedBecause, type Coefficient } from './coefficient.ts';
import { pairDisagreement, runsOf, type Run } from './continuum.ts';
import { ExactSum, safeProduct } from './exact-sum.ts';

/**
 * Krippendorff's unitizing alpha, ᵤα, introduced in Krippendorff (1995), "On the reliability of
 * unitizing continuous data", Sociological Methodology 25:47–76, and computed here as stated in
 * Krippendorff (2004), "Measuring the reliability of qualitative text analysis data", Quality &
 * Quantity 38:787–800, and Content Analysis, 2nd ed. (2004), ch. 11.
 *
 * For each category (label) c separately, every observer i cuts the continuum of length L into
 * units of c (w = 1) and gaps (w = 0), segment g having length l_ig. With m observers:
 *
 *   cD_o = Σ_i Σ_{j≠i} Σ_g Σ_h δ²_cigjh / (m(m−1)L²)                (δ²: see continuum.ts)
 *
 *   cD_e = (2/L) · Σ_i Σ_g w_cig [ (N_c − 1)(2l³ − 3l² + l)/3
 *                                  + l² Σ_j Σ_h (1 − w_cjh)(l_cjh − l + 1)·[l_cjh ≥ l] ]   (l = l_cig)
 *          / [ mL(mL − 1) − Σ_i Σ_g w_cig l_cig(l_cig − 1) ]
 *
 *   cα = 1 − cD_o / cD_e,      ᵤα (all labels) = 1 − Σ_c cD_o / Σ_c cD_e
 *
 * N_c is the number of units of c all observers marked, and the inner sum of D_e runs over the
 * gaps of every observer. D_e is the disagreement expected if the same units and gaps were laid
 * on the continuum at random. cα is the binary "this label vs. not" coefficient asked for per
 * label; it measures agreement on where units of c are, so labels may overlap each other
 * (an indicator inside a practice) without interfering. The 2016 family of Krippendorff, Mathet,
 * Bouvry & Widlöcher (|uα, uα, cuα) needs each observer's units to partition the text into
 * mutually exclusive values, which casebench labels are not, so it is not the variant used here.
 *
 * Several cases: each case is a continuum of its own; pooled, they lie end to end as one
 * continuum of length ΣL (Krippendorff's advice for several texts), except that a case boundary
 * always ends a gap: a reviewer's silence at the end of one case and the start of the next are
 * two gaps, not one, so the order of cases does not change the result.
 *
 * Arithmetic: offsets are integers and every sum above is an integer (l(l−1)(2l−1) is divisible
 * by 6), so the sums are kept exactly as bigints and rounded once, in the final ratio.
 */

export interface LabelledSegment {
  start: number;
  end: number;
  label: string;
}

export interface UnitizedCase {
  caseId: string;
  /** Length of the continuum (the case text), in the unit of the offsets (UTF-16 code units in casebench). */
  length: number;
  /**
   * Reviewer → the segments they marked in this case. Only reviewers who unitized the whole
   * case belong here: an empty list means "read it and marked nothing", which counts; a reviewer
   * absent from the record did not take part in this case.
   */
  byReviewer: Readonly<Record<string, readonly LabelledSegment[]>>;
}

export interface UnitizingOptions {
  /** Labels to assess, in display order. Default: every label used, sorted. */
  labels?: readonly string[];
  /** The observers of the pooled coefficient. Default: every reviewer of any case, sorted. */
  reviewers?: readonly string[];
}

export type UnitizingCoefficient = Coefficient & {
  /** cD_o and cD_e; for `overall`, their sums over labels. */
  observed: number;
  expected: number;
  /** Units (of this label; overall: of all labels) marked by the observers together. */
  units: number;
};

export interface UnitizingScope {
  reviewers: string[];
  /** Total length of the continuum assessed. */
  length: number;
  overall: UnitizingCoefficient;
  byLabel: Record<string, UnitizingCoefficient>;
}

export interface UnitizingAlpha extends UnitizingScope {
  labels: string[];
  /** Cases in the pooled coefficient: those every reviewer unitized. */
  caseIds: string[];
  /** Cases left out of the pooled coefficient, and whom they lack. */
  incomplete: Array<{ caseId: string; missing: string[] }>;
  /** Each case on its own, with the reviewers who unitized it. */
  byCase: Record<string, UnitizingScope>;
}

/** The integer ingredients of cD_o and cD_e for one label over some continua. */
interface LabelTally {
  /** Σ over unordered observer pairs of Σ_g Σ_h δ². */
  disagreement: bigint;
  unitLengths: number[];
  gapLengths: number[];
}

function checkCase(c: UnitizedCase): void {
  if (!Number.isInteger(c.length) || c.length < 0) throw new RangeError(`case ${c.caseId}: length ${c.length} is not a whole number ≥ 0`);
  for (const [reviewer, segments] of Object.entries(c.byReviewer)) {
    for (const s of segments) {
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start || s.end > c.length) {
        throw new RangeError(`case ${c.caseId}: ${reviewer}'s segment [${s.start}, ${s.end}) "${s.label}" is not within [0, ${c.length})`);
      }
    }
  }
}

/** Tallies of one case for the given reviewers (all present in the case), per label. */
function tallyCase(c: UnitizedCase, reviewers: readonly string[], labels: readonly string[]): Map<string, LabelTally> {
  const out = new Map<string, LabelTally>();
  for (const label of labels) {
    const runs: Run[][] = reviewers.map((r) => runsOf(c.byReviewer[r]!.filter((s) => s.label === label), c.length));
    let disagreement = 0n;
    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) disagreement += pairDisagreement(runs[i]!, runs[j]!);
    }
    const all = runs.flat();
    out.set(label, {
      disagreement,
      unitLengths: all.filter((g) => g.unit).map((g) => g.end - g.start),
      gapLengths: all.filter((g) => !g.unit).map((g) => g.end - g.start),
    });
  }
  return out;
}

function mergeTallies(tallies: ReadonlyArray<Map<string, LabelTally>>, labels: readonly string[]): Map<string, LabelTally> {
  return new Map(
    labels.map((label) => {
      const parts = tallies.map((t) => t.get(label)!);
      return [
        label,
        {
          disagreement: parts.reduce((s, p) => s + p.disagreement, 0n),
          unitLengths: parts.flatMap((p) => p.unitLengths),
          gapLengths: parts.flatMap((p) => p.gapLengths),
        },
      ];
    }),
  );
}

/**
 * Σ_units [ (N − 1)(2l³ − 3l² + l)/3 + l² Σ_{gaps h ≥ l} (h − l + 1) ], the numerator of D_e
 * without its factor 2/L. Gaps are sorted once so that, for each unit, the gaps at least as long
 * are a suffix: Σ (h − l + 1) = (sum of that suffix) − (l − 1)·(its size).
 */
export function expectedNumerator(units: readonly number[], gaps: readonly number[]): bigint {
  const sorted = [...gaps].sort((x, y) => x - y);
  const suffixSum = Array.from({ length: sorted.length + 1 }, () => 0);
  for (let k = sorted.length - 1; k >= 0; k--) suffixSum[k] = suffixSum[k + 1]! + sorted[k]!;
  const n = units.length;
  const sum = new ExactSum();
  for (const l of units) {
    const first = lowerBound(sorted, l);
    const count = sorted.length - first;
    // In doubles when every product is exact (nearly always); as bigints when one is not.
    // l(l−1)(2l−1) is divisible by 6, so the division by 3 is exact either way.
    const cubic = safeProduct(l * (l - 1), 2 * l - 1);
    const withinUnits = cubic === null ? null : safeProduct(n - 1, cubic);
    const beyond = suffixSum[first]! - (l - 1) * count;
    const intoGaps = Number.isSafeInteger(beyond) ? safeProduct(l * l, beyond) : null;
    if (withinUnits !== null && intoGaps !== null && Number.isSafeInteger(l * l)) {
      sum.add(withinUnits / 3);
      sum.add(intoGaps);
    } else {
      const L = BigInt(l);
      sum.addBig((BigInt(n - 1) * L * (L - 1n) * (2n * L - 1n)) / 3n + L * L * (BigInt(suffixSum[first]!) - (L - 1n) * BigInt(count)));
    }
  }
  return sum.value;
}

/** Σ l(l − 1) over the units' lengths, exactly. */
export function unitPairs(lengths: readonly number[]): bigint {
  const sum = new ExactSum();
  for (const l of lengths) {
    const p = safeProduct(l, l - 1);
    if (p === null) sum.addBig(BigInt(l) * BigInt(l - 1));
    else sum.add(p);
  }
  return sum.value;
}

/** The first index whose value is ≥ x in an ascending array. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function labelAlpha(t: LabelTally, m: number, length: number): UnitizingCoefficient {
  const units = t.unitLengths.length;
  if (m < 2) return { ...undefinedBecause('too-few-raters'), observed: 0, expected: 0, units };
  if (length === 0) return { ...undefinedBecause('no-data'), observed: 0, expected: 0, units };
  const M = BigInt(m);
  const L = BigInt(length);
  const pairs = M * (M - 1n);
  const withinUnitPairs = unitPairs(t.unitLengths);
  const positionPairs = M * L * (M * L - 1n) - withinUnitPairs; // > 0 whenever m ≥ 2 and L ≥ 1
  const expectedSum = expectedNumerator(t.unitLengths, t.gapLengths);
  // D_o = 2·Σδ² / (m(m−1)L²), Σδ² over unordered pairs; D_e = 2·expectedSum / (L·positionPairs).
  const observed = bigRatio(2n * t.disagreement, pairs * L * L);
  const expected = bigRatio(2n * expectedSum, L * positionPairs);
  if (expectedSum === 0n) return { ...undefinedBecause(units ? 'no-variation' : 'no-units'), observed, expected, units };
  // α = 1 − D_o/D_e = 1 − Σδ²·positionPairs / (m(m−1)·L·expectedSum), as one exact ratio.
  const denominator = pairs * L * expectedSum;
  return { ...defined(bigRatio(denominator - t.disagreement * positionPairs, denominator)), observed, expected, units };
}

function scope(tallies: Map<string, LabelTally>, reviewers: string[], length: number, labels: readonly string[]): UnitizingScope {
  const byLabel = Object.fromEntries(labels.map((l) => [l, labelAlpha(tallies.get(l)!, reviewers.length, length)]));
  const parts = Object.values(byLabel);
  const observed = parts.reduce((s, p) => s + p.observed, 0);
  const expected = parts.reduce((s, p) => s + p.expected, 0);
  const units = parts.reduce((s, p) => s + p.units, 0);
  let overall: UnitizingCoefficient;
  if (reviewers.length < 2) overall = { ...undefinedBecause('too-few-raters'), observed, expected, units };
  else if (length === 0) overall = { ...undefinedBecause('no-data'), observed, expected, units };
  else if (expected === 0) overall = { ...undefinedBecause(units ? 'no-variation' : 'no-units'), observed, expected, units };
  else overall = { ...defined(1 - observed / expected), observed, expected, units };
  return { reviewers, length, overall, byLabel };
}

/**
 * ᵤα per label and over all labels, for each case and pooled over the cases every reviewer
 * unitized. Degenerate data give `value: null` with a reason: fewer than two reviewers, an empty
 * continuum, or a label nobody marked.
 */
export function unitizingAlpha(cases: readonly UnitizedCase[], opts: UnitizingOptions = {}): UnitizingAlpha {
  for (const c of cases) checkCase(c);
  const reviewers = opts.reviewers ? [...opts.reviewers] : [...new Set(cases.flatMap((c) => Object.keys(c.byReviewer)))].sort();
  const considered = new Set(reviewers);
  const labels = opts.labels
    ? [...opts.labels]
    : [
        ...new Set(
          cases.flatMap((c) => Object.entries(c.byReviewer).flatMap(([r, segs]) => (considered.has(r) ? segs.map((s) => s.label) : []))),
        ),
      ].sort();

  const byCase: Array<[string, UnitizingScope]> = [];
  const complete: Array<Map<string, LabelTally>> = [];
  const caseIds: string[] = [];
  const incomplete: UnitizingAlpha['incomplete'] = [];
  let pooledLength = 0;
  for (const c of cases) {
    const present = reviewers.filter((r) => c.byReviewer[r] !== undefined);
    const tallies = tallyCase(c, present, labels);
    byCase.push([c.caseId, scope(tallies, present, c.length, labels)]);
    if (present.length === reviewers.length) {
      complete.push(tallies);
      caseIds.push(c.caseId);
      pooledLength += c.length;
    } else {
      incomplete.push({ caseId: c.caseId, missing: reviewers.filter((r) => c.byReviewer[r] === undefined) });
    }
  }
  const pooled = scope(mergeTallies(complete, labels), reviewers, pooledLength, labels);
  return { ...pooled, labels, caseIds, incomplete, byCase: Object.fromEntries(byCase) };
}
