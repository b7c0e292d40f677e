import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ordinalValue, parseNumbering, PATTERNS } from './numbering.ts';

describe('parseNumbering', () => {
  it.each([
    ['一、工作背景', 'cn'],
    ['第二章 做法', 'chapter'],
    ['（一）组织动员', 'paren-cn'],
    ['1．北京市', 'digit'],
    ['1. 北京市', 'digit'],
    ['3、建立机制', 'digit-comma'],
    ['(2) 优化', 'paren-digit'],
    ['⑦健康睡眠', 'circled'],
    ['02｜主要做法', 'zero-digit'],
    ['１．北京市', 'digit'],
    ['３、建立机制', 'digit-comma'],
    ['（２）优化', 'paren-digit'],
    ['０２ 主要做法', 'zero-digit'],
  ] as const)('%s is numbered in the %s style', (text, scheme) => {
    expect(parseNumbering(text)?.scheme).toBe(scheme);
  });

  it.each([
    ['一、工作背景', 1, '一、', 1],
    ['十二、其他', 1, '十二、', 12],
    ['（一）组织动员', 2, '（一）', 1],
    ['(三）用好四类媒介', 2, '(三）', 3],
    ['( 二 ) 完善制度', 2, '( 二 ) ', 2],
    ['1.搭建沟通网络', 3, '1.', 1],
    ['2．北京市：以健康科普', 3, '2．', 2],
    ['3、建立机制', 3, '3、', 3],
    ['（1）聚焦偏远岛民', 4, '（1）', 1],
    ['(2) 优化诊疗体系', 4, '(2) ', 2],
    ['⑦健康睡眠', 4, '⑦', 7],
    ['01 工作背景', 3, '01 ', 1],
    ['第三篇 重大疾病篇', 1, '第三篇 ', 3],
    ['１２．健康社区', 3, '１２．', 12],
    ['（１）聚焦偏远岛民', 4, '（１）', 1],
  ] as const)('%s', (text, level, marker, value) => {
    expect(parseNumbering(text)).toMatchObject({ level, marker, value });
  });

  it.each(['2024年 6月，国家卫生健康委', '19.18%提升到26.82%', '1.42kg', '一是加强领导', '健康中国行动', '3亿多烟民', '12 万余名村医', '2019 年', '１９．１８％提升到', '２０２３年'])('%s is not a heading number', (text) => {
    expect(parseNumbering(text)).toBeNull();
  });

  it.each([
    ['一', 1],
    ['十', 10],
    ['十三', 13],
    ['二十', 20],
    ['二十三', 23],
    ['17', 17],
    ['③', 3],
  ])('ordinalValue(%s) = %i', (token, value) => {
    expect(ordinalValue(token)).toBe(value);
  });
});

describe('parseNumbering by the opening character', () => {
  it('finds what trying every pattern in order finds', () => {
    const pieces = ['一', '十二', '第三', '章', '部分', '（', '(', '）', ')', '0', '０', '7', '１２', '.', '．', '、', '，', ' ', '①', '⑳', '工作背景', '2023年', '%', '是'];
    const everyPattern = (text: string) => {
      for (const { level, scheme, re } of PATTERNS) {
        const m = re.exec(text);
        if (m) return { level, scheme, marker: m[0] };
      }
      return null;
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }), (parts) => {
        const text = parts.join('');
        const n = parseNumbering(text);
        expect(n && { level: n.level, scheme: n.scheme, marker: n.marker }).toEqual(everyPattern(text));
      }),
      { numRuns: 3000 },
    );
  });
});
