import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from './krippendorff-alpha.ts';

describe('krippendorffAlpha: hand-computed', () => {
  it('nominal, two raters, four units: α = 8/15', () => {
    // Units (a,a) (a,b) (b,b) (b,b), each m_u = 2: o_aa = 2, o_ab = o_ba = 1, o_bb = 4; n_a = 3, n_b = 5, n = 8.
    // D_o = 2/8; D_e = 2·3·5/(8·7) = 30/56; α = 1 − 7·2/30 = 8/15.
    const r = krippendorffAlpha([['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']], 'nominal');
    expect(r.values).toEqual(['a', 'b']);
    expect(r.coincidences).toEqual([[2, 1], [1, 4]]);
    expect(r.pairable).toBe(8);
    expect(r.observed).toBe(0.25);
    expect(r.expected).toBeCloseTo(30 / 56, 15);
    expect(r.value).toBeCloseTo(8 / 15, 14);
    // c vs. not c: 1 − 7·(3 − 2)/(3·5) = 8/15 for a, and the same for b (two values: one distinction).
    expect(r.byValue!['a']!.value).toBeCloseTo(8 / 15, 14);
    expect(r.byValue!['b']!.value).toBeCloseTo(8 / 15, 14);
    // Unit 2's pair differs: mean δ² 1 over D_e = 56/30; the others agree.
    expect(r.unitDisagreement).toEqual([0, 56 / 30, 0, 0]);
  });

  // Values 1–3; A: 1 2 3, B: 1 3 3. o_11 = 2, o_23 = o_32 = 1, o_33 = 2; n_1 = 2, n_2 = 1, n_3 = 3, n = 6.
  const ordered = [[1, 2, 3], [1, 3, 3]];

  it.each([
    // ordinal δ²: (2,3) (1 + 3 − 2)² = 4; (1,2) (2 + 1 − 1.5)² = 2.25; (1,3) (6 − 2.5)² = 12.25.
    // Σ o δ² = 8; Σ n_c n_k δ² = 2(2·1·2.25 + 2·3·12.25 + 1·3·4) = 180; α = 1 − 5·8/180 = 7/9.
    ['ordinal', 7 / 9],
    // interval δ²: 1, 1, 4. Σ o δ² = 2; Σ n n δ² = 2(2·1 + 6·4 + 3·1) = 58; α = 1 − 10/58 = 24/29.
    ['interval', 24 / 29],
    // ratio δ²: (2,3) (1/5)², (1,2) (1/3)², (1,3) (2/4)². Σ o δ² = 2/25; Σ n n δ² = 2(2/9 + 3/2 + 3/25) = 829/225;
    // α = 1 − 5·(2/25)·225/829 = 739/829.
    ['ratio', 739 / 829],
    // nominal: Σ o δ² = 2; Σ n n δ² = 2(2 + 6 + 3) = 22; α = 1 − 10/22 = 6/11.
    ['nominal', 6 / 11],
  ] as const)('%s', (level, expected) => {
    expect(krippendorffAlpha(ordered, level).value).toBeCloseTo(expected, 14);
  });

  it('orders strings for ordinal data as told', () => {
    const words = ordered.map((row) => row.map((v) => ['low', 'mid', 'high'][v - 1]!));
    expect(krippendorffAlpha(words, 'ordinal', { order: ['low', 'mid', 'high'] }).value).toBeCloseTo(7 / 9, 14);
    expect(() => krippendorffAlpha(words, 'ordinal')).toThrow(TypeError);
  });

  it('leaves out units with a single value', () => {
    const withLone = krippendorffAlpha([['a', 'a', 'b', 'b', 'c'], ['a', 'b', 'b', 'b', null]], 'nominal');
    expect(withLone.value).toBeCloseTo(8 / 15, 14);
    expect(withLone.unitDisagreement[4]).toBeNull();
  });

  it.each([
    ['one rater', [['a', 'b']], 'too-few-raters'],
    ['no unit with two values', [['a', null], [null, 'b']], 'no-data'],
    ['one value throughout', [['a', 'a'], ['a', 'a']], 'no-variation'],
  ] as const)('is undefined for %s', (_n, data, reason) => {
    expect(krippendorffAlpha(data, 'nominal')).toMatchObject({ value: null, reason });
  });

  it('rejects data the level cannot measure', () => {
    expect(() => krippendorffAlpha([['a'], ['b']], 'interval')).toThrow(TypeError);
    expect(() => krippendorffAlpha([[-1], [2]], 'ratio')).toThrow(RangeError);
    expect(() => krippendorffAlpha([[1, 2], [1]], 'interval')).toThrow(RangeError);
    expect(() => krippendorffAlpha([[1], [4]], 'ordinal', { order: [1, 2, 3] })).toThrow(RangeError);
  });
});

describe('krippendorffAlpha: published examples', () => {
  /**
   * Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C: 4 observers,
   * 12 units, missing values (also Content Analysis, 2004, p. 230). Published: nominal α = .743
   * (D_o = .200, D_e = .779), ordinal α = .815, interval α = .849 (D_o = .433, D_e = 2.872),
   * ratio α = .797.
   */
  const data = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];

  it('nominal α = .743', () => {
    const r = krippendorffAlpha(data, 'nominal');
    expect(r.pairable).toBe(40); // unit 12 has one value and is not pairable
    expect(r.observed).toBeCloseTo(0.2, 3);
    expect(r.expected).toBeCloseTo(0.779, 3);
    expect(r.value).toBeCloseTo(0.743, 3);
  });

  it.each([
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('%s α = %s', (level, published) => {
    expect(krippendorffAlpha(data, level).value).toBeCloseTo(published, 3);
  });

  it('interval D_o = .433, D_e = 2.872', () => {
    const r = krippendorffAlpha(data, 'interval');
    expect(r.observed).toBeCloseTo(0.433, 3);
    expect(r.expected).toBeCloseTo(2.872, 3);
  });

  it('Wikipedia, "Krippendorff\'s alpha", computational example: 3 coders, 15 units, nominal α = .691', () => {
    const r = krippendorffAlpha(
      [
        [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
        [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
        [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
      ],
      'nominal',
    );
    expect(r.value).toBeCloseTo(0.691, 3);
  });
});
