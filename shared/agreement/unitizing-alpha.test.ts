import { describe, expect, it } from 'vitest';
import { bigRatio } from './big-ratio.ts';
import { pairDisagreement, runsOf, segmentDistance } from './continuum.ts';
import { unitizingAlpha, type LabelledSegment, type UnitizedCase } from './unitizing-alpha.ts';

const seg = (start: number, end: number, label = 'x'): LabelledSegment => ({ start, end, label });
const oneCase = (length: number, byReviewer: Record<string, LabelledSegment[]>, caseId = 'c'): UnitizedCase => ({ caseId, length, byReviewer });
const unit = (start: number, end: number) => ({ start, end, unit: true });
const gap = (start: number, end: number) => ({ start, end, unit: false });

describe('runs of a continuum', () => {
  it('alternates gaps and units over [0, L)', () => {
    expect(runsOf([{ start: 2, end: 6 }], 10)).toEqual([gap(0, 2), unit(2, 6), gap(6, 10)]);
    expect(runsOf([], 4)).toEqual([gap(0, 4)]);
    expect(runsOf([{ start: 0, end: 4 }], 4)).toEqual([unit(0, 4)]);
  });

  it('merges overlapping units of one reviewer, keeps touching ones apart, drops empty ones', () => {
    expect(runsOf([{ start: 3, end: 6 }, { start: 2, end: 4 }], 10)).toEqual([gap(0, 2), unit(2, 6), gap(6, 10)]);
    expect(runsOf([{ start: 0, end: 2 }, { start: 2, end: 5 }, { start: 7, end: 7 }], 5)).toEqual([unit(0, 2), unit(2, 5)]);
  });

  it.each([
    // Krippendorff (2004) distances, as checked in DKPro Statistics' Krippendorff2004Test:
    ['two overlapping units: 5² + 5²', unit(225, 295), unit(220, 300), 50],
    ['two overlapping units: 15² + 25²', unit(370, 400), unit(355, 375), 850],
    ['a unit wholly inside a gap: 20²', gap(400, 450), unit(400, 420), 400],
    ['a unit only partly in a gap: 0 (paid for elsewhere)', gap(295, 370), unit(355, 375), 0],
    ['a gap inside a unit: 0', unit(370, 400), gap(375, 400), 0],
    ['units that do not overlap: 0', unit(0, 5), unit(5, 9), 0],
    ['two gaps: 0', gap(0, 5), gap(2, 9), 0],
  ])('δ²: %s', (_n, g, h, expected) => {
    expect(segmentDistance(g, h)).toBe(expected);
    expect(segmentDistance(h, g)).toBe(expected);
  });

  it('sums δ² over every overlapping pair of two observers once', () => {
    // Krippendorff (2004) category c, offsets from 150: 50 + 850 + 400 = 1300.
    const i = runsOf([{ start: 75, end: 145 }, { start: 220, end: 250 }], 300);
    const j = runsOf([{ start: 70, end: 150 }, { start: 205, end: 225 }, { start: 250, end: 270 }], 300);
    expect(pairDisagreement(i, j)).toBe(1300n);
    expect(pairDisagreement(j, i)).toBe(1300n);
  });
});

describe('bigRatio', () => {
  it.each([
    ['small', 3n, 4n, 0.75],
    ['negative', -1n, 8n, -0.125],
    ['past 2^53, exact integers', 2n ** 60n + 1n, 2n ** 61n + 2n, 0.5],
    ['past the range of a double', 3n * 10n ** 400n, 4n * 10n ** 400n, 0.75],
  ])('%s', (_n, n, d, expected) => {
    expect(bigRatio(n, d)).toBeCloseTo(expected, 15);
  });
});

