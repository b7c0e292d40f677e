import { describe, expect, it } from 'vitest';
import type { TaggedSection } from '../../../shared/model/review.ts';
import { headsTable, layoutParagraphs, readerBlocks } from './paragraphs.ts';

const section = (start: number, headingEnd: number): TaggedSection => ({ heading: '', numbering: '', level: 1, kinds: [], start, headingEnd, end: 0, source: 'loader', confirmed: false });

describe('source tables in the reader', () => {
  const text = ['三、推进成效', '工作指标\t2018年\t2019年', '婚检率（%)\t29.21\t 42.58 \t目标', '', '正文。', '单\t行'].join('\n');
  const paragraphs = layoutParagraphs(text, [section(0, 6)]);

  it('keeps each row’s cells as written: joined by their tabs they are the line, at its offset', () => {
    for (const p of paragraphs) {
      expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
      if (p.cells) expect(p.cells.join('\t')).toBe(p.text);
    }
    expect(paragraphs[2]!.cells).toEqual(['婚检率（%)', '29.21', ' 42.58 ', '目标']);
    // A heading is never a row.
    expect(paragraphs[0]!.cells).toBeUndefined();
  });

  it('groups consecutive rows into one table as wide as its widest row', () => {
    expect(readerBlocks(paragraphs).map((b) => (b.kind === 'table' ? `table ${b.rows.length}×${b.columns}` : b.paragraph.text || '(blank)'))).toEqual([
      '三、推进成效',
      'table 2×4',
      '(blank)',
      '正文。',
      'table 1×2',
    ]);
  });

  it('heads a table with its first row only when that row holds no figures', () => {
    expect(headsTable(paragraphs[1]!)).toBe(true); // 工作指标 | 2018年 | 2019年
    expect(headsTable(paragraphs[2]!)).toBe(false); // 婚检率（%) | 29.21 | …
  });

  it('with 𠀀 and emoji in a cell, offsets still add up', () => {
    const t = '甲\t𠀀😀\t3';
    const [p] = layoutParagraphs(t, []);
    expect(p!.cells).toEqual(['甲', '𠀀😀', '3']);
    expect(p!.cells!.join('\t').length).toBe(t.length);
  });
});
