import { describe, expect, it } from 'vitest';
import type { SpanAnnotation } from '../model/annotation.ts';
import { chineseAmount, indicatorCells, indicatorTable, writtenFigure } from './indicator-table.ts';

const span = (quote: string, fields: SpanAnnotation['fields'], start = 0): SpanAnnotation => ({ id: quote, caseId: 'c', start, end: start + quote.length, quote: { exact: quote, prefix: '', suffix: '' }, label: 'indicator', fields, note: '', reviewer: 'r', origin: 'suggestion', revision: 0, createdAt: '', updatedAt: '' });

describe('values as the text writes them', () => {
  it.each([
    ['225.9万人', { metric: '在线观看人数', value: 2259000, unit: '人', year: 2024 }, { value: '225.9万人（2024年）' }],
    ['3.6万余名', { metric: '志愿者', value: 36000, unit: '名', approx: '余' }, { value: '3.6万余名' }],
    ['近2亿元', { metric: '投入资金', value: 2e8, unit: '元', approx: '近' }, { value: '近2亿元' }],
    ['98%以上', { metric: '筛查率', value: 98, unit: '%', approx: '以上' }, { value: '98%以上' }],
    ['80 万小时', { metric: '志愿服务时长', value: 800000, unit: '小时' }, { value: '80万小时' }],
    ['由 46.83%降低为41.71%', { metric: '超重肥胖比例', value: 41.71, unit: '%', baseline: 46.83, direction: 'down', change: 5.12, changeUnit: 'pp' }, { value: '41.71%', baseline: '46.83%', change: '降低5.12个百分点' }],
    ['由2018年的29.21%直线上升，2021年全省婚检率达到了79.8%', { metric: '婚检率', value: 79.8, unit: '%', baseline: 29.21, baselineYear: 2018, year: 2021, direction: 'up', change: 50.59, changeUnit: 'pp' }, { value: '79.8%（2021年）', baseline: '29.21%（2018年）', change: '上升50.59个百分点' }],
    ['提高了27.73%', { metric: '运动比例', direction: 'up', change: 27.73, changeUnit: '%' }, { value: '', change: '提高27.73%' }],
    ['提升8.72个百分点', { metric: '健康素养水平', direction: 'up', change: 8.72, changeUnit: 'pp' }, { change: '提升8.72个百分点' }],
    ['全省第一', { metric: '婚检率', value: 1, kind: 'ranking' }, { value: '全省第一' }],
    // A span wider than the figure (marked by hand): the figure is still found in it.
    ['在线观看人数达225.9万人', { metric: '在线观看人数', value: 2259000, unit: '人' }, { value: '225.9万人' }],
    // A value the quote does not write (typed by a reviewer): written as reports write large numbers.
    ['若干', { metric: '参与人数', value: 39700000, unit: '人' }, { value: '3970万人' }],
    ['91%', { metric: '', value: 91, unit: '%' }, { metric: '—', value: '91%' }],
  ] as const)('%s', (quote, fields, expected) => {
    expect(indicatorCells(span(quote, { ...fields }))).toMatchObject(expected);
  });

  it.each([
    [39700000, '3970万'],
    [120000000, '1.2亿'],
    [12345, '1.23万'.length ? '12345' : ''],
    [20000, '2万'],
    [87.5, '87.5'],
  ])('chineseAmount(%d) = %s', (n, s) => expect(chineseAmount(n)).toBe(s));

  it('finds the figure worth the value, the later one of a from–to', () => {
    expect(writtenFigure('从 2017 年的 4.4 增加到 2021 年的 7.0', 7, '')).toBe('7.0');
    expect(writtenFigure('从40%提高到40%以上', 40, '%', true)).toBe('40%以上');
    expect(writtenFigure('增长 10.82 个百分点', 99, '')).toBeNull();
  });
});

describe('indicatorTable', () => {
  it('prints only the columns some row fills, leaves out repeats and figures of the text’s own tables', () => {
    const text = '在线观看人数达225.9万人。\n指标\t2021年\n婚检率\t79.8';
    const spans = [
      span('225.9万人', { metric: '在线观看人数', value: 2259000, unit: '人' }, 7),
      span('225.9万人', { metric: '在线观看人数', value: 2259000, unit: '人' }, 7),
      span('79.8', { metric: '婚检率', value: 79.8, unit: '%', year: 2021 }, text.indexOf('79.8')),
    ];
    expect(indicatorTable(spans, text)).toEqual({ columns: [{ key: 'metric', title: '指标' }, { key: 'value', title: '数值' }], rows: [['在线观看人数', '225.9万人']] });
  });
});
