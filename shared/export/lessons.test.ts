import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { LessonEntry } from '../api/types.ts';
import { offsetConverter } from '../text/units.ts';
import { renderLessons } from './lessons.ts';

const entry = (caseId: string, headline: string, text: string, start: number): LessonEntry => ({
  spanId: `${caseId}-${start}`,
  reviewer: '张三',
  caseId,
  caseTitle: `案例 ${caseId}`,
  region: '河北省',
  part: '健康影响因素篇',
  documentTitle: '2024年度汇编',
  headline,
  text,
  section: '四、经验启示',
  start,
  end: start + text.length,
});
// Case c1's text: an astral character (𠀀) before the second lesson, and two inside it.
const C1 = '前言😀。领导重视是前提。推动工作需要决心。𠀀技术*支撑*是保障😀。';
const at = (q: string) => C1.indexOf(q);
const entries = [entry('c1', '领导重视是前提', '领导重视是前提。推动工作需要决心。', at('领导')), entry('c1', '𠀀技术*支撑*', '𠀀技术*支撑*是保障😀', at('𠀀')), entry('c2', '多方协同', '多方协同', 5)];
const converter = offsetConverter(C1);
const codePoints = (caseId: string, u: number) => (caseId === 'c1' ? converter.toCodePoints(u) : u);

describe('renderLessons', () => {
  it('writes CSV that parses back, one lesson a row, with a BOM', () => {
    const csv = renderLessons(entries, 'csv', { title: 't', codePoints });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(csv.slice(1).trim()).data;
    expect(rows).toHaveLength(4);
    expect(rows[2]).toEqual(['c1', '案例 c1', '河北省', '健康影响因素篇', '2024年度汇编', '四、经验启示', '𠀀技术*支撑*', '𠀀技术*支撑*是保障😀', '张三']);
  });

  it('writes JSON Lines with code-point offsets and the quoted text beside them', () => {
    const lines = renderLessons(entries, 'jsonl', { title: 't', codePoints }).trim().split('\n').map((l) => JSON.parse(l));
    const start = Array.from(C1.slice(0, at('𠀀'))).length; // code points
    expect(lines[1]).toMatchObject({ case: 'c1', text: '𠀀技术*支撑*是保障😀', start, end: start + [...'𠀀技术*支撑*是保障😀'].length, offsetUnit: 'codepoint' });
    expect([...C1].slice(lines[1].start, lines[1].end).join('')).toBe(lines[1].text);
  });

  it('writes Markdown grouped by case, escaping Markdown in the text', () => {
    const md = renderLessons(entries, 'md', { title: '经验启示库', codePoints });
    expect(md.startsWith('# 经验启示库\n')).toBe(true);
    expect(md.match(/^## /gm)).toHaveLength(2);
    expect(md).toContain('- **𠀀技术\\*支撑\\***　𠀀技术\\*支撑\\*是保障😀');
    expect(md).toContain('- **多方协同**\n');
  });
});
