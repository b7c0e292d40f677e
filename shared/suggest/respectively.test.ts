import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../model/annotation.ts';
import { suggestIndicators } from './indicators.ts';
import { splitSubject } from './metric.ts';

/** 分别 ("respectively") lists: one indicator per number, each on its own number, each with its own metric. */
const fieldsOf = (text: string): Array<Record<string, FieldValue>> => suggestIndicators(text, []).map((s) => ({ ...s.fields, text: s.text }));

describe('分别 lists keep numbers aligned to their metrics', () => {
  it('the example of the brief: three metrics, three changes', () => {
    const got = fieldsOf('健康知识、健康行为、健康技能素养分别提升8.72、10.15、2.50个百分点。');
    expect(got).toMatchObject([
      { text: '8.72', metric: '健康知识', change: 8.72, changeUnit: 'pp', direction: 'up' },
      { text: '10.15', metric: '健康行为', change: 10.15, changeUnit: 'pp', direction: 'up' },
      { text: '2.50个百分点', metric: '健康技能素养', change: 2.5, changeUnit: 'pp', direction: 'up' },
    ]);
  });

  it('with a comparison year and a sentence year, from the seeds', () => {
    const got = fieldsOf('其中2021年城乡居民基本知识和理念素养、健康生活方式与行为素养、基本技能素养水平较2019年分别提升8.72、10.15、2.50个百分点。');
    expect(got.map((g) => [g.metric, g.change, g.baselineYear, g.year])).toEqual([
      ['城乡居民基本知识和理念素养', 8.72, 2019, 2021],
      ['健康生活方式与行为素养', 10.15, 2019, 2021],
      ['基本技能素养水平', 2.5, 2019, 2021],
    ]);
  });

  it('a from–to list pairs each baseline with its later value', () => {
    const got = fieldsOf('出生缺陷导致的婴儿死亡率、5 岁以下儿童死亡率由 2020 年的 0.58‰、0.61‰分别下降至 2023年 0.34‰、0.42‰。');
    expect(got).toMatchObject([
      { text: '0.34‰', metric: '出生缺陷导致的婴儿死亡率', baseline: 0.58, value: 0.34, baselineYear: 2020, year: 2023, direction: 'down', change: 0.24 },
      { text: '0.42‰', metric: '5岁以下儿童死亡率', baseline: 0.61, value: 0.42, baselineYear: 2020, year: 2023, direction: 'down', change: 0.19 },
    ]);
  });

  it('takes the metrics of the figures just before when the subject is theirs', () => {
    const got = fieldsOf('北京市成人超重率为 37.7%，成人肥胖率为 26.7%，相比 2020年分别增长了 1.4%和 4.6%。');
    expect(got.map((g) => [g.text, g.metric])).toEqual([
      ['37.7%', '北京市成人超重率'],
      ['26.7%', '成人肥胖率'],
      ['1.4%', '北京市成人超重率'],
      ['4.6%', '成人肥胖率'],
    ]);
    expect(got[2]).toMatchObject({ kind: 'change', change: 1.4, changeUnit: '%', baselineYear: 2020 });
  });

  it('levels listed after 分别为 share the subject before them', () => {
    const got = fieldsOf('全市高血压、糖尿病、严重精神病障碍、肺结核等慢性病规范管理率逐年提高，到 2022年底分别达 84.2%、84.4%、96%、97.9%。');
    expect(got.map((g) => [g.value, g.metric, g.year])).toEqual([
      [84.2, '高血压', 2022],
      [84.4, '糖尿病', 2022],
      [96, '严重精神病障碍', 2022],
      [97.9, '肺结核等慢性病规范管理率', 2022],
    ]);
  });

  it('dates each value of a list by a year range of the same length', () => {
    const got = fieldsOf('根据 2018～2022 年万州统计年鉴，万州区新出生婴儿分别为 15414 人、13589人、11508人、9120 人、8286人。');
    expect(got.map((g) => [g.value, g.year])).toEqual([
      [15414, 2018],
      [13589, 2019],
      [11508, 2020],
      [9120, 2021],
      [8286, 2022],
    ]);
  });

  it('gives a list its unit when only the last number carries it', () => {
    expect(fieldsOf('建成率分别达84.6%、98.7%、77.3%。').map((g) => [g.text, g.unit])).toEqual([
      ['84.6%', '%'],
      ['98.7%', '%'],
      ['77.3%', '%'],
    ]);
  });
});

describe('splitSubject', () => {
  it.each<[string, number, string[] | null]>([
    ['健康知识、健康行为、健康技能素养', 3, ['健康知识', '健康行为', '健康技能素养']],
    ['媒体宣传和健康讲座活动的参与率', 2, ['媒体宣传', '健康讲座活动的参与率']],
    ['万州区新出生婴儿', 5, null],
  ])('%s into %i', (subject, count, parts) => {
    expect(splitSubject(subject, count)).toEqual(parts);
  });
});
