import { describe, expect, it } from 'vitest';
import type { SpanAnnotation } from '../model/annotation.ts';
import type { CaseSections, ReviewStatus } from '../model/review.ts';
import { defaultRubric } from '../model/rubric.ts';
import type { CaseScore, Recommendation } from '../model/scoring.ts';
import type { SectionKind } from '../model/sections.ts';
import { agreementReport, type AgreementCase, type AgreementInput } from './report.ts';

const span = (reviewer: string, caseId: string, start: number, end: number, label: string): SpanAnnotation => ({
  id: `${reviewer}-${caseId}-${start}-${label}`,
  caseId,
  start,
  end,
  quote: { exact: 'x'.repeat(end - start), prefix: '', suffix: '' },
  label,
  fields: {},
  note: '',
  reviewer,
  origin: 'manual',
  revision: 0,
  createdAt: '',
  updatedAt: '',
});
const score = (innovation: number, recommendation: Recommendation): CaseScore => ({
  ratings: { innovation, effectiveness: null, replicability: null, writing: null },
  evidence: {},
  comment: '',
  recommendation,
  updatedAt: '',
});
const layer = (caseId: string, kinds: SectionKind[]): CaseSections => ({
  caseId,
  revision: 0,
  sections: [{ heading: '三、成效和经验', numbering: '三、', level: 1, kinds, start: 0, headingEnd: 7, end: 20, source: 'reviewer', confirmed: true }],
});
const aCase = (id: string, status: Record<string, ReviewStatus>, scores: AgreementCase['scores'] = {}, sections: AgreementCase['sections'] = {}): AgreementCase => ({
  id,
  title: id,
  length: 20,
  revision: 0,
  status,
  scores,
  sections,
});

/**
 * Two reviewers, two finished cases. In c1 both mark the lesson [0,5); the indicator is [10,15)
 * for a and [11,15) for b. Hand computation:
 *   exact F1   = 2·1 / (2 + 2) = 0.5   (only the lesson matches exactly)
 *   overlap F1 = 2·2 / (2 + 2) = 1
 *   recommendations (include, include), (include, exclude): n = 2, agreeing 1, Σ r·c = 2·1 = 2,
 *     κ = (2·1 − 2) / (2² − 2) = 0
 *   innovation (5, 4), (3, 3) on 1…5, quadratic weights v = (i − j)² / 16:
 *     Σ v·o = (1/16)·½ = 1/32; Σ v·e = ¼·(1 + 4 + 1 + 0)/16 = 3/32; κw = 1 − 1/3 = 2/3
 *   section kinds: a says results+lessons, b results: one section compared, none agreeing.
 */
const twoReviewers = (): AgreementInput => ({
  rubric: defaultRubric(),
  labels: ['indicator', 'lesson'],
  reviewers: ['a', 'b'],
  coverage: 'done',
  cases: [
    aCase('c1', { a: 'done', b: 'done' }, { a: score(5, 'include'), b: score(4, 'include') }, { a: layer('c1', ['results', 'lessons']), b: layer('c1', ['results']) }),
    aCase('c2', { a: 'done', b: 'done' }, { a: score(3, 'include'), b: score(3, 'exclude') }),
    // b has not finished c3: a's span there is not held against b.
    aCase('c3', { a: 'done', b: 'in-progress' }),
  ],
  spans: [span('a', 'c1', 0, 5, 'lesson'), span('b', 'c1', 0, 5, 'lesson'), span('a', 'c1', 10, 15, 'indicator'), span('b', 'c1', 11, 15, 'indicator'), span('a', 'c3', 2, 6, 'lesson')],
});

