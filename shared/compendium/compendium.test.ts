import { describe, expect, it } from 'vitest';
import type { SpanAnnotation } from '../model/annotation.ts';
import type { TaggedSection } from '../model/review.ts';
import { completenessChecks, warnings } from './checks.ts';
import { addCase, leftOutReason, majorityRecommendation, proposeDraft, type CandidateCase, type SelectionRule } from './draft.ts';
import { sourceLine } from './case.ts';
import { chineseNumeral, partHeading, tableOfContents } from './toc.ts';

const section = (heading: string, level: number, start: number, kinds: TaggedSection['kinds']): TaggedSection => ({ heading, numbering: '', level, kinds, start, headingEnd: start + heading.length, end: 0, source: 'loader', confirmed: false });
const indicator = (fields: SpanAnnotation['fields'], id = 'i'): SpanAnnotation => ({ id, caseId: 'c', start: 0, end: 2, quote: { exact: '91%', prefix: '', suffix: '' }, label: 'indicator', fields, note: '', reviewer: 'r', origin: 'manual', revision: 0, createdAt: '', updatedAt: '' });

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [23, '二十三'],
  ])('%i → %s', (n, s) => expect(chineseNumeral(n)).toBe(s));
});

describe('majorityRecommendation', () => {
  it.each([
    [{ include: 2, pending: 1, exclude: 0 }, 'include'],
    [{ include: 1, pending: 1, exclude: 0 }, 'pending'],
    [{ include: 1, pending: 0, exclude: 1 }, 'exclude'],
    [{ include: 0, pending: 0, exclude: 0 }, null],
  ] as const)('%j → %s', (counts, r) => expect(majorityRecommendation(counts)).toBe(r));
});

const rec = (include: number, pending = 0, exclude = 0) => ({ include, pending, exclude });
// Source order: 篇一's first case (a) comes before 篇二's (b), though b ranks first.
const candidates: CandidateCase[] = [
  { caseId: 'a', part: '篇一', score: 3.5, rank: 3, recommendations: rec(2), order: 0 },
  { caseId: 'b', part: '篇二', score: 4.5, rank: 1, recommendations: rec(2), order: 5 },
  { caseId: 'c', part: '篇一', score: 4.0, rank: 2, recommendations: rec(1, 1), order: 1 },
  { caseId: 'd', part: '篇一', score: 4.2, rank: 2, recommendations: rec(0, 0, 2), order: 2 },
  { caseId: 'e', part: '篇三', score: 4.1, rank: 2, recommendations: rec(2), order: 9 },
  { caseId: 'f', part: '篇三', score: 3.0, rank: 4, recommendations: rec(0), order: 10 },
];
const INCLUDE: SelectionRule = { recommendations: ['include'], minScore: null, groupBy: 'part' };

describe('proposeDraft', () => {
  it('selects by majority recommendation and score; parts in source order, cases by rank', () => {
    const draft = proposeDraft('t', candidates, INCLUDE);
    expect(draft.parts).toEqual([
      { title: '篇一', caseIds: ['a'] },
      { title: '篇二', caseIds: ['b'] },
      { title: '篇三', caseIds: ['e'] },
    ]);
    // The rule is kept, so the builder can say later why a case is not in.
    expect(draft.rule).toEqual(INCLUDE);
    expect(proposeDraft('t', candidates, { recommendations: ['include', 'pending'], minScore: 3.8, groupBy: 'none' }).parts).toEqual([{ title: '典型案例', caseIds: ['b', 'c', 'e'] }]);
  });
});

describe('leftOutReason', () => {
  it.each([
    ['selected', 'a', INCLUDE, null],
    ['reviewers disagree: 入选 1 / 待定 1 counts as 待定', 'c', INCLUDE, { code: 'disagree', counts: rec(1, 1), majority: 'pending' }],
    ['all reviewers said 不入选', 'd', INCLUDE, { code: 'majority', counts: rec(0, 0, 2), majority: 'exclude' }],
    ['scored, never recommended', 'f', INCLUDE, { code: 'no-recommendation' }],
    ['recommended, scored below the minimum', 'a', { ...INCLUDE, minScore: 4 }, { code: 'below-score', score: 3.5, minScore: 4 }],
  ] as const)('%s', (_name, id, rule, reason) => {
    expect(leftOutReason(candidates.find((c) => c.caseId === id)!, rule)).toEqual(reason);
  });
});

