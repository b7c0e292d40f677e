import { describe, expect, it } from 'vitest';
import { decodeSource } from './decode/index.ts';
import { findFurniture } from './furniture.ts';
import { analyseLayout, buildParagraphs } from './paragraphs.ts';

const paragraphsOf = (text: string) => {
  const { lines } = decodeSource(text, 'x.txt');
  const skip = new Set(findFurniture(lines).keys());
  return buildParagraphs(lines, skip, analyseLayout(lines, skip)).map((p) => p.text.text);
};

/** A case as a reader sees it: marker, unit, title, attribution, sections and body paragraphs. */
const CASE = [
  '第二批健康河北行动推进典型经验案例一',
  '健康知识普及行动工作组',
  '坚持“四个四”工作法 推进健康知识普及行动有效实施',
  '——河北省卫生健康委',
  '一、工作背景',
  '普及健康知识，提高全省居民健康素养，是提高居民健康水平最经济最有效的措施之一。河北省人口众多、经济欠发达，城乡居民关于预防疾病、早期发现、紧急救援、合理用药等健康知识与技能的掌握一度较为匮乏。',
  '二、主要做法',
  '（一）抓实四项重点。一是建立完善健康科普知识发布和传播机制，鼓励全社会、各部门积极开展健康科普传播，强化优质科普知识供给，广泛开展社会动员，满足群众多样化的健康需求。',
  '（二）打造四个品牌。依托河北省“心连心”艺术团，将健康教育知识编排成音乐快板、专题小品等百姓喜闻乐见的节目，深入全省40多个县巡演。',
  '三、推进成效',
  '全省居民健康素养水平从2019年19.18%提升到2021年26.82%。',
];

/** Hard-wrap a paragraph at `n` full-width characters, as a PDF or a newspaper column does (digits are half as wide). */
function wrap(text: string, n: number): string[] {
  const out: string[] = [];
  let line = '';
  let width = 0;
  for (const ch of text) {
    const w = /[\x20-\x7e]/.test(ch) ? 1 : 2;
    if (width + w > 2 * n) {
      out.push(line);
      line = '';
      width = 0;
    }
    line += ch;
    width += w;
  }
  if (line) out.push(line);
  return out;
}