describe('unitizingAlpha: hand-computed continua (L = 10, two reviewers, label x)', () => {
  it('nearly the same unit: α = 969/1150', () => {
    // A: gap 2 | unit [2,6) 4 | gap 4.   B: gap 3 | unit [3,6) 3 | gap 4.
    // Σδ² = (2−3)² + (6−6)² = 1;  D_o = 2·1 / (2·1·10²) = 0.01.
    // D_e, N = 2 units, gaps {2, 4, 3, 4}:
    //   l = 4: (2−1)(2·64 − 3·16 + 4)/3 = 28, gaps ≥ 4: (4−4+1)·2 = 2 → 16·2 = 32   → 60
    //   l = 3: (2−1)(2·27 − 3·9 + 3)/3 = 10, gaps ≥ 3: 2 + 1 + 2 = 5 → 9·5 = 45     → 55
    //   denominator 2·10·(2·10 − 1) − (4·3 + 3·2) = 380 − 18 = 362
    //   D_e = (2/10)·115/362 = 23/362
    // α = 1 − 0.01·362/23 = 1 − 362/2300 = 969/1150.
    const r = unitizingAlpha([oneCase(10, { A: [seg(2, 6)], B: [seg(3, 6)] })]);
    expect(r.byLabel['x']!.observed).toBeCloseTo(0.01, 15);
    expect(r.byLabel['x']!.expected).toBeCloseTo(23 / 362, 15);
    expect(r.byLabel['x']!.value).toBeCloseTo(969 / 1150, 14);
    expect(r.overall.value).toBeCloseTo(969 / 1150, 14);
    expect(r.overall.units).toBe(2);
  });

  it('one reviewer marks nothing: α = −1.3', () => {
    // A: gap 2 | unit 4 | gap 4.   B: gap 10.   A's unit lies wholly in B's gap: Σδ² = 4² = 16.
    // D_o = 2·16 / 200 = 0.16.  D_e, N = 1: (1−1)·… = 0; gaps ≥ 4: 4 (A), 10 (B) → 1 + 7 = 8 → 16·8 = 128;
    // denominator 380 − 4·3 = 368;  D_e = (2/10)·128/368 = 8/115.   α = 1 − 0.16·115/8 = 1 − 2.3.
    const r = unitizingAlpha([oneCase(10, { A: [seg(2, 6)], B: [] })]);
    expect(r.overall.expected).toBeCloseTo(8 / 115, 15);
    expect(r.overall.value).toBeCloseTo(-1.3, 14);
  });

  it('systematic disagreement (each marks the half the other left): α = −63/22', () => {
    // A: unit [0,5) | gap [5,10).  B: gap [0,5) | unit [5,10).  Each unit lies in the other's gap: Σδ² = 25 + 25.
    // D_o = 2·50/200 = 0.5.  D_e, N = 2, gaps {5, 5}: each unit (1)(250 − 75 + 5)/3 = 60, plus 25·(1 + 1) = 50 → 110;
    // denominator 380 − 2·20 = 340;  D_e = (2/10)·220/340 = 11/85.   α = 1 − 0.5·85/11 = −31.5/11.
    const r = unitizingAlpha([oneCase(10, { A: [seg(0, 5)], B: [seg(5, 10)] })]);
    expect(r.overall.value).toBeCloseTo(-63 / 22, 14);
  });

  it('identical segmentations: exactly 1', () => {
    const r = unitizingAlpha([oneCase(10, { A: [seg(2, 6), seg(7, 9)], B: [seg(2, 6), seg(7, 9)], C: [seg(7, 9), seg(2, 6)] })]);
    expect(r.overall).toMatchObject({ value: 1, reason: null, observed: 0 });
  });

  it('a reviewer who marked overlapping spans of one label counts their union', () => {
    const merged = unitizingAlpha([oneCase(10, { A: [seg(2, 4), seg(3, 6)], B: [seg(3, 6)] })]);
    expect(merged.overall.value).toBeCloseTo(969 / 1150, 14);
  });
});

