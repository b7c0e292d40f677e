/**
 * The newspaper seed as a printed page: an A3 page with the masthead and a page headline across
 * the top, then the reports in five columns, each column group under its banner (健康中国行动
 * 践行者这样推进, 智慧圆桌分享) in four columns, with bylines and a photo caption. Word sections with
 * columns, which LibreOffice prints as newspaper columns.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { FlowItem } from './flow.ts';
import { newspaperSection } from './docx-render.ts';
import { NEWSPAPER } from './front-matter.ts';
import { stableDocx } from './stable-docx.ts';

const f = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const run = (text: string, size: number, face: string, bold = false) => new TextRun({ text, size: Math.round(size * 2), font: f(face), bold: bold || undefined });

/** Columns for each column group: the lead reports in five, the banners' groups in four. */
const COLUMNS = [5, 4, 4];

export async function renderNewspaper(items: readonly FlowItem[], caption: string): Promise<Uint8Array> {
  const groups: FlowItem[][] = [[]];
  const banners: string[] = [];
  for (const item of items) {
    if (item.role === 'part') {
      banners.push(item.text);
      groups.push([]);
    } else groups.at(-1)!.push(item);
  }
  const sections: ISectionOptions[] = [
    newspaperSection(
      [
        new Paragraph({ alignment: AlignmentType.LEFT, children: [run(NEWSPAPER.masthead, 40, '方正小标宋简体', true), run(`    ${NEWSPAPER.date}    ${NEWSPAPER.page}`, 10.5, '宋体')] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, children: [run('健康中国行动实施三年 各地交出亮眼答卷', 28, '方正小标宋简体', true)] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run('——第9届互联网+健康中国大会分论坛综述', 14, '楷体_GB2312')] }),
      ],
      1,
      true,
    ),
  ];
  groups.forEach((group, g) => {
    if (g > 0) sections.push(newspaperSection([new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 200, after: 120 }, children: [run(banners[g - 1]!, 18, '黑体', true)] })], 1));
    const children: Paragraph[] = group.map((item) => {
      if (item.role === 'case-title') return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 160, after: 80 }, children: [run(item.text, 14, '黑体', true)] });
      if (item.role === 'attribution' || item.role === 'byline') return new Paragraph({ children: [run(item.text, 9.5, '楷体_GB2312', item.role === 'attribution')] });
      return new Paragraph({ indent: { firstLine: 380 }, alignment: AlignmentType.JUSTIFIED, children: [run(item.text, 9.5, '宋体')] });
    });
    if (g === groups.length - 1) children.push(new Paragraph({ spacing: { before: 120 }, children: [run(caption, 8, '楷体_GB2312')] }));
    sections.push(newspaperSection(children, COLUMNS[g] ?? 4));
  });
  return stableDocx(new Uint8Array(await Packer.toBuffer(new Document({ creator: 'casebench fixtures', sections }))));
}
