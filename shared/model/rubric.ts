import type { Localised } from './labels.ts';

/** One criterion cases are scored on, with its scale and weight in the weighted mean. */
export interface RubricCriterion {
  id: string;
  name: Localised;
  description: Localised;
  min: number;
  max: number;
  weight: number;
}

export interface Rubric {
  criteria: RubricCriterion[];
}

const DEFAULT_RUBRIC: Rubric = {
  criteria: [
    {
      id: 'innovation',
      name: { zh: '创新性', en: 'Innovation' },
      description: { zh: '做法是否新颖，有无突破和创新点', en: 'How new the approach is; what it breaks new ground on' },
      min: 1,
      max: 5,
      weight: 1,
    },
    {
      id: 'effectiveness',
      name: { zh: '实效性', en: 'Evidence of results' },
      description: { zh: '成效是否有数据支撑，前后对比是否清楚', en: 'Whether results are backed by figures, with a clear before and after' },
      min: 1,
      max: 5,
      weight: 1,
    },
    {
      id: 'replicability',
      name: { zh: '可推广性', en: 'Replicability' },
      description: { zh: '经验能否在其他地区复制推广', en: 'Whether other regions could adopt the approach' },
      min: 1,
      max: 5,
      weight: 1,
    },
    {
      id: 'writing',
      name: { zh: '规范性', en: 'Writing and completeness' },
      description: { zh: '结构是否完整（背景、做法、成效、经验），表述是否规范', en: 'Whether the sections are complete (background, practices, results, lessons) and well written' },
      min: 1,
      max: 5,
      weight: 1,
    },
  ],
};

/** The default rubric for this field; every call returns a fresh copy a project can edit. */
export function defaultRubric(): Rubric {
  return JSON.parse(JSON.stringify(DEFAULT_RUBRIC)) as Rubric;
}
