import { describe, expect, it } from 'vitest';
import { pairwiseSpanF1 } from './pairwise-span.ts';
import { spanAgreement, type SpanLike } from './span-agreement.ts';
import { countExactMatches, matchByOverlap, overlapLength } from './span-match.ts';

const span = (caseId: string, label: string, start: number, end: number): SpanLike => ({ caseId, label, start, end });
const r = (start: number, end: number) => ({ start, end });

describe('span matching', () => {
  it.each([
    ['apart', r(0, 5), r(6, 9), 0],
    ['touching is not overlapping', r(0, 5), r(5, 9), 0],
    ['partial', r(0, 5), r(3, 9), 2],
    ['nested', r(0, 10), r(2, 4), 2],
    ['equal', r(2, 7), r(2, 7), 5],
  ])('overlapLength: %s', (_n, a, b, expected) => {
    expect(overlapLength(a, b)).toBe(expected);
    expect(overlapLength(b, a)).toBe(expected);
  });

  it.each([
    ['one pair', [r(0, 5)], [r(0, 5)], 1],
    ['duplicates pair off one to one: min(2, 1)', [r(0, 5), r(0, 5)], [r(0, 5)], 1],
    ['same start, other end', [r(0, 5)], [r(0, 6)], 0],
    ['nothing on one side', [], [r(0, 5)], 0],
  ])('countExactMatches: %s', (_n, a, b, expected) => {
    expect(countExactMatches(a, b)).toBe(expected);
    expect(countExactMatches(b, a)).toBe(expected);
  });

  it('takes the largest overlap first and uses each span once', () => {
    // a [0,10) overlaps b [0,4) by 4 and b [5,10) by 5: it goes with [5,10); [0,4) stays unmatched.
    expect(matchByOverlap([r(0, 10)], [r(0, 4), r(5, 10)])).toEqual([[0, 1]]);
  });

  it('breaks equal overlaps by closer boundaries, then by position, the same from either side', () => {
    // a [0,4) and [4,8) both overlap b [2,6) by 2, both with boundary distance 2 + 2 = 4:
    // the pair holding the earlier range, [0,4), wins, whichever side it is on.
    expect(matchByOverlap([r(0, 4), r(4, 8)], [r(2, 6)])).toEqual([[0, 0]]);
    expect(matchByOverlap([r(2, 6)], [r(0, 4), r(4, 8)])).toEqual([[0, 0]]);
    // Closer boundaries win over position: [1,5) vs [2,6): overlap 3, distance 2; [3,9) vs [2,6): overlap 3, distance 4.
    expect(matchByOverlap([r(3, 9), r(1, 5)], [r(2, 6)])).toEqual([[1, 0]]);
  });

  it('is greedy, not a maximum matching (documented)', () => {
    // a1 [0,10) overlaps b1 [5,12) by 5 and b2 [0,3) by 3; a2 [8,12) overlaps b1 by 4.
    // Greedy takes a1–b1 (5) first, leaving a2 and b2 without partners: 1 match where 2 were possible.
    expect(matchByOverlap([r(0, 10), r(8, 12)], [r(5, 12), r(0, 3)])).toEqual([[0, 0]]);
  });

  it('matches identical empty ranges, and nothing else to an empty range', () => {
    expect(matchByOverlap([r(3, 3)], [r(3, 3)])).toEqual([[0, 0]]);
    expect(matchByOverlap([r(3, 3)], [r(0, 9)])).toEqual([]);
  });
});

