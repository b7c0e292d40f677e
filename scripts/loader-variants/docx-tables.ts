/**
 * Word with tables: the county table as a real table (one row per county), and a set of case
 * forms where each case fills a two-column table (案例名称 / 申报单位 / 案例类别 / 案例内容), the
 * way calls for cases collect them.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, AlignmentType } from 'docx';
import { renderDocx } from './docx-render.ts';
import { FlowBuilder } from './flow.ts';
import { headingText, docModel } from './model.ts';
import { compendiumFlow, countyWideFlow } from './native.ts';
import { mixCases } from './perturb.ts';
import { Prng } from './prng.ts';
import { stableDocx } from './stable-docx.ts';
import { readAllTruth } from './truth.ts';
import { writeVariant, type Family, type Written } from './write.ts';

const cell = (paragraphs: Paragraph[], width: number) => new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: paragraphs });
const para = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold: bold || undefined })] });

export const docxTables: Family = {
  kind: 'docx-tables',
  async generate() {
    const truth = readAllTruth();
    const out: Written[] = [];
    {
      const flow = countyWideFlow(docModel(truth.counties2022));
      out.push(writeVariant(flow.expected('docx-tables', 'counties2022', 'counties2022.docx', 'the county table as a Word table: 序号, 省, 市, 县, 典型经验, one row per county'), await renderDocx(flow.items, { styles: 'headings', toc: 'none' }, '2022年度健康县区建设典型经验')));
    }
    {
      const rng = new Prng('case-forms');
      const cases = mixCases(truth, rng, 5);
      const f = new FlowBuilder();
      f.newDocument('健康中国行动典型案例申报表');
      const children: Array<Paragraph | Table> = [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '健康中国行动典型案例申报表', bold: true, size: 36 })] })];
      for (const c of cases) {
        f.beginCase(c, { region: c.unit ? undefined : c.region, ...(c.part ? { part: c.part } : {}) });
        // The flow records the body the expectation is made from; the table below prints the same text.
        const body: Paragraph[] = [];
        for (const b of c.blocks) {
          if (b.type === 'heading') {
            f.add({ role: 'heading', text: headingText(b), depth: b.depth });
            body.push(para(headingText(b), true));
          } else if (b.type === 'para') {
            f.add({ role: 'para', text: b.text });
            body.push(para(b.text));
          } else
            for (const r of b.rows) {
              f.add({ role: 'table-row', text: r.join('\t'), cells: r });
              body.push(para(r.join('  ')));
            }
        }
        const row = (label: string, value: Paragraph[]) => new TableRow({ children: [cell([para(label, true)], 18), cell(value, 82)] });
        children.push(
          new Paragraph({ children: [] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [row('案例名称', [para(c.title)]), row('申报单位', [para(c.unit ?? c.region ?? '')]), ...(c.part ? [row('案例类别', [para(c.part)])] : []), row('案例内容', body)],
          }),
        );
      }
      const doc = new Document({ creator: 'casebench fixtures', sections: [{ children }] });
      out.push(writeVariant(f.expected('docx-tables', 'case-forms', 'case-forms.docx', `${cases.length} cases, each a two-column form table (案例名称, 申报单位, 案例类别, 案例内容)`), stableDocx(new Uint8Array(await Packer.toBuffer(doc)))));
    }
    {
      // Hebei case 4 carries its indicator table; the compendium around it has none.
      const rng = new Prng('compendium-with-tables');
      const doc = docModel(truth.hebei2022, [4]);
      const others = docModel(truth.hc2024, rng.sample(truth.hc2024.cases.map((c) => c.ordinal), 4));
      const flow = compendiumFlow({ ...others, cases: [...others.cases.slice(0, 2), ...doc.cases.map((c) => ({ ...c, part: others.cases[1]!.part })), ...others.cases.slice(2)] }, { toc: true });
      out.push(writeVariant(flow.expected('docx-tables', 'compendium-with-tables', 'compendium-with-tables.docx', 'a compendium of 5 cases in Word, one with its indicator table as a Word table, a TOC field'), await renderDocx(flow.items, { styles: 'headings', toc: 'field' }, '2024年度健康中国行动典型案例汇编')));
    }
    return out;
  },
};
