import { describe, expect, it } from 'vitest';
import type { SpanAnnotation } from '../model/annotation.ts';
import type { DatasetCase } from '../model/dataset.ts';
import type { CaseSections, TaggedSection } from '../model/review.ts';
import { defaultRubric } from '../model/rubric.ts';
import type { CaseScore } from '../model/scoring.ts';
import type { SectionKind } from '../model/sections.ts';
import { cohenKappa } from './cohen-kappa.ts';
import { fleissKappa } from './fleiss-kappa.ts';
import { icc } from './icc.ts';
import { krippendorffAlpha } from './krippendorff-alpha.ts';
import { categoryCounts, itemMatrix, ratingPairs, type RatingTable } from './rating-table.ts';
import { criterionScale, criterionTable, recommendationTable } from './score-tables.ts';
import { codeKinds, sectionKindTable } from './section-units.ts';
import { coveredCases, spansByReviewer, unitizedCases } from './span-inputs.ts';
import { unitizingAlpha } from './unitizing-alpha.ts';
import { weightedKappa } from './weighted-kappa.ts';

describe('rating table adapters', () => {
  const t: RatingTable<string> = {
    raters: ['x', 'y', 'z'],
    units: ['u1', 'u2', 'u3'],
    values: [
      ['a', 'b', null],
      ['a', null, 'b'],
      ['b', 'b', 'b'],
    ],
  };

  it('pairs two raters on the units both rated', () => {
    expect(ratingPairs(t, 'x', 'z')).toEqual({ units: ['u1', 'u2'], pairs: [['a', 'b'], ['b', 'b']] });
    expect(ratingPairs(t, 'x', 'y')).toEqual({ units: ['u1'], pairs: [['a', 'a']] });
    expect(() => ratingPairs(t, 'x', 'w')).toThrow(RangeError);
  });

  it('counts categories on units every rater rated, listing the others', () => {
    expect(categoryCounts(t)).toEqual({ units: ['u1'], counts: [{ a: 2, b: 1 }], incomplete: ['u2', 'u3'] });
  });

  it('turns a numeric table into items × raters', () => {
    expect(itemMatrix({ raters: ['x', 'y'], units: ['u1', 'u2'], values: [[1, 2], [null, 4]] })).toEqual([[1, null], [2, 4]]);
  });
});

const section = (start: number, kinds: SectionKind[], extra: Partial<TaggedSection> = {}): TaggedSection => ({
  heading: `h${start}`,
  numbering: '',
  level: 1,
  kinds,
  start,
  headingEnd: start + 4,
  end: start + 50,
  source: 'loader',
  confirmed: true,
  ...extra,
});
const layer = (caseId: string, sections: TaggedSection[], revision = 1): CaseSections => ({ caseId, revision, sections });

describe('section kinds', () => {
  it.each([
    ['set', ['lessons', 'results'], 'results+lessons'],
    ['set', ['results', 'results'], 'results'],
    ['set', [], null],
    ['primary', ['lessons', 'results'], 'lessons'],
    [{ has: 'results' }, ['lessons', 'results'], 'yes'],
    [{ has: 'background' }, ['lessons'], 'no'],
  ] as const)('codes %j %j as %j', (coding, kinds, expected) => {
    expect(codeKinds([...kinds], coding)).toBe(expected);
  });

  const layers = {
    y: [
      layer('c1', [
        section(0, ['background']),
        section(50, ['practices'], { confirmed: false }), // an untouched loader proposal
        section(120, ['lessons', 'results']),
        section(200, ['other'], { source: 'reviewer', confirmed: false, heading: 'added by y' }),
      ]),
    ],
    x: [layer('c1', [section(0, ['background']), section(50, ['practices']), section(120, ['results', 'lessons'], { source: 'reviewer', confirmed: false })])],
    z: [layer('c1', [section(0, ['practices'])], 2)], // z tagged another revision of the text
  };

  it('aligns sections by case, revision and start; untouched proposals and other revisions are missing', () => {
    const t = sectionKindTable(layers);
    expect(t.raters).toEqual(['x', 'y', 'z']);
    expect(t.units.map((u) => [u.caseId, u.revision, u.start, u.heading])).toEqual([
      ['c1', 1, 0, 'h0'],
      ['c1', 1, 50, 'h50'],
      ['c1', 1, 120, 'h120'],
      ['c1', 1, 200, 'added by y'],
      ['c1', 2, 0, 'h0'],
    ]);
    expect(t.values).toEqual([
      ['background', 'practices', 'results+lessons', null, null],
      ['background', null, 'results+lessons', 'other', null],
      [null, null, null, null, 'practices'],
    ]);
    // x and y agree on the two units both rated, with two categories in play: κ = 1.
    expect(cohenKappa(ratingPairs(t, 'x', 'y').pairs).value).toBe(1);
  });

  it('can count untouched proposals, keep one level, and code one kind', () => {
    const t = sectionKindTable(layers, { includeUnconfirmed: true, coding: { has: 'practices' }, reviewers: ['x', 'y'] });
    expect(t.values).toEqual([
      ['no', 'yes', 'no', null],
      ['no', 'yes', 'no', 'no'],
    ]);
    expect(sectionKindTable(layers, { level: 2 }).units).toEqual([]);
  });
});

const score = (ratings: Record<string, number | null>, recommendation: CaseScore['recommendation']): CaseScore => ({
  ratings,
  evidence: {},
  comment: '',
  recommendation,
  updatedAt: '',
});

