import { describe, expect, it } from 'vitest';
import type { SpanAnnotation } from '../../shared/model/annotation.ts';
import { defaultRubric } from '../../shared/model/rubric.ts';
import { agreementReport, type AgreementCase, type AgreementReport } from '../../shared/agreement/report.ts';
import { formatAgreement } from './agreement-format.ts';

const lesson = (reviewer: string, caseId: string, start: number, end: number): SpanAnnotation => ({
  id: `${reviewer}-${caseId}-${start}`,
  caseId,
  start,
  end,
  quote: { exact: '', prefix: '', suffix: '' },
  label: 'lesson',
  fields: {},
  note: '',
  reviewer,
  origin: 'manual',
  revision: 0,
  createdAt: '',
  updatedAt: '',
});
const done = (id: string, who: string[]): AgreementCase => ({ id, title: id, length: 10, revision: 0, status: Object.fromEntries(who.map((r) => [r, 'done' as const])), scores: {}, sections: {} });
const report = (cases: AgreementCase[], spans: SpanAnnotation[]) => agreementReport({ rubric: defaultRubric(), labels: ['lesson'], reviewers: ['a', 'b', 'c'], coverage: 'done', cases, spans });
const print = (r: AgreementReport) => formatAgreement(r, new Map([['lesson', '经验启示']]), new Map());

describe('formatAgreement', () => {
  it.each([
    {
      name: 'a third user who only adjudicated: named as idle, no pair rows of theirs, alpha over the one case (969/1150)',
      r: report([done('c1', ['a', 'b'])], [lesson('a', 'c1', 2, 6), lesson('b', 'c1', 3, 6)]),
      has: [/^Agreement between a, b on 1 cases$/m, /^\(c covered none of these cases and is not a rater here\)$/m, /^ {2}overall\s+0\.00\s+1\.00\s+0\.843\s*$/m, /^ {2}a–b\s+0\.00\s+1\.00\s+1 cases$/m],
      hasNot: [/a–c|b–c/],
    },
    {
      name: 'a split committee: one row per pair that shared a case, pooled alpha (2299/2680)',
      r: report([done('c1', ['a', 'b']), done('c2', ['b', 'c'])], [lesson('a', 'c1', 2, 6), lesson('b', 'c1', 3, 6), lesson('b', 'c2', 2, 6), lesson('c', 'c2', 3, 6)]),
      has: [/^Agreement between a, b, c on 2 cases$/m, /^2 cases were covered by at least two reviewers/m, /^ {2}经验启示\s+0\.00\s+1\.00\s+0\.858\s+4$/m, /^ {2}a–b .* 1 cases$/m, /^ {2}b–c .* 1 cases$/m],
      hasNot: [/a–c/, /covered none/],
    },
  ])('$name', ({ r, has, hasNot }) => {
    const out = print(r);
    for (const re of has) expect(out).toMatch(re);
    for (const re of hasNot) expect(out).not.toMatch(re);
  });

  it('prints no row for a pair with no case in common, even if a report lists one', () => {
    const r = report([done('c1', ['a', 'b'])], [lesson('a', 'c1', 2, 6), lesson('b', 'c1', 3, 6)]);
    const withEmpty = { ...r, spans: { ...r.spans, pairs: [...r.spans.pairs, { a: 'a', b: 'z', exactF1: null, overlapF1: null, cases: 0 }] } };
    expect(print(withEmpty)).not.toMatch(/a–z/);
  });
});
