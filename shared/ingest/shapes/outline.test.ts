import { describe, expect, it } from 'vitest';
import { loadDocument } from '../load.ts';

/** A case: its heading and three section-name subheadings one level down. */
const kase = (level: number, heading: string) => [
  `${'#'.repeat(level)} ${heading}`,
  `${'#'.repeat(level + 1)} 一、工作背景`,
  `${heading}的背景段落，内容较长一些。`,
  `${'#'.repeat(level + 1)} 二、主要做法`,
  '建立机制，开展工作。',
  `${'#'.repeat(level + 1)} 三、经验启示`,
  '领导重视是前提。',
];
const parts = (groups: [string, ...string[]][]) => groups.flatMap(([part, ...cases]) => [`# ${part}`, ...cases.flatMap((c) => kase(2, c))]);

describe('outline shape: parts, cases and the document title', () => {
  it.each<[string, string[], string | null, [string | null, string | null, string][]]>([
    [
      'one case per part: the parts stay parts',
      parts([['一、健康影响因素篇', '1．河北省：高位推进'], ['二、全生命周期篇', '2．山西省：部门联动']]),
      null,
      [['健康影响因素篇', '河北省', '高位推进'], ['全生命周期篇', '山西省', '部门联动']],
    ],
    [
      'one case in one part, two in another',
      parts([['一、健康影响因素篇', '1．河北省：高位推进'], ['二、全生命周期篇', '2．山西省：部门联动', '3．辽宁省：健康社区']]),
      null,
      [['健康影响因素篇', '河北省', '高位推进'], ['全生命周期篇', '山西省', '部门联动'], ['全生命周期篇', '辽宁省', '健康社区']],
    ],
    [
      'two cases per part',
      parts([['一、健康影响因素篇', '1．河北省：高位推进', '2．天津市：社区行动'], ['二、全生命周期篇', '3．山西省：部门联动', '4．辽宁省：健康社区']]),
      null,
      [['健康影响因素篇', '河北省', '高位推进'], ['健康影响因素篇', '天津市', '社区行动'], ['全生命周期篇', '山西省', '部门联动'], ['全生命周期篇', '辽宁省', '健康社区']],
    ],
    [
      'a single leading H1 over cases is the document title, not their part',
      ['# 2024年健康中国行动典型案例', ...kase(2, '河北省：高位推进'), ...kase(2, '山西省：部门联动')],
      '2024年健康中国行动典型案例',
      [[null, '河北省', '高位推进'], [null, '山西省', '部门联动']],
    ],
    [
      'a title H1 over H2 parts over H3 cases',
      ['# 典型案例汇编', '## 一、健康影响因素篇', ...kase(3, '河北省：高位推进'), '## 二、全生命周期篇', ...kase(3, '山西省：部门联动')],
      '典型案例汇编',
      [['健康影响因素篇', '河北省', '高位推进'], ['全生命周期篇', '山西省', '部门联动']],
    ],
    [
      'a title H1 with no case below it, then H1 parts',
      ['# 典型案例汇编', '前言文字。', ...parts([['一、健康影响因素篇', '河北省：高位推进'], ['二、全生命周期篇', '山西省：部门联动']])],
      '典型案例汇编',
      [['健康影响因素篇', '河北省', '高位推进'], ['全生命周期篇', '山西省', '部门联动']],
    ],
    [
      'a section name deeper in a case does not make its section a case',
      ['# 一、健康影响因素篇', ...kase(2, '河北省：高位推进'), '#### 经验启示', '小结。', ...kase(2, '山西省：部门联动'), '# 二、全生命周期篇', ...kase(2, '辽宁省：健康社区')],
      null,
      [['健康影响因素篇', '河北省', '高位推进'], ['健康影响因素篇', '山西省', '部门联动'], ['全生命周期篇', '辽宁省', '健康社区']],
    ],
  ])('%s', (_what, lines, title, cases) => {
    const loaded = loadDocument(lines.join('\n'), 'x.md');
    expect(loaded.format).toBe('outline');
    expect(loaded.title).toBe(title);
    expect(loaded.cases.map((c) => [c.part, c.region, c.title])).toEqual(cases);
    for (const c of loaded.cases) expect(c.sections.filter((s) => s.level === 1).map((s) => s.heading).slice(0, 3)).toEqual(['工作背景', '主要做法', '经验启示']);
  });
});