describe('unitizingAlpha: several cases, labels and reviewers', () => {
  const h1 = (caseId: string) => oneCase(10, { A: [seg(2, 6)], B: [seg(3, 6)] }, caseId);

  it('pools cases as one continuum whose case boundaries end gaps: α = 2299/2680', () => {
    // Two copies of the first hand case. L = 20, Σδ² = 2, D_o = 2·2/(2·400) = 0.005.
    // N = 4 units {4, 3, 4, 3}; gaps {2, 4, 3, 4, 2, 4, 3, 4} (case 1's last gap and case 2's first stay apart).
    //   l = 4: (3)(84)/3 = 84 + 16·(1·4) = 64 → 148, twice → 296
    //   l = 3: (3)(30)/3 = 30 + 9·(2+1+2+2+1+2) = 90 → 120, twice → 240
    //   denominator 40·39 − 2·18 = 1524;  D_e = (2/20)·536/1524
    // α = 1 − 0.005·1524/53.6 = 1 − 762/5360 = 2299/2680.
    const r = unitizingAlpha([h1('c1'), h1('c2')]);
    expect(r.caseIds).toEqual(['c1', 'c2']);
    expect(r.length).toBe(20);
    expect(r.overall.value).toBeCloseTo(2299 / 2680, 14);
    expect(r.byCase['c1']!.overall.value).toBeCloseTo(969 / 1150, 14);
  });

  it('treats labels separately (binary: this label vs. not) and sums disagreements for the overall value', () => {
    // Label x as in the first hand case; label y identical for both, so yα = 1 and it adds only to D_e.
    const r = unitizingAlpha([oneCase(10, { A: [seg(2, 6, 'x'), seg(0, 9, 'y')], B: [seg(3, 6, 'x'), seg(0, 9, 'y')] })]);
    expect(r.labels).toEqual(['x', 'y']);
    expect(r.byLabel['x']!.value).toBeCloseTo(969 / 1150, 14);
    expect(r.byLabel['y']!.value).toBe(1);
    const { x, y } = r.byLabel as Record<'x' | 'y', { observed: number; expected: number }>;
    expect(r.overall.value).toBeCloseTo(1 - (x.observed + y.observed) / (x.expected + y.expected), 14);
    expect(r.overall.value!).toBeGreaterThan(r.byLabel['x']!.value!);
  });

  it('leaves a case out of the pooled value when a reviewer did not unitize it, but still scores it', () => {
    const r = unitizingAlpha([h1('c1'), oneCase(10, { A: [seg(0, 3)] }, 'c2')]);
    expect(r.caseIds).toEqual(['c1']);
    expect(r.incomplete).toEqual([{ caseId: 'c2', missing: ['B'] }]);
    expect(r.overall.value).toBeCloseTo(969 / 1150, 14);
    expect(r.byCase['c2']!.overall).toMatchObject({ value: null, reason: 'too-few-raters' });
  });

  it('restricts to the given reviewers and labels', () => {
    const r = unitizingAlpha([oneCase(10, { A: [seg(2, 6)], B: [seg(3, 6)], C: [] })], { reviewers: ['A', 'B'], labels: ['x', 'z'] });
    expect(r.reviewers).toEqual(['A', 'B']);
    expect(r.byLabel['x']!.value).toBeCloseTo(969 / 1150, 14);
    expect(r.byLabel['z']).toMatchObject({ value: null, reason: 'no-units', units: 0 });
    expect(r.overall.value).toBeCloseTo(969 / 1150, 14);
  });

  it.each([
    ['a single reviewer', [oneCase(10, { A: [seg(0, 5)] })], 'too-few-raters'],
    ['an empty continuum', [oneCase(0, { A: [], B: [] })], 'no-data'],
    ['no cases', [], 'too-few-raters'],
    ['nobody marked anything', [oneCase(10, { A: [], B: [] })], 'no-units'],
    // Every offset is a one-character unit for both: no gap and no room to disagree, so D_e = 0.
    ['no disagreement possible', [oneCase(2, { A: [seg(0, 1), seg(1, 2)], B: [seg(0, 1), seg(1, 2)] })], 'no-variation'],
  ] as const)('is undefined, with a reason, for %s', (_n, cases, reason) => {
    const r = unitizingAlpha(cases);
    expect(r.overall.value).toBeNull();
    expect(r.overall.reason).toBe(reason);
  });

  it('rejects segments outside the continuum', () => {
    expect(() => unitizingAlpha([oneCase(10, { A: [seg(5, 11)], B: [] })])).toThrow(RangeError);
    expect(() => unitizingAlpha([oneCase(10, { A: [seg(1.5, 3)], B: [] })])).toThrow(RangeError);
  });
});

