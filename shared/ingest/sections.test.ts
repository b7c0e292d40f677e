import { describe, expect, it } from 'vitest';
import { MappedString } from './mapped-string.ts';
import { findSections, headingOf } from './sections.ts';

const para = (text: string) => ({ text: MappedString.fromRaw(text, 0, text.length) }) as Parameters<typeof headingOf>[0];

describe('headingOf: where a run-in heading ends', () => {
  it.each([
    ['at a close full stop', '（1）推行“智慧家医”服务模式。通过智慧诊疗提升服务。', '推行“智慧家医”服务模式'],
    ['at a close comma', '（2）推进六大健康行动，包括：家庭示范宣讲行动、健康知识普及行动、健康指导进家庭行动、跨部门健康文化进家庭行动、健康技能进家庭行动、打造健身环境助力家庭行动。', '推进六大健康行动'],
    // A comma inside brackets does not end it: the heading runs to the bracket's close.
    [
      'not at a comma inside brackets',
      '(1)结合疫情防控工作经验和“双专员 双进入”工作机制（即社区（村）设置公共卫生专员及单位设置健康专员，社区卫生服务中心主任及家庭医生分别担任街镇、社区（村）的主任助理和公共卫生专员），初步形成“覆盖有关组成部门、街镇、学校、机关、企业”的健康促进工作网络，为健康县区建设提供组织保障。',
      '结合疫情防控工作经验和“双专员 双进入”工作机制（即社区（村）设置公共卫生专员及单位设置健康专员，社区卫生服务中心主任及家庭医生分别担任街镇、社区（村）的主任助理和公共卫生专员）',
    ],
    ['nor at one inside quotes', '（3）开展“健康促进，你我同行”主题活动，覆盖全区各街道和乡镇的中小学校、机关单位、企业和社区居民，参与人数逐年增加，群众满意度持续提升。', '开展“健康促进，你我同行”主题活动'],
  ])('%s', (_what, text, heading) => {
    expect(headingOf(para(text))?.text).toBe(heading);
  });
});

describe('findSections: a statement heading names no kind', () => {
  const kindsOf = (lines: string[]) => {
    const offsets: number[] = [];
    let at = 0;
    for (const l of lines) {
      offsets.push(at);
      at += l.length + 1;
    }
    return findSections(lines.map(para), offsets, at).map((s) => [s.heading.slice(0, 12), s.kinds]);
  };
  it.each<[string, string[], Array<[string, string[]]>]>([
    ['a run-in point that mentions 经验 in passing', ['(1)结合疫情防控工作经验和“双专员 双进入”工作机制（即社区设置专员，街镇设置助理），初步形成工作网络。'], [['结合疫情防控工作经验和“', ['other']]]],
    ['a heading of clauses that mentions 成果', ['（3）开展“两山”实践创新基地创建工作，探索出7个“两山”转化成果，打造健康宜居环境。'], [['开展“两山”实践创新基地', ['other']]]],
    ['a short heading still names its kind', ['三、工作成效', '覆盖 40 所学校。'], [['工作成效', ['results']]]],
    ['a narrative heading with a colon keeps its words', ['四、瞄准未来“课题”：创新管理模式推进“三部曲”', '正文。'], [['瞄准未来“课题”：创新管', ['practices']]]],
  ])('%s', (_what, lines, expected) => {
    expect(kindsOf(lines)).toEqual(expected);
  });
});

describe('findSections: the section names set the top level, whatever their numbering style', () => {
  const sectionsOf = (lines: string[]) => {
    const offsets: number[] = [];
    let at = 0;
    for (const l of lines) {
      offsets.push(at);
      at += l.length + 1;
    }
    return findSections(lines.map(para), offsets, at).map((s) => [s.level, s.heading, s.kinds.join('+')]);
  };
  it.each<[string, string[], Array<[number, string, string]>]>([
    [
      '1． sections over （一） points',
      ['1．工作背景', '某市人口多。', '2．主要做法', '（一）高位推动。成立领导小组。', '（二）示范引领。先行创建。', '3．工作成效', '覆盖率达到95%。'],
      [[1, '工作背景', 'background'], [1, '主要做法', 'practices'], [2, '高位推动', 'practices'], [2, '示范引领', 'practices'], [1, '工作成效', 'results']],
    ],
    [
      '（一） sections over （一） points that start their numbering again',
      ['（一）工作背景', '某市人口多。', '（二）主要做法', '（一）高位推动。成立领导小组。', '（二）示范引领。先行创建。', '（三）群众参与。评选卫生文明户。', '（三）取得成效', '覆盖率达到95%。'],
      [[1, '工作背景', 'background'], [1, '主要做法', 'practices'], [2, '高位推动', 'practices'], [2, '示范引领', 'practices'], [2, '群众参与', 'practices'], [1, '取得成效', 'results']],
    ],
    [
      'a narrative run-in heading that goes on with the numbering is a section of its own',
      ['一、工作背景', '某市人口多。', '二、主要做法', '建立机制。', '三、强化保障。市财政每年安排专项经费500万元，保障各项工作顺利开展。', '四、工作成效', '覆盖率达到95%。'],
      [[1, '工作背景', 'background'], [1, '主要做法', 'practices'], [1, '强化保障', 'other'], [1, '工作成效', 'results']],
    ],
  ])('%s', (_what, lines, expected) => {
    expect(sectionsOf(lines)).toEqual(expected);
  });
});
