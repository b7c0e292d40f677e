import { ratio, undefinedBecause, type Coefficient } from './coefficient.ts';

/**
 * Intraclass correlations for n items (targets) each rated by the same k raters (judges), from
 * Shrout & Fleiss (1979), "Intraclass correlations: uses in assessing rater reliability",
 * Psychological Bulletin 86:420–428. With the two-way ANOVA mean squares
 *
 *   BMS = SS_items/(n − 1),  JMS = SS_raters/(k − 1),  EMS = SS_residual/((n − 1)(k − 1)),
 *   WMS = (SS_raters + SS_residual)/(n(k − 1))      (within items, for the one-way model)
 *
 *   ICC(1,1) = (BMS − WMS) / (BMS + (k − 1)WMS)                      one-way random
 *   ICC(2,1) = (BMS − EMS) / (BMS + (k − 1)EMS + k(JMS − EMS)/n)     two-way, absolute agreement
 *   ICC(3,1) = (BMS − EMS) / (BMS + (k − 1)EMS)                      two-way, consistency
 *   ICC(1,k) = (BMS − WMS) / BMS
 *   ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS)/n)
 *   ICC(3,k) = (BMS − EMS) / BMS
 *
 * In McGraw & Wong (1996), "Forming inferences about some intraclass correlation coefficients",
 * Psychological Methods 1:30–46, ICC(2,1) is ICC(A,1) and ICC(3,1) is ICC(C,1); their two-way
 * random and two-way mixed models give the same numbers. "1" is one rater's reliability, "k"
 * that of the mean of k raters. For casebench scores: ICC(2,1) asks whether reviewers give the
 * same scores (a harsh reviewer lowers it), ICC(3,1) whether they rank cases alike.
 *
 * Missing values: an item with any missing (null or NaN) rating is dropped whole (listwise);
 * the dropped items are reported. Every ratio is undefined ('no-variation') when its
 * denominator is 0, e.g. when every rating is the same. The denominators estimate variances
 * and are never negative, except that of ICC(2,k), which is negative when EMS > n·BMS + JMS
 * (say 2 items × 2 raters [[3,1],[1,2]], where the formula would give 2.67): then the estimate
 * means nothing and the result is undefined with reason 'negative-variance'.
 *
 * Arithmetic: sums of squares are formed as n·k·SS = n·k·Σx² − G² (and alike), which are exact
 * integers for integer ratings, and each ICC is one ratio of such terms.
 */
export const ICC_TYPES = ['ICC(1,1)', 'ICC(2,1)', 'ICC(3,1)', 'ICC(1,k)', 'ICC(2,k)', 'ICC(3,k)'] as const;
export type IccType = (typeof ICC_TYPES)[number];

export interface IccAnova {
  /** Items and raters in the analysis (after dropping incomplete items). */
  n: number;
  k: number;
  bms: number;
  wms: number;
  jms: number;
  ems: number;
}

export type Icc = Coefficient & {
  type: IccType;
  anova: IccAnova;
  /** Indexes (into the input rows) of the items dropped for a missing rating. */
  dropped: number[];
};

type Matrix = ReadonlyArray<ReadonlyArray<number | null>>;

/** n·k·SS for items (rows), raters (columns), total, and the derived residual and within. */
interface ScaledSums {
  n: number;
  k: number;
  items: number;
  raters: number;
  residual: number;
  within: number;
}

function scaledSums(rows: ReadonlyArray<readonly number[]>, k: number): ScaledSums {
  const n = rows.length;
  let grand = 0;
  let squares = 0;
  const columnSums = Array.from({ length: k }, () => 0);
  let rowSquares = 0;
  for (const row of rows) {
    let rowSum = 0;
    for (let j = 0; j < k; j++) {
      const x = row[j]!;
      grand += x;
      squares += x * x;
      rowSum += x;
      columnSums[j]! += x;
    }
    rowSquares += rowSum * rowSum;
  }
  const columnSquares = columnSums.reduce((s, c) => s + c * c, 0);
  const g2 = grand * grand;
  const total = n * k * squares - g2; // n·k·SS_total
  const items = n * rowSquares - g2; // n·k·SS_items = n·k·(Σ R_i²/k − G²/(nk))
  const raters = k * columnSquares - g2; // n·k·SS_raters
  return { n, k, items, raters, residual: total - items - raters, within: total - items };
}

