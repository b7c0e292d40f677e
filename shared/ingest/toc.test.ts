import { describe, expect, it } from 'vitest';
import { decodeSource } from './decode/index.ts';
import { parseTableOfContents } from './toc.ts';

const toc = (lines: string[]) => parseTableOfContents(decodeSource(lines.join('\n'), 'x.txt').lines);
const entries = (lines: string[]) => toc(lines)?.entries.map((e) => [e.kind, e.title, e.page]);

describe('tables of contents, however extraction left them', () => {
  it.each<[string, string[], Array<[string, string, number]>]>([
    ['entries with leaders and pages', ['目  录', '一、健康影响因素篇 ........ 1', '1．北京市：创新大人群体重干预模式 ...... 2', '2．河北省：高位推进 部门联动 ...... 9', '二、重点人群篇 ........ 15'], [
      ['part', '健康影响因素篇', 1], ['case', '北京市：创新大人群体重干预模式', 2], ['case', '河北省：高位推进 部门联动', 9], ['part', '重点人群篇', 15],
    ]],
    ['an entry wrapped, its leaders and its page each on a line of their own', ['目录', '1．北京市：以健康科普专家库管理', '建设深入推动医防融合践行实效', '......', '2', '2．河北省：高位推进 ...... 9', '3．上海市：与时俱进 ...... 14'], [
      ['case', '北京市：以健康科普专家库管理建设深入推动医防融合践行实效', 2], ['case', '河北省：高位推进', 9], ['case', '上海市：与时俱进', 14],
    ]],
    ['page footers and running heads between entries', ['目  录', '1．北京市：甲 ...... 2', '第 1 页', '2．河北省：乙 ...... 9', '健康中国行动典型案例汇编', '3．上海市：丙 ...... 14'], [
      ['case', '北京市：甲', 2], ['case', '河北省：乙', 9], ['case', '上海市：丙', 14],
    ]],
    ['unnumbered entries, leaders broken by spaces', ['目 录', '健康影响因素篇........4', '北京市：创新大人群体重干预模式. .5', '江苏省：共建共享 健康苏州........43'], [
      ['part', '健康影响因素篇', 4], ['case', '北京市：创新大人群体重干预模式', 5], ['case', '江苏省：共建共享 健康苏州', 43],
    ]],
    ['an entry a page break cut, the page number between its halves', ['目录', '9．重庆市：“356”改革举措破解“带娃”难题 ......', '158', '10．陕西省：积极探索成年残疾人 免费住院康复治', '', '— 2 —', '', '疗工作 ...... 160', '11．甘肃省：丙 ...... 166'], [
      ['case', '重庆市：“356”改革举措破解“带娃”难题', 158], ['case', '陕西省：积极探索成年残疾人 免费住院康复治疗工作', 160], ['case', '甘肃省：丙', 166],
    ]],
  ])('%s', (_what, lines, expected) => {
    expect(entries(lines)).toEqual(expected);
  });

  it('ends where lines stop making entries', () => {
    const t = toc(['目录', '1．甲乙丙丁 ...... 2', '2．戊己庚辛 ...... 9', '3．壬癸子丑 ...... 14', '一、工作背景', '正文第一段，说明背景情况。', '正文第二段。', '正文第三段。', '正文第四段。', '正文第五段。', '正文第六段。', '正文第七段。', '正文第八段。', '9．很后面的一行 12']);
    expect(t?.entries).toHaveLength(3);
    expect(t?.endLine).toBe(3);
  });

  it.each([
    ['no heading', ['1．甲 ...... 2', '2．乙 ...... 9', '3．丙 ...... 14']],
    ['too few entries', ['目录', '1．甲乙丙丁 ...... 2', '2．戊己庚辛 ...... 9']],
    ['rows of figures far below the heading', ['目 录', ...Array.from({ length: 20 }, (_, i) => `正文第${i}段，说明情况。`), '孕前优生健康检查率（%) 90.21 93.10 96.27 93.70 93', '产前筛查率（%) 74.99 86.17 89.81 92.90 93', '确诊病例治疗率（%) 92.37 97.75 97.90 97.84 97']],
  ])('none with %s', (_what, lines) => {
    expect(toc(lines)).toBeNull();
  });
});
