/**
 * Other layouts: the same real cases, mixed across seeds, laid out as compendia, WeChat copies
 * and Markdown converters do: 案例N markers, 典型案例01｜标题 with 01 sections, 【】 sections,
 * sections one level down, 1．标题 + ——单位, 来源： lines and promotion, ## headings, forms,
 * chapters, unnumbered headings, and 存在问题 / 下一步打算 sections. One variant per layout,
 * with seeded perturbations (section words, numbering punctuation, blank lines, indents).
 */
import { FlowBuilder } from './flow.ts';
import { headingText, type CaseModel } from './model.ts';
import { byPart } from './native.ts';
import { cn, pad2 } from './numerals.ts';
import { dropSection, mixCases, renumber, SCHEMES, varySectionWords } from './perturb.ts';
import { plainText } from './plain.ts';
import { Prng } from './prng.ts';
import { PLANS, PROBLEMS } from './stock-sections.ts';
import { readAllTruth } from './truth.ts';
import { writeVariant, type Family, type Written } from './write.ts';

interface Layout {
  name: string;
  about: string;
  cases: number;
  build(cases: CaseModel[], rng: Prng): FlowBuilder;
  /** Markdown keeps its markers; every other layout is plain text. */
  ext?: 'txt' | 'md';
}

/** Region as the "——单位" line names it: the loader finds a region only where no unit stands instead. */
const attributed = (c: CaseModel) => c.unit ?? c.region ?? '';
const regionIfNamed = (c: CaseModel) => (c.unit ? undefined : c.region);

