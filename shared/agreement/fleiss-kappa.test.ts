import { describe, expect, it } from 'vitest';
import { fleissKappa } from './fleiss-kappa.ts';
import { tally } from './kappa.fixture.ts';

describe('fleissKappa: hand-computed', () => {
  it('three items, three raters: κ = 0.55', () => {
    // Items: aaa, aab, bbb. S = Σ n_ij² = 9 + (4 + 1) + 9 = 23; N = 3, n = 3, Nn = 9; T_a = 5, T_b = 4.
    // P_i = 1, 1/3, 1 → P̄ = 7/9; P̄_e = (25 + 16)/81 = 41/81.
    // κ = ((23 − 9)·9 − 2·41)/(2·(81 − 41)) = 44/80.
    const r = fleissKappa([{ a: 3 }, { a: 2, b: 1 }, { b: 3 }]);
    expect(r.value).toBeCloseTo(0.55, 14);
    expect(r.observed).toBeCloseTo(7 / 9, 14);
    expect(r.expected).toBeCloseTo(41 / 81, 14);
    expect(r.itemAgreement).toEqual([1, 1 / 3, 1]);
    // With two categories each κ_j equals κ: 1 − 9·(2·1)/(2·5·4) = 0.55.
    expect(r.byCategory['a']!.value).toBeCloseTo(0.55, 14);
    expect(r.byCategory['b']!.value).toBeCloseTo(0.55, 14);
  });

  it('is 1 when every item is unanimous and categories vary', () => {
    expect(fleissKappa([{ a: 4 }, { b: 4 }, { c: 4 }]).value).toBe(1);
  });

  it.each([
    ['no items', [], 'no-data'],
    ['one rating per item', [{ a: 1 }, { b: 1 }], 'too-few-raters'],
    ['every rating in one category', [{ a: 3 }, { a: 3 }], 'no-variation'],
    ['unequal numbers of ratings', [{ a: 3 }, { a: 1, b: 1 }], 'unequal-rater-counts'],
  ] as const)('is undefined for %s', (_n, table, reason) => {
    expect(fleissKappa(table)).toMatchObject({ value: null, reason });
  });

  it('rejects counts that are not whole numbers and categories outside the list', () => {
    expect(() => fleissKappa([{ a: 1.5 }])).toThrow(RangeError);
    expect(() => fleissKappa([{ a: 2, b: 1 }], { categories: ['a'] })).toThrow(RangeError);
  });
});

describe('fleissKappa: published examples', () => {
  it('Wikipedia, "Fleiss\' kappa", worked example: 10 subjects, 14 raters, 5 categories, κ = 0.210', () => {
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ].map((row) => Object.fromEntries(row.map((count, j) => [String(j + 1), count])));
    const r = fleissKappa(table);
    // Published: p_j = .143 .200 .279 .150 .229; P_2 = .253; P̄ = .378, P̄_e = .213, κ = .210.
    expect(r.proportions.map((p) => Number(p.toFixed(3)))).toEqual([0.143, 0.2, 0.279, 0.15, 0.229]);
    expect(r.itemAgreement[1]).toBeCloseTo(0.253, 3);
    expect(r.observed).toBeCloseTo(0.378, 3);
    expect(r.expected).toBeCloseTo(0.213, 3);
    expect(r.value).toBeCloseTo(0.21, 3);
  });

  it('Fleiss (1971), p. 379: 30 patients, 6 psychiatrists, 5 diagnoses, κ = .430', () => {
    // Data as transcribed in DKPro Statistics' Fleiss1971Test; published P̄ = .556, P̄_e = .220,
    // κ = .430, per-diagnosis κ_j .248 .248 .517 .470 .565 (to ±.005, as DKPro checks them).
    const items = [
      [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
      [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
      [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
      [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
      [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
      [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
    ];
    const r = fleissKappa(items.map(tally));
    expect(r.observed).toBeCloseTo(0.556, 3);
    expect(r.expected).toBeCloseTo(0.22, 3);
    expect(r.value).toBeCloseTo(0.43, 3);
    const published = { '1': 0.248, '2': 0.248, '3': 0.517, '4': 0.47, '5': 0.565 };
    for (const [c, k] of Object.entries(published)) expect(r.byCategory[c]!.value).toBeCloseTo(k, 2);
  });

  it('Warrens (2010), p. 284, after O\'Malley et al. (2006): 30 slides, 8 pathologists, κ = .8324', () => {
    const rows: Array<[number, string]> = [
      [14, 'NNNNNNNN'],
      [1, 'NNNANNNN'],
      [1, 'NNNNNNNA'],
      [10, 'AAAAAAAA'],
      [2, 'AANAAAAN'],
      [1, 'AANANAAN'],
      [1, 'AANANANN'],
    ];
    const table = rows.flatMap(([times, ratings]) => Array.from({ length: times }, () => tally([...ratings])));
    // S = Σ n_ij² = 1782, N = 30, n = 8, T = (103 A, 137 N):
    // κ = ((1782 − 240)·240 − 7·(103² + 137²)) / (7·(240² − 103² − 137²)) = 82217/98777 = 0.832350,
    // which the paper prints as .8324 (within 0.0001, the tolerance DKPro checks it to).
    const k = fleissKappa(table).value!;
    expect(k).toBeCloseTo(82217 / 98777, 14);
    expect(Math.abs(k - 0.8324)).toBeLessThan(0.0001);
  });
});
