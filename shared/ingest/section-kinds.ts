import { SECTION_KINDS, type SectionKind } from '../model/sections.ts';

/**
 * Heading wording → section kinds. The wording varies between documents (主要背景, 基本情况,
 * 创新亮点, 成效和经验, 经验与体会 …) and results and lessons are often merged in one section, so a
 * heading may match several kinds; kinds come out in the canonical order.
 */
const RULES: ReadonlyArray<{ kind: SectionKind; re: RegExp }> = [
  { kind: 'background', re: /背景|基本情况|总体情况|基本现状|现状|工作基础|概况|概述|简介|缘起|目的|由来/ },
  { kind: 'practices', re: /做法|举措|措施|主要内容|^内容$|工作内容|组织实施|实施过程|实施路径|创新亮点|亮点|路径|模式|工作开展|开展情况|具体工作|实践/ },
  { kind: 'results', re: /成效|成果|效果|成绩|取得|进展|成就|效益|主要成效|实施效果/ },
  { kind: 'lessons', re: /经验|启示|体会|思考|启发|建议|做法与经验/ },
  // What is still wrong and what comes next are their own kinds: neither is a lesson learnt nor background.
  { kind: 'problems', re: /存在(?:的)?问题|主要问题|问题与挑战|问题和挑战|面临(?:的)?(?:问题|挑战|困难)|困难(?:和|与)问题|不足之处|存在不足|短板/ },
  { kind: 'plans', re: /下一步|工作计划|未来展望|展望|打算|工作思路|努力方向|今后(?:工作)?|计划安排|工作设想/ },
];

const ORDER: readonly SectionKind[] = SECTION_KINDS.filter((k) => k !== 'other');

/**
 * A heading with its English beside it ("工作背景 Background", "主要做法（Practices）"): the
 * Chinese words name the section; the gloss only translates them.
 */
const ENGLISH_GLOSS = /(?<=\p{Script=Han})\s*(?:[（(]\s*[A-Za-z][A-Za-z\s&,.'’/-]*[)）]|\s[A-Za-z][A-Za-z\s&,.'’/-]*)$/u;
const withoutGloss = (text: string) => (/[A-Za-z]$|[)）]$/.test(text) ? text.replace(ENGLISH_GLOSS, '') : text);

export function classifyHeading(heading: string): SectionKind[] {
  const text = withoutGloss(heading.trim()).replace(/\s+/g, '');
  const kinds = new Set<SectionKind>();
  for (const { kind, re } of RULES) if (re.test(text)) kinds.add(kind);
  // "经验做法" is about practices, not lessons: a lesson heading says 经验 without 做法 in front of it.
  if (kinds.has('lessons') && /经验做法/.test(text) && !/启示|体会/.test(text)) kinds.delete('lessons');
  return kinds.size ? ORDER.filter((k) => kinds.has(k)) : ['other'];
}

/** Short unnumbered headings that are known section names ("工作背景", "经验启示", "存在的主要问题", "下一步工作计划"). */
export function isKnownSectionName(text: string): boolean {
  const t = withoutGloss(text.trim()).replace(/[\s:：]/g, '');
  return t.length <= 12 && /^(?:工作|主要|基本|总体|推进|取得的?|实施|创新|经验|项目|做法|背景|成效|主要成效|工作成效|存在的?|面临的?|下一步|今后|未来|下步|几点|典型|特色|具体|重点){0,2}(背景|情况|概况|概述|简介|做法|成效|成果|效果|经验|启示|体会|亮点|举措|措施|内容|目标|问题|挑战|计划|打算|展望|思考|建议|思路)(和|与|及|、)?(背景|情况|做法|成效|成果|经验|启示|体会|目的|挑战|不足|建议|计划|影响|意义|亮点|特色|思路)?$/.test(t);
}