export const LAYOUTS: Layout[] = [
  {
    name: 'anli-marker',
    about: '案例1 … 案例N marker lines, the title, a 报送单位： line',
    cases: 6,
    build(cases, rng) {
      const f = new FlowBuilder();
      f.setDocumentTitle('健康促进典型案例选编');
      f.add({ role: 'doc-title', text: '健康促进典型案例选编' });
      f.add({ role: 'front', text: '为总结交流各地推进健康促进工作的经验做法，现将部分地区报送的典型案例整理如下，供学习参考。' });
      cases.forEach((c, i) => {
        f.beginCase(c, { region: regionIfNamed(c) });
        f.add({ role: 'case-marker', text: rng.chance(0.5) ? `案例${i + 1}` : `案例 ${i + 1}` });
        f.add({ role: 'case-title', text: c.title });
        f.add({ role: 'attribution', text: `报送单位：${attributed(c)}` });
        f.addBlocks(c);
      });
      return f;
    },
  },
  {
    name: 'dianxing-pipe',
    about: '典型案例01｜标题 lines, sections numbered 01 02 03',
    cases: 5,
    build(cases) {
      const f = new FlowBuilder();
      f.setDocumentTitle('健康中国行动典型案例');
      f.add({ role: 'doc-title', text: '健康中国行动典型案例' });
      cases.forEach((c, i) => {
        f.beginCase(c, {});
        f.add({ role: 'case-title', text: `典型案例${pad2(i + 1)}｜${c.title}` });
        f.addBlocks(renumber(c, { 1: SCHEMES.twoDigit }));
      });
      return f;
    },
  },
  {
    name: 'bracket-sections',
    about: 'title, ——region, sections as 【工作背景】, subsections 1．',
    cases: 5,
    build(cases, rng) {
      const f = new FlowBuilder();
      f.setDocumentTitle('基层健康治理优秀案例');
      f.add({ role: 'doc-title', text: '基层健康治理优秀案例' });
      for (const c of cases) {
        f.beginCase(c, { region: regionIfNamed(c) });
        f.add({ role: 'case-title', text: c.title });
        f.add({ role: 'attribution', text: `——${attributed(c)}` });
        f.addBlocks(renumber(c, { 1: SCHEMES.bracket, 2: rng.pick([SCHEMES.arabicFull, SCHEMES.arabicDot]) }));
      }
      return f;
    },
  },
  {
    name: 'nested-one-down',
    about: 'cases as 一、标题, their sections one level down as （一）工作背景, then 1． and （1）',
    cases: 6,
    build(cases) {
      const f = new FlowBuilder();
      f.setDocumentTitle('健康城市建设典型经验');
      f.add({ role: 'doc-title', text: '健康城市建设典型经验' });
      f.add({ role: 'front', text: '现将各地健康城市建设中形成的典型经验摘编如下，请各地结合实际学习借鉴，进一步推动健康城市建设提质增效。' });
      cases.forEach((c, i) => {
        f.beginCase(c, {});
        f.add({ role: 'case-title', text: `${cn(i + 1)}、${c.title}` });
        f.addBlocks(renumber(c, { 1: SCHEMES.cnParen, 2: SCHEMES.arabicFull, 3: SCHEMES.arabicParen }));
      });
      return f;
    },
  },
  {
    name: 'dot-title-dash-unit',
    about: '1．标题 lines followed by ——单位, no other marker',
    cases: 6,
    build(cases, rng) {
      const f = new FlowBuilder();
      f.setDocumentTitle(null);
      cases.forEach((c, i) => {
        f.beginCase(c, { region: regionIfNamed(c) });
        f.add({ role: 'case-title', text: `${i + 1}${rng.pick(['．', '.', '、'])}${c.title}` });
        f.add({ role: 'attribution', text: `——${attributed(c)}` });
        f.addBlocks(c);
      });
      return f;
    },
  },
  {
    name: 'wechat-copy',
    about: 'a WeChat article copied with its header, 来源： lines under each title, promotion and a 往期推荐 list',
    cases: 4,
    build(cases) {
      const f = new FlowBuilder();
      f.setDocumentTitle('健康中国行动典型案例展播（第三期）');
      f.add({ role: 'doc-title', text: '健康中国行动典型案例展播（第三期）' });
      f.add({ role: 'promo', text: '健康中国 2024-06-18 08:30 发表于北京' });
      f.add({ role: 'promo', text: '点击上方蓝字 关注我们' });
      f.add({ role: 'front', text: '为进一步推广各地实施健康中国行动的好经验好做法，本期继续推出典型案例，一起来看看吧！' });
      cases.forEach((c, i) => {
        f.endCase();
        f.add({ role: 'promo', text: pad2(i + 1) });
        f.beginCase(c, {});
        f.add({ role: 'case-title', text: c.title });
        f.add({ role: 'attribution', text: `来源：${attributed(c)}${c.unit ? '' : '卫生健康委'}` });
        f.addBlocks(c);
      });
      f.endCase();
      for (const line of ['- END -', '往期推荐', '▶ 健康中国行动这五年：数说变化', '▶ 一图读懂《健康中国行动（2019—2030年）》', '来源：健康中国微信公众号', '编辑：李明  审核：王芳', '转载请注明出处', '点个「在看」，分享给更多人']) f.add({ role: 'promo', text: line });
      return f;
    },
  },
  {
    name: 'markdown-headings',
    about: 'Markdown: # document, ## parts, ### cases (地区：标题), #### sections, **bold** run-in leads',
    cases: 6,
    ext: 'md',
    build(cases) {
      const f = new FlowBuilder();
      f.setDocumentTitle('健康中国行动典型案例');
      f.add({ role: 'doc-title', text: '# 健康中国行动典型案例' });
      for (const p of byPart(cases)) {
        if (p.part) f.add({ role: 'part', text: `## ${p.part}` });
        p.cases.forEach((c, i) => {
          f.beginCase(c, { region: c.region ?? undefined, part: c.part ?? undefined });
          f.add({ role: 'case-title', text: `### ${i + 1}. ${c.region ? `${c.region}：` : ''}${c.title}` });
          for (const b of c.blocks) {
            if (b.type === 'heading') f.add({ role: 'heading', text: `${'#'.repeat(Math.min(6, 3 + b.depth))} ${headingText(b)}`, depth: b.depth });
            else if (b.type === 'para') f.add({ role: 'para', text: b.runIn ? `**${b.runIn.lead}**${b.text.slice(b.runIn.lead.length)}` : b.text });
            else {
              b.rows.forEach((row, r) => {
                f.add({ role: 'table-row', text: `| ${row.join(' | ')} |` });
                if (r === 0) f.add({ role: 'table-row', text: `|${row.map(() => ' --- ').join('|')}|` });
              });
            }
          }
        });
      }
      return f;
    },
  },
  {
    name: 'problems-plans',
    about: 'cases with 存在问题 and 下一步打算 sections added; half of them lose their lessons section',
    cases: 6,
    build(cases, rng) {
      const f = new FlowBuilder();
      f.setDocumentTitle('健康县区建设工作交流材料');
      f.add({ role: 'doc-title', text: '健康县区建设工作交流材料' });
      cases.forEach((c0, i) => {
        let c = i % 2 === 1 ? dropSection(c0, 'lessons') : c0;
        c = {
          ...c,
          blocks: [
            ...c.blocks,
            { type: 'heading', depth: 1, numbering: '', label: rng.pick(['存在问题', '问题与挑战', '存在的主要问题']), kinds: ['problems'] },
            { type: 'para', text: rng.pick(PROBLEMS) },
            { type: 'heading', depth: 1, numbering: '', label: rng.pick(['下一步打算', '下一步工作计划', '未来展望']), kinds: ['plans'] },
            { type: 'para', text: rng.pick(PLANS) },
          ],
        };
        c = renumber(c, { 1: SCHEMES.cnComma });
        f.beginCase(c, { region: regionIfNamed(c) });
        f.add({ role: 'case-title', text: `${i + 1}．${attributed(c)}：${c.title}` });
        f.addBlocks(c);
      });
      return f;
    },
  },
  {
    name: 'chapters',
    about: '第一章 parts and 第一节 地区：标题 cases, as a printed book',
    cases: 7,
    build(cases) {
      const f = new FlowBuilder();
      f.setDocumentTitle('健康中国行动实践案例集');
      f.add({ role: 'doc-title', text: '健康中国行动实践案例集' });
      byPart(cases).forEach((p, i) => {
        if (p.part) f.add({ role: 'part', text: `第${cn(i + 1)}章 ${p.part}` });
        p.cases.forEach((c, j) => {
          f.beginCase(c, { region: c.region ?? undefined, part: p.part ? p.part : undefined });
          f.add({ role: 'case-title', text: `第${cn(j + 1)}节 ${c.region ? `${c.region}：` : ''}${c.title}` });
          f.addBlocks(c);
        });
      });
      return f;
    },
  },
  {
    name: 'application-form',
    about: 'each case as a filled-in application form: 案例名称：, 申报单位：, 案例类别：, 案例正文：',
    cases: 5,
    build(cases) {
      const f = new FlowBuilder();
      f.setDocumentTitle('健康中国行动典型案例申报材料');
      f.add({ role: 'doc-title', text: '健康中国行动典型案例申报材料' });
      for (const c of cases) {
        f.beginCase(c, { region: regionIfNamed(c), ...(c.part ? { part: c.part } : {}) });
        f.add({ role: 'case-title', text: `案例名称：${c.title}` });
        f.add({ role: 'attribution', text: `申报单位：${attributed(c)}` });
        if (c.part) f.add({ role: 'attribution', text: `案例类别：${c.part}` });
        f.add({ role: 'attribution', text: '案例正文：' });
        f.addBlocks(c);
      }
      return f;
    },
  },
  {
    name: 'unnumbered',
    about: 'titles marked ★, the region in brackets, headings without any numbering',
    cases: 5,
    build(cases) {
      const f = new FlowBuilder();
      f.setDocumentTitle(null);
      for (const c of cases) {
        f.beginCase(c, { region: regionIfNamed(c) });
        f.add({ role: 'case-title', text: `★ ${c.title}` });
        f.add({ role: 'attribution', text: `（${attributed(c)}）` });
        f.addBlocks(renumber(c, { 1: SCHEMES.none, 2: SCHEMES.none, 3: SCHEMES.arabicParen }));
      }
      return f;
    },
  },
];

export const layouts: Family = {
  kind: 'layouts',
  generate() {
    const truth = readAllTruth();
    const out: Written[] = [];
    for (const layout of LAYOUTS) {
      const rng = new Prng(layout.name);
      const cases = mixCases(truth, rng, layout.cases).map((c) => varySectionWords(c, rng));
      const flow = layout.build(cases, rng);
      const ext = layout.ext ?? 'txt';
      const text = plainText(flow.items, { blank: ext === 'md' || rng.chance(0.6), indent: ext === 'md' ? '' : rng.pick(['', '　　', '  ']) });
      out.push(writeVariant(flow.expected('layouts', layout.name, `${layout.name}.${ext}`, `${layout.about}; ${cases.length} cases from ${[...new Set(cases.map((c) => c.seed))].join(', ')}`), text));
    }
    return out;
  },
};
