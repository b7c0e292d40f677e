import { describe, expect, it } from 'vitest';
import { suggestIndicators } from './indicators.ts';
import { joinLabels, tableCells } from './table-cells.ts';

const TABLE = [
  '主要指标提前达到或超过2022年全国目标值',
  '工作指标\t2018年\t2019年\t2020年\t2021年\t2022年',
  '婚前医学检查率（%)\t29.21\t42.58\t68.47\t79.8\t75\t65',
  '新生儿听力筛查\t筛查率（%)\t94.48\t95.31\t95.53\t96.27\t95\t90',
].join('\n');

describe('tab-separated tables', () => {
  it('reads each numeric cell with the row label as metric, its unit, and the column year', () => {
    const cells = [...tableCells(TABLE).values()];
    expect(cells).toHaveLength(12);
    expect(cells[0]).toEqual({ value: 29.21, unit: '%', metric: '婚前医学检查率', year: 2018 });
    expect(cells[4]).toEqual({ value: 75, unit: '%', metric: '婚前医学检查率', year: 2022 });
    // A column past the header's years (the national target) has no year.
    expect(cells[5]).toEqual({ value: 65, unit: '%', metric: '婚前医学检查率', year: null });
    // Two label cells make one name, the words they share written once.
    expect(cells[6]).toMatchObject({ value: 94.48, metric: '新生儿听力筛查率', year: 2018 });
  });

  it('proposes every cell as a rate indicator, and not the header years', () => {
    const s = suggestIndicators(TABLE, []);
    expect(s.map((x) => x.text)).toEqual(['29.21', '42.58', '68.47', '79.8', '75', '65', '94.48', '95.31', '95.53', '96.27', '95', '90']);
    expect(s[3]!.fields).toMatchObject({ kind: 'rate', value: 79.8, unit: '%', metric: '婚前医学检查率', year: 2021 });
  });

  it('reads a row under the label cell that spans it (one cell fewer): 新生儿听力筛查 | 确诊病例治疗率', () => {
    const table = [TABLE, '确诊病例治疗率（%)\t28.87\t61.33\t72.47\t57.82\t80\t80', '婚前医学检查率（%)\t29.21\t42.58\t68.47\t79.8\t75\t65\t1'].join('\n');
    const metrics = [...tableCells(table).values()].map((c) => c.metric);
    expect(metrics.slice(12, 18)).toEqual(Array(6).fill('新生儿听力筛查确诊病例治疗率'));
    // A row as wide as the spanning row's is a row of its own.
    expect(metrics[18]).toBe('婚前医学检查率');
  });

  it.each([
    ['新生儿听力筛查', '筛查率', '新生儿听力筛查率'],
    ['新生儿遗传代谢性疾病筛查', '确诊病例治疗率', '新生儿遗传代谢性疾病筛查确诊病例治疗率'],
    ['健康素养', '素养水平', '健康素养水平'],
  ])('joinLabels(%s, %s) = %s', (a, b, joined) => expect(joinLabels(a, b)).toBe(joined));

  it('ignores text without tabs and rows with a single number', () => {
    expect(tableCells('全市覆盖率 95%。').size).toBe(0);
    expect(tableCells('序号\t单位\t3').size).toBe(0);
  });
});
