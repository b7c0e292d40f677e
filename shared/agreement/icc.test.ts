import { describe, expect, it } from 'vitest';
import { icc, iccAll } from './icc.ts';

describe('icc: hand-computed', () => {
  // Three items, rater 2 always one point above rater 1.
  // G = 21, Σx² = 91, nk = 6: SS_total = 91 − 441/6 = 17.5; row sums 3, 7, 11 → SS_items = 179/2 − 73.5 = 16;
  // column sums 9, 12 → SS_raters = 225/3 − 73.5 = 1.5; SS_residual = 0; SS_within = 1.5.
  // BMS = 8, JMS = 1.5, EMS = 0, WMS = 1.5/3 = 0.5.
  const shifted = [[1, 2], [3, 4], [5, 6]];

  it('mean squares', () => {
    expect(icc(shifted, 'ICC(3,1)').anova).toEqual({ n: 3, k: 2, bms: 8, wms: 0.5, jms: 1.5, ems: 0 });
  });

  it.each([
    ['ICC(1,1)', 7.5 / 8.5], // (8 − 0.5)/(8 + 0.5)
    ['ICC(2,1)', 8 / 9], // (8 − 0)/(8 + 0 + 2·(1.5 − 0)/3): the constant offset costs absolute agreement
    ['ICC(3,1)', 1], // (8 − 0)/(8 + 0): consistency ignores the offset
    ['ICC(1,k)', 7.5 / 8], // (8 − 0.5)/8
    ['ICC(2,k)', 8 / 8.5], // (8 − 0)/(8 + (1.5 − 0)/3)
    ['ICC(3,k)', 1], // (8 − 0)/8
  ] as const)('%s', (type, expected) => {
    expect(icc(shifted, type).value).toBeCloseTo(expected, 14);
  });

  it('drops items with a missing rating and says which', () => {
    const r = icc([[1, 2], [2, null], [3, 4], [Number.NaN, 1], [5, 6]], 'ICC(2,1)');
    expect(r.dropped).toEqual([1, 3]);
    expect(r.value).toBeCloseTo(8 / 9, 14);
  });

  it('is undefined where a denominator vanishes, and can be negative', () => {
    // [[1,2],[2,1]]: BMS = 0, JMS = 0, EMS = 1. ICC(2,1) = (0 − 1)/(0 + 1 + 2·(0 − 1)/2) = −1/0.
    const crossed = iccAll([[1, 2], [2, 1]]);
    expect(crossed['ICC(2,1)']).toMatchObject({ value: null, reason: 'no-variation' });
    expect(crossed['ICC(3,1)'].value).toBe(-1); // (0 − 1)/(0 + 1)
  });

  it('does not report ICC(2,k) when its variance estimate is negative', () => {
    // [[3,1],[1,2]]: G = 7, Σx² = 15; SS_total = 15 − 49/4 = 2.75, SS_items = 25/2 − 12.25 = 0.25,
    // SS_raters = 0.25, SS_residual = 2.25 → BMS = 0.25, JMS = 0.25, EMS = 2.25.
    // ICC(2,k) = (0.25 − 2.25)/(0.25 + (0.25 − 2.25)/2) = −2/−0.75 would be 2.67.
    const r = iccAll([[3, 1], [1, 2]]);
    expect(r['ICC(2,k)']).toMatchObject({ value: null, reason: 'negative-variance' });
    expect(r['ICC(2,1)'].value).toBeCloseTo(-4, 14); // −2/(0.25 + 2.25 + 2·(0.25 − 2.25)/2) = −2/0.5
  });

  it.each([
    ['every rating equal', [[3, 3], [3, 3], [3, 3]], 'no-variation'],
    ['one item', [[1, 2]], 'too-few-items'],
    ['one rater', [[1], [2], [3]], 'too-few-raters'],
    ['no complete item', [[1, null]], 'no-data'],
    ['no items', [], 'no-data'],
  ] as const)('is undefined for %s', (_n, matrix, reason) => {
    expect(icc(matrix, 'ICC(2,1)')).toMatchObject({ value: null, reason });
  });

  it('rejects ragged rows', () => {
    expect(() => icc([[1, 2], [3]], 'ICC(2,1)')).toThrow(RangeError);
  });
});

describe('icc: published example', () => {
  /**
   * Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges. Published (Table 4):
   * BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02; ICC(1,1) .17, ICC(2,1) .29, ICC(3,1) .71,
   * ICC(1,4) .44, ICC(2,4) .62, ICC(3,4) .91.
   */
  const table = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
  ];
  const all = iccAll(table);

  it('mean squares', () => {
    const { bms, wms, jms, ems } = all['ICC(1,1)'].anova;
    expect(bms).toBeCloseTo(11.24, 2);
    expect(wms).toBeCloseTo(6.26, 2);
    expect(jms).toBeCloseTo(32.49, 2);
    expect(ems).toBeCloseTo(1.02, 2);
  });

  it.each([
    ['ICC(1,1)', 0.17],
    ['ICC(2,1)', 0.29],
    ['ICC(3,1)', 0.71],
    ['ICC(1,k)', 0.44],
    ['ICC(2,k)', 0.62],
    ['ICC(3,k)', 0.91],
  ] as const)('%s = %s', (type, published) => {
    expect(Number(all[type].value!.toFixed(2))).toBe(published);
  });
});
