import { describe, expect, it } from 'vitest';
import type { Rubric, RubricCriterion } from '../model/rubric.ts';
import { defaultRubric } from '../model/rubric.ts';
import { spreadThreshold, wideSpread } from './spread.ts';

const criterion = (id: string, min: number, max: number): RubricCriterion => ({ id, name: { zh: id, en: id }, description: { zh: '', en: '' }, min, max, weight: 1 });
const rubric = (...scales: Array<[number, number]>): Rubric => ({ criteria: scales.map(([min, max], i) => criterion(`c${i}`, min, max)) });

describe('the spread from which a case is flagged', () => {
  it.each([
    ['the default rubric, all 1–5: 30% of 4', defaultRubric(), 1.2],
    ['all 0–10: 30% of 10', rubric([0, 10], [0, 10]), 3],
    ['all 1–3: 30% of 2', rubric([1, 3]), 0.6],
    ['1–5 and 0–10: weighted scores are on 0–100', rubric([1, 5], [0, 10]), 30],
  ])('%s', (_n, r, threshold) => {
    expect(spreadThreshold(r)).toBeCloseTo(threshold, 12);
  });

  it.each([
    [null, '1–5', defaultRubric(), false],
    [1.19, '1–5', defaultRubric(), false],
    // 4.2 − 3.0 is 1.2000000000000002 and 0.3·4 is 1.2000000000000002: equal, flagged either way.
    [4.2 - 3, '1–5', defaultRubric(), true],
    [1.2, '1–5', defaultRubric(), true],
    // Below the old fixed 1.5, but a third of the 1–5 scale.
    [1.4, '1–5', defaultRubric(), true],
    [2, '0–10', rubric([0, 10]), false],
    [3, '0–10', rubric([0, 10]), true],
    [1.5, '0–100 (mixed scales)', rubric([1, 5], [0, 10]), false],
    [30, '0–100 (mixed scales)', rubric([1, 5], [0, 10]), true],
  ] as const)('a spread of %s on %s: flagged %s', (range, _scale, r, flagged) => {
    expect(wideSpread(range, r)).toBe(flagged);
  });
});
