import { describe, expect, it } from 'vitest';
import type { SpanAnnotation } from '../model/annotation.ts';
import type { TaggedSection } from '../model/review.ts';
import { completenessChecks } from './checks.ts';
import { majorityRecommendation, proposeDraft } from './draft.ts';
import { caseBlocks } from './markdown.ts';
import { chineseNumeral, tableOfContents } from './toc.ts';

const section = (heading: string, level: number, start: number, kinds: TaggedSection['kinds']): TaggedSection => ({ heading, numbering: '', level, kinds, start, headingEnd: start + heading.length, end: 0, source: 'loader', confirmed: false });
const indicator = (fields: SpanAnnotation['fields']): SpanAnnotation => ({ id: 'i', caseId: 'c', start: 0, end: 2, quote: { exact: '91%', prefix: '', suffix: '' }, label: 'indicator', fields, note: '', reviewer: 'r', origin: 'manual', revision: 0, createdAt: '', updatedAt: '' });

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

describe('proposeDraft', () => {
  const rec = (include: number, pending = 0, exclude = 0) => ({ include, pending, exclude });
  const candidates = [
    { caseId: 'a', part: '篇一', score: 3.5, rank: 3, recommendations: rec(2) },
    { caseId: 'b', part: '篇二', score: 4.5, rank: 1, recommendations: rec(2) },
    { caseId: 'c', part: '篇一', score: 4.0, rank: 2, recommendations: rec(1, 1) },
    { caseId: 'd', part: '篇一', score: 4.2, rank: 2, recommendations: rec(0, 0, 2) },
  ];
  it('selects by majority recommendation and score, groups by part in rank order', () => {
    expect(proposeDraft('t', candidates, { recommendations: ['include'], minScore: null, groupBy: 'part' }).parts).toEqual([
      { title: '篇二', caseIds: ['b'] },
      { title: '篇一', caseIds: ['a'] },
    ]);
    expect(proposeDraft('t', candidates, { recommendations: ['include', 'pending'], minScore: 3.8, groupBy: 'none' }).parts).toEqual([{ title: '典型案例', caseIds: ['b', 'c'] }]);
  });
});

describe('tableOfContents', () => {
  it('numbers parts 一、二、 and cases from 1 in each part', () => {
    const toc = tableOfContents({ title: 't', indicatorTables: false, updatedAt: '', parts: [{ title: 'A篇', caseIds: ['x', 'y'] }, { title: 'B篇', caseIds: ['z'] }] }, (id) => id.toUpperCase());
    expect(toc.map((e) => e.number + e.title)).toEqual(['一、A篇', '1．X', '2．Y', '二、B篇', '1．Z']);
  });
});

describe('completenessChecks', () => {
  const all = [section('工作背景', 1, 0, ['background']), section('主要做法', 1, 10, ['practices']), section('成效和经验', 1, 20, ['results', 'lessons'])];
  it.each([
    ['a complete case', all, [], '短标题', 0, []],
    ['no lessons', all.slice(0, 2).concat(section('推进成效', 1, 20, ['results'])), [], '短标题', 0, ['no-lessons']],
    ['an indicator without baseline', all, [indicator({ value: 91, direction: 'up' })], '短标题', 0, ['indicator-without-baseline']],
    ['an indicator with its baseline', all, [indicator({ value: 91, baseline: 80 })], '短标题', 0, []],
    ['an overlong title', all, [], '一'.repeat(31), 0, ['title-too-long']],
    ['orphans left', all, [], '短标题', 2, ['orphans']],
  ] as const)('%s', (_n, sections, spans, title, orphans, codes) => {
    expect(completenessChecks({ title, region: null, sections: [...sections], spans: [...spans], orphans }).map((i) => i.code)).toEqual(codes);
  });
});

describe('caseBlocks', () => {
  it('turns standalone section headings into headings and the rest into paragraphs', () => {
    const text = '一、工作背景\n正文一。\n（一）加强领导。成立小组。';
    const sections = [{ ...section('工作背景', 1, 0, ['background']), headingEnd: 6 }, { ...section('加强领导', 2, 12, ['practices']), headingEnd: 19 }];
    expect(caseBlocks({ id: 'c', title: 't', region: null, text, sections, indicators: [] })).toEqual([
      { kind: 'heading', level: 1, text: '一、工作背景' },
      { kind: 'paragraph', text: '正文一。' },
      { kind: 'paragraph', text: '（一）加强领导。成立小组。' },
    ]);
  });
});
