import { describe, expect, it } from 'vitest';
import { defaultRubric } from '../model/rubric.ts';
import type { CaseScore } from '../model/scoring.ts';
import { rankCases, ratingDistributions } from './ranking.ts';
import { weightedScore } from './weighted.ts';

const rubric = defaultRubric(); // innovation, effectiveness, replicability, writing: 1–5, weight 1
const score = (r: [number | null, number | null, number | null, number | null], recommendation: CaseScore['recommendation'] = null): CaseScore => ({
  ratings: { innovation: r[0], effectiveness: r[1], replicability: r[2], writing: r[3] },
  evidence: {},
  comment: '',
  recommendation,
  updatedAt: '',
});

describe('weightedScore', () => {
  it.each([
    ['all fives', [5, 5, 5, 5], 5],
    ['all ones', [1, 1, 1, 1], 1],
    ['a plain mean with equal weights', [5, 4, 3, 2], 3.5],
    ['unrated criteria left out', [4, null, 2, null], 3],
  ] as const)('%s', (_n, r, expected) => {
    expect(weightedScore(rubric, score([...r]))).toBeCloseTo(expected, 10);
  });

  it('is null when nothing is rated', () => {
    expect(weightedScore(rubric, score([null, null, null, null]))).toBeNull();
    expect(weightedScore(rubric, undefined)).toBeNull();
  });

  it('weighs criteria and puts mixed scales on 0–100', () => {
    const r = { criteria: [{ ...rubric.criteria[0]!, weight: 3 }, { ...rubric.criteria[1]!, weight: 1 }] };
    // (3·(5−1)/4 + 1·(1−1)/4) / 4 = 0.75 → 1 + 0.75·4 = 4
    expect(weightedScore(r, score([5, 1, null, null]))).toBeCloseTo(4, 10);
    const mixed = { criteria: [rubric.criteria[0]!, { ...rubric.criteria[1]!, min: 0, max: 10 }] };
    // (1·(3−1)/4 + 1·(5−0)/10) / 2 = 0.5 → 50
    expect(weightedScore(mixed, score([3, 5, null, null]))).toBeCloseTo(50, 10);
  });
});

describe('rankCases', () => {
  const cases = [
    { caseId: 'a', title: 'A', part: 'p1', region: '北京市', documentId: 'd', scores: { x: score([3, 3, 3, 3], 'pending'), y: score([5, 5, 5, 5], 'include') } },
    { caseId: 'b', title: 'B', part: 'p1', region: '上海市', documentId: 'd', scores: { x: score([5, 5, 5, 5], 'include'), y: score([5, 5, 5, 5], 'include') } },
    { caseId: 'c', title: 'C', part: 'p2', region: '河北省', documentId: 'd', scores: {} },
    { caseId: 'd', title: 'D', part: 'p2', region: '河南省', documentId: 'd', scores: { x: score([4, 4, 4, 4]) } },
  ];

  it('ranks by the mean of reviewers, with their spread, unscored cases last', () => {
    const rows = rankCases(rubric, cases);
    expect(rows.map((r) => [r.caseId, r.rank, r.score, r.range, r.reviewers])).toEqual([
      ['b', 1, 5, 0, 2],
      ['a', 2, 4, 2, 2],
      ['d', 2, 4, 0, 1],
      ['c', 0, null, null, 0],
    ]);
    expect(rows[1]!.sd).toBeCloseTo(1, 10);
    expect(rows[0]!.recommendations).toEqual({ include: 2, pending: 0, exclude: 0 });
    expect(rows[1]!.byCriterion.innovation).toBe(4);
  });

  it('counts ratings per criterion and per reviewer', () => {
    const d = ratingDistributions(rubric, cases);
    expect(d.perCriterion.innovation).toEqual({ 1: 0, 2: 0, 3: 1, 4: 1, 5: 3 });
    expect(d.perReviewer.x).toEqual({ 1: 0, 2: 0, 3: 4, 4: 4, 5: 4 }); // the whole scale, zeros included
  });
});
