import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { loadDocument } from './load.ts';
import { isTraditional } from './traditional.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const SIMPLIFIED = ['第二批健康河北行动推进典型经验案例一', '坚持“四个四”工作法 推进健康知识普及行动有效实施', '一、工作背景', '普及健康知识，提高全省居民健康素养，是提高居民健康水平最经济最有效的措施之一。', '二、主要做法', '建立完善健康科普知识发布和传播机制，鼓励全社会积极开展健康科普传播𠀀😀。', '三、推进成效', '全省居民健康素养水平从2019年19.18%提升到2021年26.82%。', '四、经验启示', '必须坚持系统观念，发挥各部门作用。', '第二批健康河北行动推进典型经验案例二', '抢抓冬奥会契机 推动全民健身深入开展', '一、工作背景', '党的十八大以来，全民健身上升为国家战略。', '二、主要做法', '加强统筹联动，党政齐抓共管。', '三、推进成效', '群众性冰雪运动持续向纵深推进。'];

describe('traditional characters', () => {
  const traditional = SIMPLIFIED.map((l) => toTraditional(l));
  const doc = loadDocument(traditional.join('\n'), 'trad.txt');

  it('are recognised, and simplified text is not', () => {
    expect(isTraditional(traditional.join('\n'))).toBe(true);
    expect(isTraditional(SIMPLIFIED.join('\n'))).toBe(false);
  });

  it('load to the same outline as the simplified text, shown as written', () => {
    const simple = loadDocument(SIMPLIFIED.join('\n'), 'simple.txt');
    expect(doc.cases).toHaveLength(simple.cases.length);
    expect(doc.cases.map((c) => c.title)).toEqual(simple.cases.map((c) => toTraditional(c.title)));
    expect(doc.cases.map((c) => c.sections.map((s) => s.kinds))).toEqual(simple.cases.map((c) => c.sections.map((s) => s.kinds)));
    expect(doc.cases[0]!.sections.map((s) => s.heading)).toEqual(['工作背景', '主要做法', '推進成效', '經驗啟示']);
    expect(doc.warnings.find((w) => w.code === 'traditional')?.severity).toBe('info');
  });

  it('keep every character of the case text as the file has it, offsets unmoved', () => {
    for (const c of doc.cases) {
      expect(traditional.join('\n')).toContain(c.text.split('\n')[1]!);
      for (const s of c.sections) expect(c.text.slice(s.start, s.headingEnd)).toMatch(new RegExp(`${s.heading}$`));
    }
    expect(doc.cases[0]!.text).toContain('𠀀😀');
  });
});
