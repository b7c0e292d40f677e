import { describe, expect, it } from 'vitest';
import type { TaggedSection } from '../model/review.ts';
import { caseBlocks, tableRow } from './blocks.ts';

const section = (heading: string, level: number, start: number, headingEnd: number): TaggedSection => ({ heading, numbering: '', level, kinds: [], start, headingEnd, end: 0, source: 'loader', confirmed: false });

describe('caseBlocks', () => {
  it('turns standalone section headings into headings and run-in ones into paragraphs', () => {
    const text = '一、工作背景\n正文一。\n（一）加强领导。成立小组。';
    const sections = [section('工作背景', 1, 0, 6), section('加强领导', 2, 12, 19)];
    expect(caseBlocks({ text, sections })).toEqual([
      { kind: 'heading', level: 1, text: '一、工作背景' },
      { kind: 'paragraph', text: '正文一。' },
      { kind: 'paragraph', text: '（一）加强领导。成立小组。' },
    ]);
  });

  it('keeps consecutive tab-separated rows as one table, padded to its widest row', () => {
    const text = ['三、推进成效', '主要指标：', '工作指标\t2018年\t2019年', '婚检率（%)\t29.21\t42.58\t目标', '筛查率\t74.99', '表后的正文。', '另\t一表\t之行'].join('\n');
    expect(caseBlocks({ text, sections: [section('推进成效', 1, 0, 6)] })).toEqual([
      { kind: 'heading', level: 1, text: '三、推进成效' },
      { kind: 'paragraph', text: '主要指标：' },
      { kind: 'table', rows: [['工作指标', '2018年', '2019年', ''], ['婚检率（%)', '29.21', '42.58', '目标'], ['筛查率', '74.99', '', '']] },
      { kind: 'paragraph', text: '表后的正文。' },
      { kind: 'table', rows: [['另', '一表', '之行']] },
    ]);
  });

  it('on a seed: the birth-defect case keeps its table of targets', async () => {
    const { readFileSync } = await import('node:fs');
    const { loadDocument } = await import('../ingest/index.ts');
    const file = 'hebei-second-batch-typical-cases.txt';
    const doc = loadDocument(new Uint8Array(readFileSync(new URL(`../../seeds/${file}`, import.meta.url))), file, { id: 'hebei2022' });
    const c = doc.cases.find((x) => x.id === 'hebei2022-04')!;
    const tables = caseBlocks({ text: c.text, sections: c.sections.map((s) => ({ ...s, source: 'loader' as const, confirmed: false })) }).filter((b) => b.kind === 'table');
    const rows = tables.flatMap((t) => (t.kind === 'table' ? t.rows : []));
    expect(rows.map((r) => r[0])).toContain('婚前医学检查率（%)');
    expect(rows.find((r) => r[0] === '婚前医学检查率（%)')!.slice(1, 5)).toEqual(['29.21', '42.58', '68.47', '79.8']);
    // Every row of a table has as many cells as the table has columns.
    for (const t of tables) if (t.kind === 'table') expect(new Set(t.rows.map((r) => r.length)).size).toBe(1);
  });
});

describe('tableRow', () => {
  it.each([
    ['a\tb', ['a', 'b']],
    ['a\t', null],
    ['no tabs', null],
    ['\t\t', null],
    [' a \t b \tc', ['a', 'b', 'c']],
  ])('%j → %j', (line, cells) => expect(tableRow(line)).toEqual(cells));
});