describe('unitizingAlpha: published examples', () => {
  /**
   * Krippendorff (2004), Content Analysis, 2nd ed., p. 254 (also Quality & Quantity 38:787–800):
   * a continuum from 150 to 450, observers i and j, categories c and k. Data and the published
   * figures cD_o = .0144, cD_e = .0532, cα = .7286, kD_e = .0490, kα = 1 as transcribed in DKPro
   * Statistics (org.dkpro.statistics.agreement.unitizing.Krippendorff2004Test).
   */
  const at = (b: number, l: number, label: string) => seg(b - 150, b - 150 + l, label);
  const k2004 = unitizingAlpha([
    oneCase(300, {
      i: [at(225, 70, 'c'), at(370, 30, 'c'), at(180, 60, 'k'), at(300, 50, 'k')],
      j: [at(220, 80, 'c'), at(355, 20, 'c'), at(400, 20, 'c'), at(180, 60, 'k'), at(300, 50, 'k')],
    }),
  ]);

  it('reproduces cD_o = .0144, cD_e = .0532, cα = .7286', () => {
    // cD_o = 2·1300 / (2·1·300²) = 13/900.
    // cD_e: units {70, 30, 80, 20, 20} (N = 5), gaps {75, 75, 50, 70, 55, 25, 30}:
    //   70: (4/3)(2·70³ − 3·70² + 70) = 895160 + 70²·(6+6+1) = 63700      → 958860
    //   30: (4/3)(51330) = 68440 + 30²·(46+46+21+41+26+1) = 162900         → 231340
    //   80: (4/3)(1004880) = 1339840, no gap ≥ 80                          → 1339840
    //   20 (twice): (4/3)(14820) = 19760 + 20²·(56+56+31+51+36+6+11) = 98800 → 237120
    //   Σ = 2767160;  denominator 600·599 − (4830 + 870 + 6320 + 380 + 380) = 346620
    //   cD_e = (2/300)·2767160/346620 = 0.053222
    const c = k2004.byLabel['c']!;
    expect(c.observed).toBeCloseTo(13 / 900, 15);
    expect(c.expected).toBeCloseTo((2 / 300) * (2767160 / 346620), 15);
    expect(c.observed).toBeCloseTo(0.0144, 4);
    expect(c.expected).toBeCloseTo(0.0532, 4);
    expect(c.value).toBeCloseTo(0.7286, 4);
  });

  it('reproduces kD_e = .0490 and kα = 1', () => {
    // Units {60, 50} for each observer (N = 4), gaps {30, 60, 100} for each:
    //   60: (3/3)(2·60³ − 3·60² + 60) = 421260 + 60²·(1+41+1+41) = 302400 → 723660, twice
    //   50: (3/3)(242550) + 50²·(11+51+11+51) = 310000 → 552550, twice
    //   denominator 359400 − (2·60·59 + 2·50·49) = 347420;  kD_e = (2/300)·2552420/347420
    const k = k2004.byLabel['k']!;
    expect(k.expected).toBeCloseTo((2 / 300) * (2552420 / 347420), 15);
    expect(k.expected).toBeCloseTo(0.049, 4);
    expect(k.value).toBe(1);
  });

  it('combines the categories as 1 − ΣD_o / ΣD_e', () => {
    // 1 − 0.014444/(0.053222 + 0.048979) = 0.85867. (DKPro's 0.8591 is the same formula on the
    // rounded figures: 1 − .0144/(.0532 + .0490).)
    expect(k2004.overall.value).toBeCloseTo(0.85867, 5);
    expect(1 - 0.0144 / (0.0532 + 0.049)).toBeCloseTo(0.8591, 4);
  });

  /**
   * Krippendorff (1995), Sociological Methodology 25, p. 57: four pairs of observers on a
   * continuum of 24, categories A–D, with published D_o .03125, 2.26736, .02777, .38715 and
   * α .553, −.926, .679, .066 (as transcribed in DKPro Statistics' Krippendorff1995Test). The
   * 1995 paper treats the continuum as continuous; stretching the integer data towards that limit
   * reproduces α for A, B and D. For C the 2004 formula gives .693: DKPro's test notes an error in
   * the 1995 paper's D_e and accepts ±.02 there too.
   */
  const k1995 = (stretch: number) => {
    const s = (b: number, l: number, label: string) => seg(b * stretch, (b + l) * stretch, label);
    return unitizingAlpha([
      oneCase(24 * stretch, {
        first: [s(2, 8, 'A'), s(14, 6, 'A'), s(0, 18, 'B'), s(2, 6, 'C'), s(10, 2, 'C'), s(14, 4, 'C'), s(20, 2, 'C')]
          .concat([s(0, 2, 'D'), s(2, 8, 'D'), s(10, 4, 'D'), s(14, 6, 'D'), s(20, 4, 'D')]),
        second: [s(4, 4, 'A'), s(15, 2, 'A'), s(0, 2, 'B'), s(2, 1, 'B'), s(3, 1, 'B'), s(4, 1, 'B'), s(5, 1, 'B'), s(6, 3, 'B'), s(9, 1, 'B')]
          .concat([s(0, 2, 'C'), s(4, 4, 'C'), s(10, 4, 'C'), s(16, 2, 'C'), s(20, 2, 'C')])
          .concat([s(0, 4, 'D'), s(4, 4, 'D'), s(8, 7, 'D'), s(15, 2, 'D'), s(17, 7, 'D')]),
      }),
    ]);
  };

  it.each([
    // B: John's unit [0,18) against Jill's seven: 256 + 229 + 205 + 185 + 169 + 117 + 145 = 1306; 1306/576.
    ['A', 0.03125],
    ['B', 1306 / 576],
    ['C', 0.027777],
    ['D', 0.38715],
  ])('reproduces the observed disagreement of %s (scale-free)', (label, published) => {
    expect(k1995(1).byLabel[label]!.observed).toBeCloseTo(published, 5);
    expect(k1995(100).byLabel[label]!.observed).toBeCloseTo(published, 5);
  });

  it.each([
    ['A', 0.553, 3],
    ['B', -0.926, 2],
    ['D', 0.066, 3],
  ])('approaches the published α of %s on a fine continuum', (label, published, digits) => {
    expect(k1995(50_000).byLabel[label]!.value).toBeCloseTo(published, digits);
  });

  it('gives .693 for C where the 1995 paper printed .679', () => {
    expect(k1995(50_000).byLabel['C']!.value).toBeCloseTo(0.693, 3);
  });
});