describe('line joining reads the document, not a width', () => {
  it.each([16, 20, 24, 34, 40, 50, 80])('wrapped at %i characters, the same paragraphs come back', (n) => {
    const lines = CASE.flatMap((p, i) => wrap(i >= 4 && !/^[一二三]、/.test(p) ? `　　${p}` : p, n));
    expect(paragraphsOf(lines.join('\n'))).toEqual(CASE);
  });

  it.each([16, 34])('wrapped at %i with a blank line after every line, the same paragraphs come back', (n) => {
    const lines = CASE.flatMap((p, i) => wrap(i >= 4 && !/^[一二三]、/.test(p) ? `　　${p}` : p, n)).flatMap((l) => [l, '']);
    expect(paragraphsOf(lines.join('\n'))).toEqual(CASE);
  });

  it('one line a paragraph, with or without blank lines between', () => {
    expect(paragraphsOf(CASE.join('\n'))).toEqual(CASE);
    expect(paragraphsOf(CASE.join('\n\n'))).toEqual(CASE);
  });

  it.each([
    ['a case marker', ['第二批健康河北行动推进典型经验案例一', '健康知识普及行动工作组'], 2],
    ['an attribution', ['创新模式 全民共建 努力实现健康科普全覆盖', '——鹤壁市'], 2],
    ['a numbered list', ['1．鹤壁市：创新模式 全民共建 努力实现健康科普全覆盖', '2．信阳市罗山县：立足“四个创新”实施健康知识普及'], 2],
    ['a section heading', ['服务圈', '一、工作背景'], 2],
    ['a dateline', ['信息技术赋能监测评估', '本报讯（记者 段梦兰）监测评估工作在过去周期较长、工作量较大。'], 2],
    ['an attachment line', ['10．焦作市：实施“四轮驱动”大力推进医养融合发展', '附件2'], 2],
  ])('%s stands as a block of its own', (_what, lines, count) => {
    expect(paragraphsOf(lines.join('\n'))).toHaveLength(count);
  });

  it('a line that opens with closing punctuation continues the one before', () => {
    const lines = ['是提高居民健康水平最经济最有效的措施之一', '。河北省人口众多、经济欠发达，城乡居民关于预防疾病的知识较为匮乏。'];
    expect(paragraphsOf(lines.join('\n'))).toEqual([lines.join('')]);
  });

  it('a title full to the column, then body text: the title ends', () => {
    const body = '近年来，省委、省政府高度重视出生缺陷防治工作，把出生缺陷综合防控作为民生实事，全面推进三级预防措施落实落地，出生缺陷发生率持续下降。';
    const lines = ['抓实三级预防 深入推进出生缺陷综合防控', ...wrap(body, 20)];
    expect(paragraphsOf(lines.join('\n'))).toEqual(['抓实三级预防 深入推进出生缺陷综合防控', body]);
  });

  // Wrapped with no blank lines and no indent, where nothing but the lines themselves tells
  // paragraphs apart: each after a paragraph of body text wrapped at the same width.
  const FILLER = '普及健康知识，提高全省居民健康素养，是提高居民健康水平最经济最有效的措施之一。河北省人口众多、经济欠发达，城乡居民关于预防疾病、早期发现、紧急救援、合理用药等健康知识与技能的掌握一度较为匮乏，健康素养水平有待提高。';
  it.each<[string, number, string[], string[]]>([
    [
      "a case marker's number cut by the wrap",
      18,
      ['第二批健康河北行动推进典型经验案例十', '一', '廊坊市创新构建“横向到边、纵向到底”', '医疗机构融媒体宣传平台', '一、工作背景'],
      ['第二批健康河北行动推进典型经验案例十一', '廊坊市创新构建“横向到边、纵向到底”医疗机构融媒体宣传平台', '一、工作背景'],
    ],
    [
      'a title under a marker a little short of the column, over body text',
      24,
      ['第二批健康河北行动推进典型经验案例十', '唐山市实施“一二三”工作法统筹推进健康企业创建', '唐山市始终坚持党委政府领导、部门统筹协调、企业负', '责、专业机构指导、全员共建共享的指导方针，以打造', '健康企业为抓手。'],
      ['第二批健康河北行动推进典型经验案例十', '唐山市实施“一二三”工作法统筹推进健康企业创建', '唐山市始终坚持党委政府领导、部门统筹协调、企业负责、专业机构指导、全员共建共享的指导方针，以打造健康企业为抓手。'],
    ],
    [
      'a title over two lines after the end of a sentence, then its attribution',
      18,
      ['建立社会心理服务体系 推进社会健康和谐', '发展', '——新乡市', '一、工作背景'],
      ['建立社会心理服务体系 推进社会健康和谐发展', '——新乡市', '一、工作背景'],
    ],
    [
      'a wrapped line that opens with a dash is no attribution',
      28,
      ['廊坊市卫生健康委员会通过“国家卫生健康委百姓健康电视频', '—健康中国行动—医疗机构电视融媒体平台（廊坊中心）”平', '台，实现了全市医疗卫生机构一张网，互联互通并网运行。'],
      ['廊坊市卫生健康委员会通过“国家卫生健康委百姓健康电视频—健康中国行动—医疗机构电视融媒体平台（廊坊中心）”平台，实现了全市医疗卫生机构一张网，互联互通并网运行。'],
    ],
    [
      'a wrapped line that opens with a dash and ends a sentence is no attribution either',
      22,
      ['建立河南省临床营养质控中心工作体系，强化对住', '院患者的营养风险筛查管理，建立筛查—评估—诊断', '—治疗的营养诊疗体系。利用本院营养师专业特长，', '组织对周边社区居民开展健康咨询和营养评估。'],
      ['建立河南省临床营养质控中心工作体系，强化对住院患者的营养风险筛查管理，建立筛查—评估—诊断—治疗的营养诊疗体系。利用本院营养师专业特长，组织对周边社区居民开展健康咨询和营养评估。'],
    ],
    [
      'a numbered title whose short end the wrap put on the next line, over the first section',
      22,
      ['2．新乡市：建立社会心理服务体系 推进社会', '健康和谐发展', '一、工作背景'],
      ['2．新乡市：建立社会心理服务体系 推进社会健康和谐发展', '一、工作背景'],
    ],
    [
      "an indented first line that runs to the column is full: it goes on, however few characters it holds",
      16,
      ['省总工会创新举办职工“云”上运动', '会打造全民健身新时尚', '    为深入贯彻落实习近平总书', '记关于工人阶级和工会工作的重要论', '述、关于健康中国的重要论述。'],
      ['省总工会创新举办职工“云”上运动会打造全民健身新时尚', '为深入贯彻落实习近平总书记关于工人阶级和工会工作的重要论述、关于健康中国的重要论述。'],
    ],
  ])('%s', (_what, n, lines, expected) => {
    expect(paragraphsOf([...wrap(FILLER, n), ...lines].join('\n'))).toEqual([FILLER, ...expected]);
  });
});
