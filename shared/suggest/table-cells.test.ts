import { describe, expect, it } from 'vitest';
import { suggestIndicators } from './indicators.ts';
import { tableCells } from './table-cells.ts';

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
    expect(cells[6]).toMatchObject({ value: 94.48, metric: '新生儿听力筛查 筛查率', year: 2018 });
  });

  it('proposes every cell as a rate indicator, and not the header years', () => {
    const s = suggestIndicators(TABLE, []);
    expect(s.map((x) => x.text)).toEqual(['29.21', '42.58', '68.47', '79.8', '75', '65', '94.48', '95.31', '95.53', '96.27', '95', '90']);
    expect(s[3]!.fields).toMatchObject({ kind: 'rate', value: 79.8, unit: '%', metric: '婚前医学检查率', year: 2021 });
  });

  it('ignores text without tabs and rows with a single number', () => {
    expect(tableCells('全市覆盖率 95%。').size).toBe(0);
    expect(tableCells('序号\t单位\t3').size).toBe(0);
  });
});
