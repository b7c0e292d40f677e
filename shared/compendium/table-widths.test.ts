import { describe, expect, it } from 'vitest';
import { columnWidths } from './table-widths.ts';
import { emWidth } from './title-lines.ts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('columnWidths', () => {
  const metrics = [
    ['指标', '数值', '基线', '变化'],
    ['参与者平均每周运动3次及以上的比例', '', '', '提高27.73%'],
    ['用运动饮食相结合的方式控制体重的比例', '', '', '提升41.73%'],
    ['活动终期超重肥胖的比例', '41.71%（2024年）', '46.83%', '降低5.12个百分点'],
    ['在线观看人数', '225.9万人（2024年）', '', ''],
    ['婚检率', '79.8%（2021年）', '29.21%（2018年）', '上升50.59个百分点'],
  ];

  it('fills the table, keeps figures with their years on one line, and gives the room to the long metric names', () => {
    const widths = columnWidths(metrics, 48, 0);
    expect(sum(widths)).toBeCloseTo(48, 6);
    expect(widths[1]).toBeGreaterThanOrEqual(emWidth('225.9万人（2024年）'));
    expect(widths[2]).toBeGreaterThanOrEqual(emWidth('29.21%（2018年）'));
    expect(widths[0]).toBeGreaterThan(Math.max(...widths.slice(1)));
  });

  it('in a narrow table, leaves the names a third of it', () => {
    const widths = columnWidths(metrics, 36, 0);
    expect(sum(widths)).toBeCloseTo(36, 6);
    expect(widths[0]).toBeGreaterThanOrEqual(12 - 1e-9);
  });

  it('gives every column what it holds when all fit, the rest to the column asked', () => {
    const rows = [['指标', '数值'], ['知晓率', '91%']];
    const widths = columnWidths(rows, 20, 0);
    expect(sum(widths)).toBeCloseTo(20, 6);
    expect(widths[1]).toBeLessThan(5);
  });

  it('never narrows a column below its longest number', () => {
    const rows = [['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], Array(8).fill('1234567.89')];
    const widths = columnWidths(rows, 60);
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(emWidth('1234567.89'));
  });
});