describe('spanAgreement', () => {
  // Reference a and candidate b:
  //   c1 indicator: a [0,5) [10,20)      b [0,5) [12,18)     exact 1 ([0,5)), overlap 2
  //   c1 lesson:    a [30,40)            b [35,50)           exact 0, overlap 1
  //   c1 practice:  a —                  b [60,70)           nothing to match
  //   c2 indicator: a [0,4)              b —                 nothing matched
  const a = [span('c1', 'indicator', 0, 5), span('c1', 'indicator', 10, 20), span('c1', 'lesson', 30, 40), span('c2', 'indicator', 0, 4)];
  const b = [span('c1', 'indicator', 0, 5), span('c1', 'indicator', 12, 18), span('c1', 'lesson', 35, 50), span('c1', 'practice', 60, 70)];
  const result = spanAgreement(a, b);

  it('lists labels and cases in sorted order by default', () => {
    expect(result.labels).toEqual(['indicator', 'lesson', 'practice']);
    expect(result.caseIds).toEqual(['c1', 'c2']);
  });

  it.each([
    // indicator: |a| = 3, |b| = 2. Exact: P = 1/2, R = 1/3, F1 = 2·1/(3+2) = 0.4. Overlap: P = 2/2, R = 2/3, F1 = 4/5.
    ['indicator', { reference: 3, candidate: 2, matched: 1, precision: 1 / 2, recall: 1 / 3, f1: 2 / 5 }, { reference: 3, candidate: 2, matched: 2, precision: 1, recall: 2 / 3, f1: 4 / 5 }],
    // lesson: 1 and 1; exact none (F1 0), overlap one (F1 1).
    ['lesson', { reference: 1, candidate: 1, matched: 0, precision: 0, recall: 0, f1: 0 }, { reference: 1, candidate: 1, matched: 1, precision: 1, recall: 1, f1: 1 }],
    // practice: only b has one: P = 0/1, R = 0/0 → null, F1 = 0/(0+1) = 0.
    ['practice', { reference: 0, candidate: 1, matched: 0, precision: 0, recall: null, f1: 0 }, { reference: 0, candidate: 1, matched: 0, precision: 0, recall: null, f1: 0 }],
  ])('per label: %s', (label, exact, overlap) => {
    expect(result.byLabel[label]).toEqual({ exact, overlap });
  });

  it('micro-averages the overall scores and macro-averages F1 over labels', () => {
    // Σ: |a| = 4, |b| = 4; exact 1 → F1 = 2/8; overlap 3 → 6/8.
    expect(result.overall.exact).toEqual({ reference: 4, candidate: 4, matched: 1, precision: 1 / 4, recall: 1 / 4, f1: 1 / 4 });
    expect(result.overall.overlap).toEqual({ reference: 4, candidate: 4, matched: 3, precision: 3 / 4, recall: 3 / 4, f1: 3 / 4 });
    // Macro: exact (0.4 + 0 + 0)/3, overlap (0.8 + 1 + 0)/3.
    expect(result.macroF1.exact).toBeCloseTo(0.4 / 3, 12);
    expect(result.macroF1.overlap).toBeCloseTo(1.8 / 3, 12);
  });

  it('scores each case, so the committee sees where reviewers differ', () => {
    // c1: |a| = 3, |b| = 4, exact 1 → 2/7, overlap 3 → 6/7. c2: a's one span is missed.
    expect(result.byCase['c1']!.overall.exact.f1).toBeCloseTo(2 / 7, 12);
    expect(result.byCase['c1']!.overall.overlap.f1).toBeCloseTo(6 / 7, 12);
    expect(result.byCase['c2']!.overall.overlap).toEqual({ reference: 1, candidate: 0, matched: 0, precision: null, recall: 0, f1: 0 });
    expect(result.byCase['c2']!.byLabel['lesson']!.exact.f1).toBeNull();
  });

  it('restricts to the given labels and cases, listing empty ones', () => {
    const only = spanAgreement(a, b, { labels: ['lesson', 'policy'], caseIds: ['c2', 'c1', 'c9'] });
    expect(only.labels).toEqual(['lesson', 'policy']);
    expect(Object.keys(only.byCase)).toEqual(['c2', 'c1', 'c9']);
    expect(only.overall.overlap).toEqual({ reference: 1, candidate: 1, matched: 1, precision: 1, recall: 1, f1: 1 });
    expect(only.byLabel['policy']!.exact).toEqual({ reference: 0, candidate: 0, matched: 0, precision: null, recall: null, f1: null });
    expect(only.macroF1).toEqual({ exact: 0, overlap: 1 });
  });

  it('never matches across cases or labels', () => {
    const x = spanAgreement([span('c1', 'indicator', 0, 5)], [span('c2', 'indicator', 0, 5), span('c1', 'lesson', 0, 5)]);
    expect(x.overall.exact.matched).toBe(0);
    expect(x.overall.overlap.matched).toBe(0);
  });

  it('has nothing to say about two empty sets', () => {
    const x = spanAgreement([], []);
    expect(x.overall.exact).toEqual({ reference: 0, candidate: 0, matched: 0, precision: null, recall: null, f1: null });
    expect(x.macroF1).toEqual({ exact: null, overlap: null });
  });

  it('rejects a span that ends before it starts', () => {
    expect(() => spanAgreement([span('c1', 'x', 5, 2)], [])).toThrow(RangeError);
  });
});

describe('pairwiseSpanF1', () => {
  // x and y agree exactly; z marks y's span longer (overlap only) and an extra one.
  const byReviewer = {
    z: [span('c1', 'lesson', 0, 12), span('c2', 'lesson', 5, 9)],
    x: [span('c1', 'lesson', 0, 10)],
    y: [span('c1', 'lesson', 0, 10)],
  };

  it('compares every pair once, in name order, and averages', () => {
    const p = pairwiseSpanF1(byReviewer);
    expect(p.reviewers).toEqual(['x', 'y', 'z']);
    expect(p.pairs.map((q) => [q.a, q.b])).toEqual([['x', 'y'], ['x', 'z'], ['y', 'z']]);
    // x–y: exact 1 of 1+1 → 1. x–z and y–z: exact 0; overlap 1 → 2·1/(1+2) = 2/3.
    expect(p.pairs.map((q) => q.agreement.overall.exact.f1)).toEqual([1, 0, 0]);
    expect(p.pairs.map((q) => q.agreement.overall.overlap.f1)).toEqual([1, 2 / 3, 2 / 3]);
    expect(p.mean.exact).toBeCloseTo(1 / 3, 12);
    expect(p.mean.overlap).toBeCloseTo((1 + 4 / 3) / 3, 12);
    expect(p.meanByLabel['lesson']!.overlap).toBeCloseTo((1 + 4 / 3) / 3, 12);
  });

  it('compares a pair only on the cases both covered, when told', () => {
    // z has not finished c2 in this scenario's coverage, so its c2 span is not held against x or y.
    const p = pairwiseSpanF1(byReviewer, { casesByReviewer: { x: ['c1', 'c2'], y: ['c1'], z: ['c1'] } });
    expect(p.pairs.find((q) => q.b === 'z')!.agreement.caseIds).toEqual(['c1']);
    // x–z on c1 only: overlap 1 of 1+1 → 1.
    expect(p.pairs.map((q) => q.agreement.overall.overlap.f1)).toEqual([1, 1, 1]);
  });
});
