import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohen-kappa.ts';
import { pairsFromTable } from './kappa.fixture.ts';
import { pairwiseCohenKappa } from './pairwise-kappa.ts';

describe('cohenKappa: hand-computed', () => {
  it.each([
    // (a,a) (a,b) (b,b) (b,b): p_o = 3/4; marginals a 2|1, b 2|3 → p_e = (2·1 + 2·3)/16 = 1/2; κ = (3/4 − 1/2)/(1/2).
    ['one disagreement in four', [['a', 'a'], ['a', 'b'], ['b', 'b'], ['b', 'b']], 0.5, 0.75, 0.5],
    // Total disagreement with balanced use: p_o = 0, p_e = (1·1 + 1·1)/4 = 1/2 → κ = −1.
    ['opposite on two items', [['a', 'b'], ['b', 'a']], -1, 0, 0.5],
    // Rater 1 always a, rater 2 always b: p_o = 0, p_e = 2·0 + 0·2 = 0 → κ = 0.
    ['each rater constant, differently', [['a', 'b'], ['a', 'b']], 0, 0, 0],
    // Perfect agreement with two categories used.
    ['perfect', [['a', 'a'], ['b', 'b'], ['c', 'c']], 1, 1, 1 / 3],
  ] as const)('%s', (_n, pairs, kappa, po, pe) => {
    const r = cohenKappa(pairs);
    expect(r.value).toBeCloseTo(kappa, 14);
    expect(r.observed).toBeCloseTo(po, 14);
    expect(r.expected).toBeCloseTo(pe, 14);
  });

  it('tabulates in the given category order and keeps unused categories', () => {
    const r = cohenKappa([['pending', 'include'], ['include', 'include']], { categories: ['include', 'pending', 'exclude'] });
    expect(r.categories).toEqual(['include', 'pending', 'exclude']);
    expect(r.counts).toEqual([[1, 0, 0], [1, 0, 0], [0, 0, 0]]);
    // p_o = 1/2; rows include 1, pending 1; columns include 2 → p_e = 2/4 → κ = 0.
    expect(r.value).toBe(0);
  });

  it('gives per-category kappa of the collapsed 2×2 table', () => {
    // a a | a b | b b | b b | c c: for "b": both b 2, neither 2 ((a,a), (c,c)), one only 1 → p_o = 4/5;
    // rows b 2, columns b 3 → p_e = (2·3 + 3·2)/25 = 12/25; κ_b = (20 − 12)/(25 − 12) = 8/13.
    const r = cohenKappa([['a', 'a'], ['a', 'b'], ['b', 'b'], ['b', 'b'], ['c', 'c']]);
    expect(r.byCategory['b']!.value).toBeCloseTo(8 / 13, 14);
    // "c": agreed on the one item, p_o = 1, p_e = (1 + 16)/25 → κ_c = 1.
    expect(r.byCategory['c']!.value).toBe(1);
  });

  it.each([
    ['no items', [], 'no-data'],
    ['everything in one category (chance agreement is certain)', [['a', 'a'], ['a', 'a']], 'no-variation'],
  ] as const)('is undefined for %s', (_n, pairs, reason) => {
    expect(cohenKappa(pairs)).toMatchObject({ value: null, reason });
  });

  it('rejects a rating outside the given categories', () => {
    expect(() => cohenKappa([['include', 'inclued']], { categories: ['include', 'exclude'] })).toThrow(RangeError);
  });
});

describe('cohenKappa: published examples', () => {
  it('Wikipedia, "Cohen\'s kappa", worked example: 50 proposals, κ = 0.40', () => {
    // Both yes 20, A yes B no 5, A no B yes 10, both no 15: p_o = .7, p_e = .5·.6 + .5·.4 = .5.
    const r = cohenKappa(pairsFromTable([[20, 5], [10, 15]], ['yes', 'no']));
    expect(r.observed).toBeCloseTo(0.7, 14);
    expect(r.expected).toBeCloseTo(0.5, 14);
    expect(r.value).toBeCloseTo(0.4, 14);
  });

  it('Cohen (1960), p. 45: 200 items, p_o = .70, p_e = .41, κ = .492', () => {
    const r = cohenKappa(pairsFromTable([[88, 14, 18], [10, 40, 10], [2, 6, 12]], ['1', '2', '3']));
    expect(r.observed).toBeCloseTo(0.7, 14);
    expect(r.expected).toBeCloseTo(0.41, 14);
    expect(r.value).toBeCloseTo(0.492, 3);
  });

  it('Landis & Koch (1977) pathologists A and B, in Agresti (1992): κ = .493', () => {
    // Agresti's per-category values (.781, .247, .402, .435) pool the two raters' marginals
    // (Scott's style); byCategory is Cohen's kappa of the collapsed table, which agrees for
    // category 1 (.781) and differs for the others: for 2, both 7, rows 26, columns 12, n 118:
    // p_o = (7 + 87)/118, p_e = (26·12 + 92·106)/118² → κ = (118·94 − 10064)/(118² − 10064) = .266.
    const r = cohenKappa(pairsFromTable([[22, 2, 2, 0], [5, 7, 14, 0], [0, 2, 36, 0], [0, 1, 17, 10]], ['1', '2', '3', '4']));
    expect(r.value).toBeCloseTo(0.493, 3);
    expect(r.byCategory['1']!.value).toBeCloseTo(0.781, 3);
    expect(r.byCategory['2']!.value).toBeCloseTo((118 * 94 - 10064) / (118 * 118 - 10064), 14);
  });
});

describe('pairwiseCohenKappa', () => {
  it('scores each pair on the units both rated and averages the pairs (Light 1971)', () => {
    const r = pairwiseCohenKappa({
      raters: ['y', 'x', 'z'],
      units: ['c1', 'c2', 'c3', 'c4'],
      values: [
        ['a', 'b', 'a', null], // y
        ['a', 'b', 'a', 'b'], // x
        ['a', 'a', 'b', 'b'], // z
      ],
    });
    expect(r.pairs.map((p) => [p.a, p.b, p.units])).toEqual([
      ['x', 'y', ['c1', 'c2', 'c3']],
      ['x', 'z', ['c1', 'c2', 'c3', 'c4']],
      ['y', 'z', ['c1', 'c2', 'c3']],
    ]);
    // x–y: identical on three → 1. x–z: (a,a)(b,a)(a,b)(b,b): p_o = 1/2, p_e = 1/2 → 0.
    // y–z: (a,a)(b,a)(a,b): p_o = 1/3; y a2 b1, z a2 b1 → p_e = 5/9 → (3 − 5)/(9 − 5) = −1/2.
    expect(r.pairs.map((p) => p.kappa.value)).toEqual([1, 0, -0.5]);
    expect(r.mean).toBeCloseTo(1 / 6, 14);
  });
});