describe('addCase', () => {
  const draft = { title: 't', indicatorTables: false, updatedAt: '', parts: [{ title: '健康影响因素篇', caseIds: ['a'] }, { title: '重大疾病篇', caseIds: ['z'] }, { title: '附录', caseIds: [] }] };
  const order = (t: string) => ['健康影响因素篇', '重点人群篇', '重大疾病篇'].indexOf(t);
  const partOrder = (t: string) => (order(t) >= 0 ? order(t) : null);
  it.each([
    ['into its own part, at the end of it', '健康影响因素篇', [['健康影响因素篇', ['a', 'new']], ['重大疾病篇', ['z']], ['附录', []]]],
    ['into a part of its own, made where the source has it', '重点人群篇', [['健康影响因素篇', ['a']], ['重点人群篇', ['new']], ['重大疾病篇', ['z']], ['附录', []]]],
    ['a part the source does not order goes last', '其他篇', [['健康影响因素篇', ['a']], ['重大疾病篇', ['z']], ['附录', []], ['其他篇', ['new']]]],
  ] as const)('%s', (_name, part, parts) => {
    expect(addCase(draft, 'new', part, partOrder).parts.map((p) => [p.title, p.caseIds])).toEqual(parts);
    expect(draft.parts[0]!.caseIds).toEqual(['a']); // the draft it was given is left as it was
  });
});

describe('tableOfContents', () => {
  it('numbers parts 第一篇、第二篇 and cases across the book', () => {
    const toc = tableOfContents({ title: 't', indicatorTables: false, updatedAt: '', parts: [{ title: 'A篇', caseIds: ['x', 'y'] }, { title: 'B篇', caseIds: ['z'] }] }, (id) => id.toUpperCase());
    expect(toc.map((e) => e.number + e.title)).toEqual(['第一篇　A篇', '1．X', '2．Y', '第二篇　B篇', '3．Z']);
    expect(partHeading(10, '附录')).toBe('第十一篇　附录');
  });
});

describe('completenessChecks', () => {
  const all = [section('工作背景', 1, 0, ['background']), section('主要做法', 1, 10, ['practices']), section('成效和经验', 1, 20, ['results', 'lessons'])];
  it.each([
    ['a complete case', all, [], '短标题', 0, [], []],
    ['no lessons', all.slice(0, 2).concat(section('推进成效', 1, 20, ['results'])), [], '短标题', 0, ['no-lessons'], ['no-lessons']],
    // A level ("91%") needs no baseline: noted once for the case, not counted.
    ['levels without baselines', all, [indicator({ metric: '满意度', value: 91 }, 'a'), indicator({ metric: '知晓率', value: 80 }, 'b')], '短标题', 0, ['indicators-without-baseline'], []],
    ['a rise with neither a baseline nor an amount', all, [indicator({ metric: '满意度', value: 91, direction: 'up' })], '短标题', 0, ['change-without-amount'], ['change-without-amount']],
    ['a rise by an amount', all, [indicator({ metric: '满意度', direction: 'up', change: 8.72, changeUnit: 'pp' })], '短标题', 0, [], []],
    ['an indicator with its baseline', all, [indicator({ metric: '满意度', value: 91, baseline: 80 })], '短标题', 0, [], []],
    ['an indicator with no metric', all, [indicator({ metric: '', value: 91, baseline: 80 })], '短标题', 0, ['indicator-without-metric'], ['indicator-without-metric']],
    ['an overlong title', all, [], '一'.repeat(31), 0, ['title-too-long'], ['title-too-long']],
    ['orphans left', all, [], '短标题', 2, ['orphans'], ['orphans']],
  ] as const)('%s', (_n, sections, spans, title, orphans, codes, warned) => {
    const issues = completenessChecks({ title, region: null, sections: [...sections], spans: [...spans], orphans });
    expect(issues.map((i) => i.code)).toEqual(codes);
    expect(warnings(issues).map((i) => i.code)).toEqual(warned);
  });
});

describe('sourceLine', () => {
  it.each([
    [{ region: '北京市', unit: null }, '报送单位：北京市'],
    [{ region: '河北省', unit: '河北省卫生健康委员会' }, '报送单位：河北省卫生健康委员会'],
    [{ region: '河北省', unit: '妇幼健康促进行动工作组' }, '报送单位：河北省妇幼健康促进行动工作组'],
    [{ region: null, unit: '健康知识普及行动工作组' }, '报送单位：健康知识普及行动工作组'],
    [{ region: null, unit: null }, null],
  ])('%j → %s', (c, line) => expect(sourceLine(c)).toBe(line));
});
