import { describe, expect, it } from 'vitest';
import { attribution, caseMarker, formField, isDateline, namesPart } from './cues.ts';

describe('caseMarker: a line that starts a case, in any wording', () => {
  it.each<[string, number, string | null, string | null]>([
    ['案例1', 1, null, null],
    ['案例一：坚持高位推动', 1, '坚持高位推动', null],
    ['典型案例01｜创新模式 全民共建', 1, '创新模式 全民共建', null],
    ['【案例3】标题在此', 3, '标题在此', null],
    ['第2个案例：建立机制', 2, '建立机制', null],
    ['经验案例12 标题', 12, '标题', null],
    ['第二批健康河北行动推进典型经验案例三', 3, null, null],
    ['第 二 批 健 康 河 北 行 动 推 进 典 型 经 验 案 例 三', 3, null, null],
    ['健康知识普及行动类典型案例一', 1, null, '健康知识普及行动类'],
    ['Case 2: Beijing', 2, 'Beijing', null],
    ['典型案例之三', 3, null, null],
    ['〔案例4〕推进医养结合', 4, '推进医养结合', null],
    ['案例１', 1, null, null],
    ['典型案例０３｜创新模式', 3, '创新模式', null],
    ['📌 案例1｜创新模式', 1, '创新模式', null],
    ['▶️案例2：全民共建', 2, '全民共建', null],
    ['🔹 典型案例03', 3, null, null],
    ['Case 1 案例1', 1, null, null],
    ['案例2 Case 2', 2, null, null],
  ])('%s', (line, value, title, category) => {
    expect(caseMarker(line)).toEqual({ value, title, category });
  });

  it.each(['案例分析表明，加强领导是关键。', '典型案例', '本案例中', '一、工作背景', '2019年典型案例评选'])('%s is no marker', (line) => {
    expect(caseMarker(line)).toBeNull();
  });
});

describe('attribution: who a case is from, as it follows a title', () => {
  it.each<[string, string, string]>([
    ['——鹤壁市', '鹤壁市', 'dash'],
    ['—— 郑州大学第二附属医院', '郑州大学第二附属医院', 'dash'],
    ['（健康知识普及行动工作组）', '健康知识普及行动工作组', 'bracket'],
    ['来源：健康河北 2022-08-01', '健康河北', 'source'],
    ['申报单位：黑龙江省', '黑龙江省', 'source'],
    ['（石家庄市卫生健康委员会）', '石家庄市卫生健康委员会', 'bracket'],
    ['(驻马店市爱国卫生运动委员会办公室)', '驻马店市爱国卫生运动委员会办公室', 'bracket'],
    ['（北京市东城区疾病预防控制中心）', '北京市东城区疾病预防控制中心', 'bracket'],
  ])('%s', (line, who, kind) => {
    expect(attribution(line)).toEqual({ who, kind });
  });

  it.each([
    ['a numbered heading', '（一）加强领导'],
    ['a year in brackets', '（2022年）'],
    ['a headline subtitle', '——第9届互联网+健康中国大会分论坛侧记'],
    ['a sign-off', '- END -'],
    ['a sentence', '——这是一个很长的句子，说明了很多事情，并且还在继续说明更多的事情和道理，直到超出长度'],
  ])('%s is none', (_what, line) => {
    expect(attribution(line)).toBeNull();
  });
});

describe('datelines, form fields and part names', () => {
  it.each([
    ['本报讯（记者 张三）近日，', true],
    ['新华社北京5月6日电 记者', true],
    ['□本报记者 王潇雨', true],
    ['本市聚焦市民反映突出的问题', false],
  ])('isDateline(%s) = %s', (line, yes) => {
    expect(isDateline(line)).toBe(yes);
  });

  it.each([
    ['案例名称：创新“1+2”模式推动老年健康促进行动开展', undefined, { field: 'title', value: '创新“1+2”模式推动老年健康促进行动开展' }],
    ['案例类别：重点人群篇', undefined, { field: 'category', value: '重点人群篇' }],
    ['案例正文：', undefined, { field: 'label', value: '' }],
    ['案例名称\t唐山丰南区多措并举', [{ text: '案例名称' }, { text: '唐山丰南区多措并举' }], { field: 'title', value: '唐山丰南区多措并举' }],
    ['名称不详的一段话。', undefined, null],
  ] as const)('formField(%s)', (line, cells, field) => {
    expect(formField(line, cells)).toEqual(field);
  });

  it.each([
    ['健康影响因素篇', true],
    ['健康知识普及行动类', true],
    ['第一部分', true],
    ['创新模式 全民共建 努力实现健康科普全覆盖', false],
  ])('namesPart(%s) = %s', (words, yes) => {
    expect(namesPart(words)).toBe(yes);
  });
});
