import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceTitle, charWidth, emWidth, gap, SLACK } from './title-lines.ts';

/** The lines a line breaker makes of `text` at `measure` ems: as many characters as fit, then the next line. */
function breakAt(text: string, measure: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const ch of text) {
    const w = charWidth(ch) + (line ? gap(line.slice(-1), ch) : 0);
    if (width + w > measure + SLACK) {
      lines.push(line);
      [line, width] = ['', charWidth(ch)];
    } else width += w;
    line += ch;
  }
  return [...lines, line];
}

describe('balanceTitle', () => {
  it.each([
    // A title that fits is left alone.
    ['健康中国行动典型案例汇编', 20, ['健康中国行动典型案例汇编']],
    // The cover title at 一号: not "…汇" / "编" but two balanced lines, broken between words.
    ['2025年度健康中国行动典型案例汇编（初稿）', 17, ['2025年度健康中国行动', '典型案例汇编（初稿）']],
    // A case title at 二号.
    ['1．创新大人群体重干预模式提升首都职工体重管理能力', 20, ['1．创新大人群体重干预模式', '提升首都职工体重管理能力']],
    // A title of phrases breaks between them, the shorter line first when that is the even pair.
    ['9．抓实三级预防 深入推进出生缺陷综合防控', 20, ['9．抓实三级预防', '深入推进出生缺陷综合防控']],
    ['3．高位推进 部门联动 努力推动将健康融入所有政策', 20, ['3．高位推进 部门联动', '努力推动将健康融入所有政策']],
  ])('%s in %i ems', (title, ems, lines) => {
    const layout = balanceTitle(title, ems);
    expect(layout.lines).toEqual(lines);
    if (layout.atSpaces) expect(layout.lines.join(' ')).toBe(title);
    if (layout.measure !== null) expect(breakAt(title, layout.measure)).toEqual(lines);
  });

  it('never leaves one character alone on a line, and the measure reproduces its lines', () => {
    const han = fc.constantFrom(...'健康中国行动典型案例汇编创新模式提升职工体重管理能力推进部门联动融入所有政策'.split(''));
    const piece = fc.oneof({ weight: 8, arbitrary: han }, { weight: 1, arbitrary: fc.constantFrom('2025', '“', '”', '（', '）', ' ', '1+2', '：') });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 3, maxLength: 70 }), fc.integer({ min: 12, max: 28 }), (pieces, ems) => {
        const title = pieces.join('').trim();
        if (!title) return;
        const { lines, measure, atSpaces } = balanceTitle(title, ems);
        expect(lines.join(atSpaces ? ' ' : '')).toBe(title);
        if (lines.length > 1) {
          expect([...lines[lines.length - 1]!].length).toBeGreaterThanOrEqual(2);
          for (const l of lines) expect(emWidth(l)).toBeLessThanOrEqual(ems + 1e-9);
          if (measure !== null) expect(breakAt(title, measure)).toEqual(lines);
        }
      }),
    );
  });
});
