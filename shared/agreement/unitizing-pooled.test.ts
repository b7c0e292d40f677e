import { describe, expect, it } from 'vitest';
import { pooledUnitizingAlpha } from './unitizing-pooled.ts';
import { unitizingAlpha, type LabelledSegment, type UnitizedCase } from './unitizing-alpha.ts';

const seg = (start: number, end: number, label = 'x'): LabelledSegment => ({ start, end, label });
const oneCase = (caseId: string, length: number, byReviewer: Record<string, LabelledSegment[]>): UnitizedCase => ({ caseId, length, byReviewer });
/** The first hand case of unitizing-alpha.test.ts (α = 969/1150), read by the two given reviewers. */
const h1 = (caseId: string, a = 'A', b = 'B') => oneCase(caseId, 10, { [a]: [seg(2, 6)], [b]: [seg(3, 6)] });
/** Krippendorff (2004) p. 254, as in unitizing-alpha.test.ts. */
const at = (b: number, l: number, label: string) => seg(b - 150, b - 150 + l, label);
const k2004 = (caseId: string, i: string, j: string) =>
  oneCase(caseId, 300, {
    [i]: [at(225, 70, 'c'), at(370, 30, 'c'), at(180, 60, 'k'), at(300, 50, 'k')],
    [j]: [at(220, 80, 'c'), at(355, 20, 'c'), at(400, 20, 'c'), at(180, 60, 'k'), at(300, 50, 'k')],
  });
/** The cases with each one's readers renamed 1…m: Krippendorff's pooled formula over "slots". */
const slots = (cases: UnitizedCase[]) => cases.map((c) => ({ ...c, byReviewer: Object.fromEntries(Object.keys(c.byReviewer).sort().map((r, i) => [String(i + 1), c.byReviewer[r]!])) }));

describe('pooledUnitizingAlpha: the same number of readers on every case is Krippendorff’s formula', () => {
  it.each([
    ['two copies, the same pair (2299/2680 by hand in unitizing-alpha.test.ts)', [h1('c1'), h1('c2')], ['x'], 2299 / 2680],
    ['a split committee: A and B read c1, B and C read c2', [h1('c1', 'A', 'B'), h1('c2', 'B', 'C')], ['x'], 2299 / 2680],
    ['a case read by one reviewer is left out', [h1('c1'), oneCase('c2', 10, { A: [seg(0, 3)] })], ['x'], 969 / 1150],
    ['Krippendorff (2004), categories c and k: 0.85867', [k2004('k', 'i', 'j')], ['c', 'k'], 0.85867],
    ['the 2004 continuum read twice, by overlapping pairs', [k2004('k1', 'i', 'j'), k2004('k2', 'j', 'l')], ['c', 'k'], null],
    ['three readers who agree: 1', [oneCase('c', 10, { A: [seg(2, 6)], B: [seg(2, 6)], C: [seg(2, 6)] })], ['x'], 1],
  ] as const)('%s', (_n, cases, labels, hand) => {
    const r = pooledUnitizingAlpha(cases, labels);
    const pooled = cases.filter((c) => Object.keys(c.byReviewer).length >= 2);
    const reference = unitizingAlpha(slots(pooled), { labels });
    if (hand !== null) expect(r.overall.value).toBeCloseTo(hand, 5);
    expect(r.overall.value).toBeCloseTo(reference.overall.value!, 14);
    for (const l of labels) {
      expect(r.byLabel[l]!.observed).toBeCloseTo(reference.byLabel[l]!.observed, 15);
      expect(r.byLabel[l]!.expected).toBeCloseTo(reference.byLabel[l]!.expected, 15);
    }
    expect(r.caseIds).toEqual(pooled.map((c) => c.caseId));
  });
});

describe('pooledUnitizingAlpha: different numbers of readers', () => {
  it('weighs each case’s pairs by 1/(m − 1): α = 229/31325 by hand', () => {
    // c1 (L = 10): A [2,6), B [3,6): D = 1, m = 2.
    // c2 (L = 10): A and B mark [0,5), C nothing: A–B 0, A–C 5², B–C 5² → D = 50, m = 3.
    // Σ D_c/(m_c − 1) = 1 + 25 = 26;  N = 2·10 + 3·10 = 50;  L = 20;  D_o = 2·26/(50·20) = 0.052.
    // Units {4, 3, 5, 5} (n = 4); gaps {2, 4, 3, 4} and {5, 5, 10}:
    //   l = 4: 3·(4·3·7)/3 = 84 + 16·(1 + 1 + 2 + 2 + 7) = 208           → 292
    //   l = 3: 3·(3·2·5)/3 = 30 + 9·(2 + 1 + 2 + 3 + 3 + 8) = 171          → 201
    //   l = 5: 3·(5·4·9)/3 = 180 + 25·(1 + 1 + 6) = 200, twice             → 760
    //   Σ = 1253;  N(N − 1) − Σ l(l − 1) = 2450 − (12 + 6 + 20 + 20) = 2392;  D_e = 2·1253/(20·2392)
    // α = 1 − 26·2392 / (50·1253) = 458/62650 = 229/31325.
    const r = pooledUnitizingAlpha([h1('c1'), oneCase('c2', 10, { A: [seg(0, 5)], B: [seg(0, 5)], C: [] })], ['x']);
    expect(r.positions).toBe(50);
    expect(r.byLabel['x']!.observed).toBeCloseTo(0.052, 15);
    expect(r.byLabel['x']!.expected).toBeCloseTo((2 * 1253) / (20 * 2392), 15);
    expect(r.overall.value).toBeCloseTo(229 / 31325, 15);
    expect(r.overall.units).toBe(4);
  });

  it('does not depend on the order of the cases or the names of the readers', () => {
    const cases = [h1('c1'), oneCase('c2', 10, { A: [seg(0, 5)], B: [seg(0, 5)], C: [] }), h1('c3', 'C', 'D')];
    const renamed = [oneCase('c2', 10, { X: [seg(0, 5)], Y: [], Z: [seg(0, 5)] }), h1('c3', 'P', 'Q'), h1('c1', 'Q', 'R')];
    expect(pooledUnitizingAlpha(renamed, ['x']).overall.value).toBeCloseTo(pooledUnitizingAlpha(cases, ['x']).overall.value!, 15);
  });

  it.each([
    ['no case read by two', [oneCase('c1', 10, { A: [seg(0, 5)] }), oneCase('c2', 10, {})], 'too-few-raters'],
    ['no cases', [], 'too-few-raters'],
    ['empty continua', [oneCase('c', 0, { A: [], B: [] })], 'no-data'],
    ['nobody marked anything', [oneCase('c', 10, { A: [], B: [] })], 'no-units'],
  ] as const)('is undefined, with a reason, for %s', (_n, cases, reason) => {
    const r = pooledUnitizingAlpha(cases, ['x']);
    expect(r.overall).toMatchObject({ value: null, reason });
    expect(r.byLabel['x']).toMatchObject({ value: null, reason });
  });
});
