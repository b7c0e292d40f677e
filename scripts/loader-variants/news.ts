/**
 * Short news-like texts: a round-up of three local reports (headline, then 本报讯（记者 …）
 * opening the first paragraph), a round-up made from the openings of provincial cases, and a
 * single report with a subheadline. No sections: the reports are cases of their own.
 */
import { FlowBuilder } from './flow.ts';
import { NEWSPAPER } from './front-matter.ts';
import { docModel, type CaseModel } from './model.ts';
import { plainText } from './plain.ts';
import { Prng } from './prng.ts';
import { readAllTruth } from './truth.ts';
import { writeVariant, type Family, type Written } from './write.ts';

const REPORTERS = ['王潇雨', '段梦兰', '陈飞', '周颖', '刘志勇', '张昊华'];
const CORRESPONDENTS = ['李明', '赵倩', '孙健', '黄涛'];

/** A report's paragraphs: the first opened by the dateline. */
function report(f: FlowBuilder, c: CaseModel, rng: Prng, paragraphs: string[]): void {
  f.beginCase({ ...c, blocks: paragraphs.map((text) => ({ type: 'para', text })) }, {});
  f.add({ role: 'case-title', text: c.title });
  const by = `本报讯（记者 ${rng.pick(REPORTERS)}${rng.chance(0.6) ? ` 通讯员 ${rng.pick(CORRESPONDENTS)}` : ''}）`;
  paragraphs.forEach((p, i) => f.add({ role: 'para', text: i === 0 ? `${by}${p}` : p }));
}

const bodyParas = (c: CaseModel) => c.blocks.flatMap((b) => (b.type === 'para' && !b.runIn ? [b.text] : []));

export const news: Family = {
  kind: 'news',
  generate() {
    const truth = readAllTruth();
    const out: Written[] = [];
    {
      const rng = new Prng('roundup-three');
      const f = new FlowBuilder();
      f.newDocument('各地动态');
      f.add({ role: 'doc-meta', text: `${NEWSPAPER.masthead}  ${NEWSPAPER.date}  第2版` });
      f.add({ role: 'doc-title', text: '各地动态' });
      for (const c of docModel(truth.news2022, rng.sample([1, 2, 3, 4, 9], 3)).cases) report(f, c, rng, bodyParas(c));
      out.push(writeVariant(f.expected('news', 'roundup-three', 'roundup-three.txt', 'a 各地动态 round-up of three reports from the newspaper seed, each opened by 本报讯（记者 …）'), plainText(f.items, { blank: true })));
    }
    {
      const rng = new Prng('roundup-local');
      const f = new FlowBuilder();
      f.newDocument(null);
      f.add({ role: 'doc-meta', text: '基层传真' });
      for (const c of docModel(truth.hebei2022, rng.sample([8, 9, 10, 12, 13, 14, 15, 17], 3)).cases) report(f, c, rng, bodyParas(c).slice(0, 3));
      out.push(writeVariant(f.expected('news', 'roundup-local', 'roundup-local.txt', 'three short local reports made from the opening paragraphs of Hebei cases'), plainText(f.items, { blank: rng.chance(0.5) })));
    }
    {
      const rng = new Prng('single-report');
      const f = new FlowBuilder();
      const c = docModel(truth.news2022, [9]).cases[0]!;
      f.newDocument(c.title);
      f.add({ role: 'doc-meta', text: NEWSPAPER.masthead });
      report(f, c, rng, bodyParas(c));
      f.items.splice(2, 0, { role: 'attribution', text: '——第9届互联网+健康中国大会分论坛侧记' });
      f.add({ role: 'attribution', text: '（责任编辑：刘佳）' });
      out.push(writeVariant(f.expected('news', 'single-report', 'single-report.txt', 'one report: headline, subheadline, dateline, body, editor line'), plainText(f.items, { blank: true })));
    }
    return out;
  },
};
