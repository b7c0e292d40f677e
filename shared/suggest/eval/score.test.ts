import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../suggestion.ts';
import { keyNumber, resolveGold, type EvalCase, type GoldSpan } from './resolve.ts';
import { matchCase, sameValue, scoreSuggestions, spansMatch } from './score.ts';

const TEXT = '全省居民健康素养水平从2019年19.18%提升到2021年26.82%。四、经验启示\n一是领导重视。市委高度重视。二是部门协同。各部门配合。';
const CASE: EvalCase = { id: 'x-01', documentId: 'x', title: '案例', text: TEXT };

function suggestion(label: Suggestion['label'], quote: string, fields: Suggestion['fields'] = {}): Suggestion {
  const start = TEXT.indexOf(quote);
  return { label, start, end: start + quote.length, text: quote, fields, section: null, score: 0.9 };
}

const gold = resolveGold(
  [
    {
      doc: 'x',
      title: '案例',
      indicators: [{ quote: '从2019年19.18%提升到2021年26.82%', fields: { baseline: 19.18, value: 26.82, direction: 'up' } }],
      lessons: [
        { from: '一是领导重视', to: '市委高度重视。', headline: '领导重视' },
        { from: '二是部门协同', to: '各部门配合。', headline: '部门协同' },
      ],
    },
  ],
  [CASE],
);
const [change, lesson1, lesson2] = gold.spans as [GoldSpan, GoldSpan, GoldSpan];

describe('resolveGold', () => {
  it('places quotes in the case text and reports what it cannot find', () => {
    expect(gold.errors).toEqual([]);
    expect(change.text).toBe('从2019年19.18%提升到2021年26.82%');
    expect(TEXT.slice(change.keyStart, change.keyEnd)).toBe('19.18');
    const broken = resolveGold([{ doc: 'x', title: '案例', indicators: [{ quote: '99%' }], lessons: [] }, { doc: 'x', title: '无', indicators: [], lessons: [] }], [CASE]);
    expect(broken.errors).toHaveLength(2);
  });

  it.each<[string, string | undefined, string]>([
    ['3.6万余名', undefined, '3.6'],
    ['从2019年19.18%提升到2021年26.82%', undefined, '19.18'],
    ['较 2020 年增长 10.82 个百分点', undefined, '10.82'],
    ['全省第一', undefined, '全省第一'],
    ['由 46.83%降低为41.71%', '41.71', '41.71'],
  ])('keyNumber(%s)', (quote, number, key) => {
    const k = keyNumber({ quote, ...(number ? { number } : {}) })!;
    expect(quote.slice(k.start, k.end)).toBe(key);
  });
});

describe('matching', () => {
  it('an indicator matches when it overlaps the gold span and covers its key number', () => {
    expect(spansMatch(change, suggestion('indicator', '从2019年19.18%提升到2021年26.82%'))).toBe(true);
    expect(spansMatch(change, suggestion('indicator', '19.18%提升到2021年26.82%'))).toBe(true);
    // The later value alone does not cover the baseline, the key number.
    expect(spansMatch(change, suggestion('indicator', '26.82%'))).toBe(false);
    expect(spansMatch(change, suggestion('lesson', '从2019年19.18%提升到2021年26.82%'))).toBe(false);
  });

  it('a lesson matches when the overlap is at least half of each span', () => {
    expect(spansMatch(lesson1, suggestion('lesson', '一是领导重视。市委高度重视。'))).toBe(true);
    expect(spansMatch(lesson1, suggestion('lesson', '领导重视。市委高度重视。'))).toBe(true);
    // A suggestion more than twice as long as the point does not stand for it.
    expect(spansMatch(lesson1, suggestion('lesson', TEXT.slice(TEXT.indexOf('四、'))))).toBe(false);
    // One suggestion running two points together matches at most one of them.
    expect(matchCase([lesson1, lesson2], [suggestion('lesson', '一是领导重视。市委高度重视。二是部门协同。各部门配合。')]).size).toBe(1);
  });

  it('matches one to one', () => {
    const s = suggestion('indicator', '从2019年19.18%提升到2021年26.82%');
    const twin = { ...s };
    const m = matchCase([change], [s, twin]);
    expect(m.size).toBe(1);
  });

  it.each<[unknown, unknown, boolean]>([
    [7.64, 7.640000001, true],
    [7.64, 7.65, false],
    [null, undefined, true],
    ['pp', 'pp', true],
    ['pp', '%', false],
  ])('sameValue(%s, %s) = %s', (a, b, same) => {
    expect(sameValue(a as never, b as never)).toBe(same);
  });
});

describe('scoreSuggestions', () => {
  it('computes precision, recall, F1 and field accuracy, and lists misses and false positives', () => {
    const report = scoreSuggestions(gold.spans, [
      {
        caseId: 'x-01',
        suggestions: [
          suggestion('indicator', '从2019年19.18%提升到2021年26.82%', { baseline: 19.18, value: 26.82, direction: 'down' }),
          suggestion('indicator', '2019年'),
          suggestion('lesson', '一是领导重视。市委高度重视。', { headline: '领导重视' }),
        ],
      },
    ]);
    expect(report.indicator).toMatchObject({ gold: 1, suggested: 2, matched: 1, precision: 0.5, recall: 1 });
    expect(report.lesson).toMatchObject({ gold: 2, suggested: 1, matched: 1, precision: 1, recall: 0.5 });
    expect(report.changes).toMatchObject({ total: 1, parsedRight: 0, valuesRight: 1, fieldsChecked: 3, fieldsRight: 2 });
    expect(report.changes.misses).toEqual([{ caseId: 'x-01', text: change.text, field: 'direction', expected: 'up', got: 'down' }]);
    expect(report.missed).toEqual([lesson2]);
    expect(report.falsePositives.map((s) => s.text)).toEqual(['2019年']);
    expect(report.headlines).toEqual({ matched: 1, agreeing: 1 });
  });
});