describe('agreementReport', () => {
  it('gives the hand-computed figures for two reviewers', () => {
    const r = agreementReport(twoReviewers());
    expect(r.spans.overall.exactF1).toBe(0.5);
    expect(r.spans.overall.overlapF1).toBe(1);
    expect(r.spans.byLabel.map((l) => [l.label, l.exactF1, l.overlapF1])).toEqual([
      ['indicator', 0, 1],
      ['lesson', 1, 1],
    ]);
    expect(r.spans.pairs).toEqual([{ a: 'a', b: 'b', exactF1: 0.5, overlapF1: 1, cases: 2 }]);
    expect(r.recommendations.kappa).toMatchObject({ value: 0, method: 'cohen', units: 2 });
    const innovation = r.scores.find((s) => s.criterion === 'innovation')!;
    expect(innovation.weightedKappa.value).toBeCloseTo(2 / 3, 12);
    expect(innovation.units).toBe(2);
    // Criteria nobody rated have nothing to measure, and say so.
    expect(r.scores.find((s) => s.criterion === 'writing')!.icc).toEqual({ value: null, reason: 'too-few-raters' });
    expect(r.cases.find((c) => c.caseId === 'c1')!.sections).toEqual({ compared: 1, agreeing: 0 });
    expect(r.sections.kappa.units).toBe(1);
  });

  it('reports per case: who covered it, its F1, and whether the recommendations agree', () => {
    const r = agreementReport(twoReviewers());
    const [c1, c2, c3] = r.cases;
    expect(c1).toMatchObject({ caseId: 'c1', coveredBy: ['a', 'b'], spans: { exactF1: 0.5, overlapF1: 1 }, recommendationsAgree: true });
    expect(c1!.byLabel.indicator).toEqual({ exactF1: 0, overlapF1: 1 });
    expect(c2).toMatchObject({ coveredBy: ['a', 'b'], recommendationsAgree: false, recommendations: { a: 'include', b: 'exclude' } });
    // Both finished c2 and marked nothing: nothing to compare, not a perfect score.
    expect(c2!.spans.exactF1).toBeNull();
    expect(c3).toMatchObject({ coveredBy: ['a'], spans: { exactF1: null, alpha: { value: null } } });
  });

  it("counts work in progress when asked: then b's silence in c3 is a miss", () => {
    const r = agreementReport({ ...twoReviewers(), coverage: 'touched' });
    expect(r.cases[2]!.coveredBy).toEqual(['a', 'b']);
    // c1 as before plus a's unmatched lesson in c3: exact 1 of (3 + 2), overlap 2 of (3 + 2).
    expect(r.spans.overall.exactF1).toBeCloseTo((2 * 1) / 5, 12);
    expect(r.spans.overall.overlapF1).toBeCloseTo((2 * 2) / 5, 12);
  });

  it('agrees perfectly with itself: identical reviewers give 1 wherever a figure is defined', () => {
    const input = twoReviewers();
    const copy = input.spans.filter((s) => s.reviewer === 'a').map((s) => ({ ...s, reviewer: 'b', id: `${s.id}-b` }));
    const same: AgreementInput = {
      ...input,
      cases: input.cases.map((c) => ({ ...c, status: { a: 'done', b: 'done' }, scores: c.scores.a ? { a: c.scores.a, b: c.scores.a } : {}, sections: c.sections.a ? { a: c.sections.a, b: c.sections.a } : {} })),
      spans: [...input.spans.filter((s) => s.reviewer === 'a'), ...copy],
    };
    const r = agreementReport(same);
    expect(r.spans.overall).toMatchObject({ exactF1: 1, overlapF1: 1, alpha: { value: 1 } });
    for (const s of r.scores) if (s.weightedKappa.value !== null) expect(s.weightedKappa.value).toBe(1);
    expect(r.cases.every((c) => c.recommendationsAgree !== false)).toBe(true);
  });

  it('uses Fleiss for three reviewers and leaves weighted kappa to pairs', () => {
    const input = twoReviewers();
    const r = agreementReport({
      ...input,
      reviewers: ['a', 'b', 'c'],
      cases: input.cases.map((c) => ({ ...c, status: { ...c.status, c: 'done' }, scores: { ...c.scores, c: score(4, 'include') } })),
      spans: [...input.spans, span('c', 'c1', 0, 5, 'lesson')],
    });
    expect(r.recommendations.kappa.method).toBe('fleiss');
    expect(r.spans.pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['a-b', 'a-c', 'b-c']);
    expect(r.scores[0]!.weightedKappa).toEqual({ value: null, reason: 'too-many-raters' });
    expect(r.scores[0]!.icc.value === null || r.scores[0]!.icc.value <= 1).toBe(true);
  });

  it('ignores orphans, other labels, spans on an old revision, and the consensus', () => {
    const input = twoReviewers();
    const noise = [
      { ...span('b', 'c1', 10, 15, 'indicator'), id: 'orphan', orphan: { previousStart: 10, previousEnd: 15, fromRevision: 0, reason: 'x' } },
      span('b', 'c1', 3, 9, 'practice'),
      { ...span('b', 'c1', 10, 15, 'indicator'), id: 'old', revision: 1 },
      span('consensus', 'c1', 10, 15, 'indicator'),
    ];
    const r = agreementReport({ ...input, cases: input.cases.map((c) => ({ ...c, revision: c.id === 'c1' ? 0 : c.revision })), spans: [...input.spans, ...noise] });
    expect(r.spans.overall.exactF1).toBe(0.5);
    expect(r.reviewers).toEqual(['a', 'b']);
  });
});