describe('scores and recommendations', () => {
  const cases = [
    { caseId: 'a', scores: { x: score({ innovation: 5 }, 'include'), y: score({ innovation: 4 }, 'include') } },
    { caseId: 'b', scores: { x: score({ innovation: 2 }, 'exclude'), y: score({ innovation: null }, 'pending'), z: undefined } },
    { caseId: 'c', scores: { x: score({ innovation: 3 }, null), y: score({ innovation: 3 }, 'pending') } },
  ];

  it('tabulates recommendations per reviewer and case, missing where not given', () => {
    const t = recommendationTable(cases);
    expect(t).toEqual({
      raters: ['x', 'y', 'z'],
      units: ['a', 'b', 'c'],
      values: [
        ['include', 'exclude', null],
        ['include', 'pending', 'pending'],
        [null, null, null],
      ],
    });
    // x–y on a and b: (include, include) (exclude, pending): n = 2, one agreement; Σ r c = include 1·1 +
    // exclude 1·0 + pending 0·1 = 1 → κ = (2·1 − 1)/(4 − 1) = 1/3.
    expect(cohenKappa(ratingPairs(t, 'x', 'y').pairs).value).toBeCloseTo(1 / 3, 14);
    // Ordinal alpha reads include < pending < exclude.
    expect(krippendorffAlpha(t.values, 'ordinal', { order: ['include', 'pending', 'exclude'] }).pairable).toBe(4);
  });

  it('tabulates one criterion and its scale, for weighted kappa, ICC and alpha', () => {
    const t = criterionTable(cases, 'innovation', { reviewers: ['x', 'y'] });
    expect(t.values).toEqual([
      [5, 2, 3],
      [4, null, 3],
    ]);
    const scale = criterionScale(defaultRubric().criteria[0]!);
    expect(scale).toEqual([1, 2, 3, 4, 5]);
    // (5,4) (3,3) on 1–5, linear: Σ v n = 1; rows 3→1, 5→1; columns 3→1, 4→1:
    // Σ v r c = |5−3|... = v(5,3)·1 + v(5,4)·1 + v(3,3)·1 + v(3,4)·1 = 2 + 1 + 0 + 1 = 4 → (4 − 2·1)/4 = 0.5.
    expect(weightedKappa(ratingPairs(t, 'x', 'y').pairs, scale, 'linear').value).toBe(0.5);
    expect(icc(itemMatrix(t), 'ICC(2,1)').dropped).toEqual([1]);
    // Recommendations of x and y: both given on a and b only (x gave none on c).
    expect(fleissKappa(categoryCounts(recommendationTable(cases, { reviewers: ['x', 'y'] })).counts).items).toBe(2);
  });
});

describe('span inputs from a dataset', () => {
  const sp = (reviewer: string, caseId: string, start: number, end: number, extra: Partial<SpanAnnotation> = {}): SpanAnnotation => ({
    id: `${reviewer}-${caseId}-${start}`,
    caseId,
    start,
    end,
    quote: { exact: '', prefix: '', suffix: '' },
    label: 'indicator',
    fields: {},
    note: '',
    reviewer,
    origin: 'manual',
    revision: 1,
    createdAt: '',
    updatedAt: '',
    ...extra,
  });
  const cases: Array<Pick<DatasetCase, 'id' | 'text' | 'revision' | 'status'>> = [
    { id: 'c1', text: 'x'.repeat(10), revision: 1, status: { x: 'done', y: 'done', z: 'in-progress' } },
    { id: 'c2', text: 'x'.repeat(8), revision: 1, status: { x: 'done' } },
  ];
  const data = {
    cases,
    spans: [
      sp('x', 'c1', 2, 6),
      sp('y', 'c1', 3, 6),
      sp('y', 'c1', 0, 1, { revision: 0 }), // on an older text: left out
      sp('z', 'c1', 0, 9),
      sp('x', 'c2', 0, 2, { orphan: { previousStart: 0, previousEnd: 2, fromRevision: 0, reason: 'gone' } }),
    ],
  };

  it('knows who covered which case', () => {
    expect(coveredCases(data.cases)).toEqual({ x: ['c1', 'c2'], y: ['c1'] });
    expect(coveredCases(data.cases, { statuses: ['done', 'in-progress'], reviewers: ['z', 'w'] })).toEqual({ z: ['c1'], w: [] });
  });

  it('groups placed spans by reviewer, without orphans', () => {
    expect(Object.fromEntries(Object.entries(spansByReviewer(data.spans)).map(([r, s]) => [r, s.length]))).toEqual({ x: 1, y: 2, z: 1 });
  });

  it('builds continua of finished reviews for unitizing alpha', () => {
    const continua = unitizedCases(data);
    expect(continua).toEqual([
      { caseId: 'c1', length: 10, byReviewer: { x: [{ start: 2, end: 6, label: 'indicator' }], y: [{ start: 3, end: 6, label: 'indicator' }] } },
      { caseId: 'c2', length: 8, byReviewer: { x: [] } },
    ]);
    // c1 is the first hand-computed continuum of unitizing-alpha.test.ts; c2 lacks y.
    const alpha = unitizingAlpha(continua);
    expect(alpha.overall.value).toBeCloseTo(969 / 1150, 14);
    expect(alpha.incomplete).toEqual([{ caseId: 'c2', missing: ['y'] }]);
  });
});