/** Numerator and denominator of each ICC, multiplied through by n(n − 1)(k − 1) and by n·k. */
function iccTerms(t: IccType, s: ScaledSums): [number, number] {
  const { n, k, items, raters, residual, within } = s;
  switch (t) {
    case 'ICC(1,1)':
      return [n * (k - 1) * items - (n - 1) * within, n * (k - 1) * items + (k - 1) * (n - 1) * within];
    case 'ICC(1,k)':
      return [n * (k - 1) * items - (n - 1) * within, n * (k - 1) * items];
    case 'ICC(2,1)':
      return [n * (k - 1) * items - n * residual, n * (k - 1) * items + n * (k - 1) * residual + k * (n - 1) * raters - k * residual];
    case 'ICC(2,k)':
      return [n * (k - 1) * items - n * residual, n * (k - 1) * items + (n - 1) * raters - residual];
    case 'ICC(3,1)':
      return [n * (k - 1) * items - n * residual, n * (k - 1) * items + n * (k - 1) * residual];
    case 'ICC(3,k)':
      return [n * (k - 1) * items - n * residual, n * (k - 1) * items];
  }
}

function anovaOf(s: ScaledSums): IccAnova {
  const { n, k } = s;
  const nk = n * k;
  const ms = (scaledSs: number, df: number) => (df > 0 ? scaledSs / nk / df : 0);
  return {
    n,
    k,
    bms: ms(s.items, n - 1),
    wms: ms(s.within, n * (k - 1)),
    jms: ms(s.raters, k - 1),
    ems: ms(s.residual, (n - 1) * (k - 1)),
  };
}

const isMissing = (x: number | null | undefined): boolean => x === null || x === undefined || Number.isNaN(x);

/** Drops items with a missing rating; a row of the wrong length is an error, not a missing value. */
function completeRows(matrix: Matrix): { rows: number[][]; dropped: number[]; k: number } {
  const k = matrix[0]?.length ?? 0;
  const rows: number[][] = [];
  const dropped: number[] = [];
  matrix.forEach((row, i) => {
    if (row.length !== k) throw new RangeError(`item ${i} has ${row.length} ratings, item 0 has ${k}`);
    if (row.some(isMissing)) dropped.push(i);
    else rows.push(row as number[]);
  });
  for (const row of rows) for (const x of row) if (!Number.isFinite(x)) throw new RangeError(`rating ${x} is not a finite number`);
  return { rows, dropped, k };
}

/** One ICC of an items × raters matrix (null or NaN for a missing rating). */
export function icc(matrix: Matrix, type: IccType): Icc {
  return iccAll(matrix)[type];
}

/** All six Shrout–Fleiss ICCs at once (they share one ANOVA). */
export function iccAll(matrix: Matrix): Record<IccType, Icc> {
  const { rows, dropped, k } = completeRows(matrix);
  const sums = scaledSums(rows, k);
  const anova = anovaOf(sums);
  const one = (type: IccType): Icc => {
    let value: Coefficient;
    if (rows.length === 0) value = undefinedBecause('no-data');
    else if (k < 2) value = undefinedBecause('too-few-raters');
    else if (rows.length < 2) value = undefinedBecause('too-few-items');
    else {
      const [numerator, denominator] = iccTerms(type, sums);
      value = denominator < 0 ? undefinedBecause('negative-variance') : ratio(numerator, denominator, 'no-variation');
    }
    return { ...value, type, anova, dropped };
  };
  return Object.fromEntries(ICC_TYPES.map((t) => [t, one(t)])) as Record<IccType, Icc>;
}