describe('agreementReport: who the raters are, and what unitizing alpha pools', () => {
  // A case of length 10 finished by the given reviewers; x marks a lesson, as in the hand cases
  // of unitizing-alpha.test.ts: A [2,6) against B [3,6) gives α = 969/1150.
  const ten = (id: string, done: string[]): AgreementCase => ({ ...aCase(id, Object.fromEntries(done.map((r) => [r, 'done' as const]))), length: 10 });
  const lesson = (reviewer: string, caseId: string, start: number, end: number) => span(reviewer, caseId, start, end, 'lesson');
  const committee = (cases: AgreementCase[], spans: SpanAnnotation[], reviewers = ['a', 'b', 'c']): AgreementInput => ({ rubric: defaultRubric(), labels: ['lesson'], reviewers, coverage: 'done', cases, spans });

  it.each([
    {
      name: 'a third project user who only adjudicated is no rater',
      input: committee([ten('c1', ['a', 'b'])], [lesson('a', 'c1', 2, 6), lesson('b', 'c1', 3, 6)]),
      raters: ['a', 'b'],
      idle: ['c'],
      pairs: ['a–b 1'],
      alpha: 969 / 1150,
      alphaCases: 1,
    },
    {
      // Two pairs of readers: the pooled formula is Krippendorff's for two observers, L = 20 (2299/2680 by hand in unitizing-alpha.test.ts).
      name: 'a committee that splits the cases: a and b read c1, b and c read c2',
      input: committee([ten('c1', ['a', 'b']), ten('c2', ['b', 'c'])], [lesson('a', 'c1', 2, 6), lesson('b', 'c1', 3, 6), lesson('b', 'c2', 2, 6), lesson('c', 'c2', 3, 6)]),
      raters: ['a', 'b', 'c'],
      idle: [],
      pairs: ['a–b 1', 'b–c 1'],
      alpha: 2299 / 2680,
      alphaCases: 2,
    },
    {
      // Two readers on c1, three on c2: pairs weighed by 1/(m − 1), 229/31325 by hand in unitizing-pooled.test.ts.
      name: 'cases read by different numbers of raters',
      input: committee([ten('c1', ['a', 'b']), ten('c2', ['a', 'b', 'c'])], [lesson('a', 'c1', 2, 6), lesson('b', 'c1', 3, 6), lesson('a', 'c2', 0, 5), lesson('b', 'c2', 0, 5)]),
      raters: ['a', 'b', 'c'],
      idle: [],
      pairs: ['a–b 2', 'a–c 1', 'b–c 1'],
      alpha: 229 / 31325,
      alphaCases: 2,
    },
    {
      name: 'a case one rater finished is not pooled',
      input: committee([ten('c1', ['a', 'b']), ten('c2', ['a'])], [lesson('a', 'c1', 2, 6), lesson('b', 'c1', 3, 6), lesson('a', 'c2', 0, 9)]),
      raters: ['a', 'b'],
      idle: ['c'],
      pairs: ['a–b 1'],
      alpha: 969 / 1150,
      alphaCases: 1,
    },
    {
      name: 'raters who never read a case in common: no pair, no alpha',
      input: committee([ten('c1', ['a']), ten('c2', ['b'])], [lesson('a', 'c1', 2, 6), lesson('b', 'c2', 3, 6)]),
      raters: ['a', 'b'],
      idle: ['c'],
      pairs: [],
      alpha: null,
      alphaCases: 0,
    },
  ])('$name', ({ input, raters, idle, pairs, alpha, alphaCases }) => {
    const r = agreementReport(input);
    expect(r.reviewers).toEqual(raters);
    expect(r.idle).toEqual(idle);
    expect(r.spans.pairs.map((p) => `${p.a}–${p.b} ${p.cases}`)).toEqual(pairs);
    expect(r.spans.alphaCases).toBe(alphaCases);
    if (alpha === null) expect(r.spans.overall.alpha).toEqual({ value: null, reason: 'too-few-raters' });
    else {
      expect(r.spans.overall.alpha.value).toBeCloseTo(alpha, 14);
      expect(r.spans.byLabel[0]!.alpha.value).toBeCloseTo(alpha, 14);
    }
  });

  it('still assesses each case over its own readers', () => {
    const r = agreementReport(committee([ten('c1', ['a', 'b']), ten('c2', ['b', 'c'])], [lesson('a', 'c1', 2, 6), lesson('b', 'c1', 3, 6), lesson('b', 'c2', 2, 6), lesson('c', 'c2', 3, 6)]));
    expect(r.cases.map((c) => [c.caseId, c.coveredBy, c.spans.alpha.value])).toEqual([
      ['c1', ['a', 'b'], expect.closeTo(969 / 1150, 14)],
      ['c2', ['b', 'c'], expect.closeTo(969 / 1150, 14)],
    ]);
  });
});
