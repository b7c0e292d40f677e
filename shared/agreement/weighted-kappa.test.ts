import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohen-kappa.ts';
import { pairsFromTable } from './kappa.fixture.ts';
import { weightedKappa } from './weighted-kappa.ts';

describe('weightedKappa: hand-computed', () => {
  // Scale 1–3, pairs (1,1) (2,3) (3,3) (1,2); rows r = (2, 1, 1), columns c = (1, 1, 2), n = 4.
  const pairs = [[1, 1], [2, 3], [3, 3], [1, 2]] as const;

  it('linear: κ_w = 1/2', () => {
    // Σ|i−j|·n_ij = 1 + 1 = 2.
    // Σ|i−j|·r_i c_j = row 1: 2·1·1 + 2·2·2 = 10; row 2: 1·1·1 + 1·1·2 = 3; row 3: 2·1·1 + 1·1·1 = 3 → 16.
    // κ_w = (16 − 4·2)/16.
    const r = weightedKappa(pairs, [1, 2, 3], 'linear');
    expect(r.value).toBe(0.5);
    // Mean disagreement on weights scaled to [0, 1]: observed 2/(4·2), expected 16/(16·2).
    expect(r.observed).toBe(0.25);
    expect(r.expected).toBe(0.5);
  });

  it('quadratic: κ_w = 9/13', () => {
    // Σ(i−j)²·n_ij = 2.  Σ(i−j)²·r_i c_j = row 1: 1·2 + 4·4 = 18; row 2: 1 + 2 = 3; row 3: 4·1 + 1 = 5 → 26.
    // κ_w = (26 − 8)/26.
    expect(weightedKappa(pairs, [1, 2, 3], 'quadratic').value).toBeCloseTo(9 / 13, 14);
  });

  it('is more lenient than unweighted kappa when disagreements are near misses', () => {
    // Unweighted: p_o = 2/4, Σ r_i c_i = 2 + 1 + 2 = 5 → (8 − 5)/(16 − 5) = 3/11.
    expect(cohenKappa(pairs.map(([a, b]) => [String(a), String(b)] as [string, string])).value).toBeCloseTo(3 / 11, 14);
  });

  it('uses the rank in the given order, so string scales work', () => {
    const words = pairs.map(([a, b]) => [['low', 'mid', 'high'][a - 1]!, ['low', 'mid', 'high'][b - 1]!] as [string, string]);
    expect(weightedKappa(words, ['low', 'mid', 'high'], 'linear').value).toBe(0.5);
  });

  it.each([
    ['no items', [], 'no-data'],
    ['everyone used one category', [[3, 3], [3, 3]], 'no-variation'],
  ] as const)('is undefined for %s', (_n, p, reason) => {
    expect(weightedKappa(p, [1, 2, 3], 'linear')).toMatchObject({ value: null, reason });
  });

  it('rejects ratings off the scale', () => {
    expect(() => weightedKappa([[1, 6]], [1, 2, 3, 4, 5], 'linear')).toThrow(RangeError);
  });
});

describe('weightedKappa: published example', () => {
  /**
   * SAS/STAT User's Guide, PROC FREQ, "Cohen's Kappa Coefficients" example: two dermatologists
   * rate the skin condition of 88 patients as terrible / poor / marginal / clear. Printed:
   * simple kappa 0.3449, weighted kappa 0.5082 (Cicchetti–Allison weights, i.e. linear).
   */
  const scale = ['terrible', 'poor', 'marginal', 'clear'];
  const pairs = pairsFromTable([[10, 4, 1, 0], [5, 10, 12, 2], [2, 4, 12, 5], [0, 2, 6, 13]], scale);

  it('simple kappa 0.3449', () => {
    // p_o = 45/88; rows (15, 29, 23, 21), columns (17, 20, 31, 20): Σ r c = 1968 → (88·45 − 1968)/(88² − 1968).
    expect(cohenKappa(pairs).value).toBeCloseTo(0.3449, 4);
  });

  it('linear (Cicchetti–Allison) weighted kappa 0.5082', () => {
    // Σ v n = 36·1 + 7·2 = 50; Σ v r c = 3263·1 + 1856·2 + 657·3 = 8946 → (8946 − 88·50)/8946 = 4546/8946.
    const r = weightedKappa(pairs, scale, 'linear');
    expect(r.value).toBeCloseTo(4546 / 8946, 14);
    expect(r.value).toBeCloseTo(0.5082, 4);
  });

  it('quadratic (Fleiss–Cohen) weighted kappa, by hand: 10968/16600', () => {
    // Σ v n = 36·1 + 7·4 = 64; Σ v r c = 3263 + 1856·4 + 657·9 = 16600 → (16600 − 88·64)/16600.
    expect(weightedKappa(pairs, scale, 'quadratic').value).toBeCloseTo(10968 / 16600, 14);
  });
});
