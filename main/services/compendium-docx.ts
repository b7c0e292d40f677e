import { AlignmentType, Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun, WidthType } from 'docx';
import type { CompendiumDraft } from '../../shared/compendium/draft.ts';
import { caseBlocks, INDICATOR_COLUMNS, indicatorRows, type CompendiumCase } from '../../shared/compendium/markdown.ts';
import { chineseNumeral } from '../../shared/compendium/toc.ts';

const LEVELS = [HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

/**
 * The draft compendium as a Word document: a title, a table of contents (filled from the
 * headings, and updated by Word on opening), a heading for each part (一、…篇; a part with no
 * case is skipped) and case (1．地区：标题), each case's sections as headings, and indicator
 * tables when asked for.
 * Chinese text in 宋体, headings in 黑体, as official compendia are set.
 */
export async function renderDocx(draft: CompendiumDraft, cases: ReadonlyMap<string, CompendiumCase>): Promise<Uint8Array> {
  const children: Array<Paragraph | Table | TableOfContents> = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(draft.title)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '目  录', bold: true })] }),
    new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-2' }),
  ];
  // A part with no case to print is left out, and the parts after it are numbered on.
  const parts = draft.parts.map((part) => ({ ...part, caseIds: part.caseIds.filter((id) => cases.has(id)) })).filter((part) => part.caseIds.length > 0);
  parts.forEach((part, p) => {
    children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${chineseNumeral(p + 1)}、${part.title}`)] }));
    part.caseIds.forEach((id, i) => {
      const c = cases.get(id);
      if (!c) return;
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${i + 1}．${c.region ? `${c.region}：` : ''}${c.title}`)] }));
      for (const b of caseBlocks(c)) {
        if (b.kind === 'heading') children.push(new Paragraph({ heading: LEVELS[Math.min(LEVELS.length - 1, b.level - 1)]!, children: [new TextRun(b.text)] }));
        else children.push(new Paragraph({ indent: { firstLine: 480 }, spacing: { line: 400 }, children: [new TextRun(b.text)] }));
      }
      if (draft.indicatorTables && c.indicators.length) {
        children.push(new Paragraph({ children: [new TextRun({ text: '主要指标', bold: true })] }));
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: INDICATOR_COLUMNS.map(([, zh]) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: zh, bold: true })] })] })) }),
              ...indicatorRows(c.indicators).map((row) => new TableRow({ children: row.map((v) => new TableCell({ children: [new Paragraph(v)] })) })),
            ],
          }),
        );
      }
    });
  });
  const doc = new Document({
    creator: 'casebench',
    title: draft.title,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: { ascii: 'Times New Roman', eastAsia: '宋体', hAnsi: 'Times New Roman' }, size: 24 } },
        heading1: { run: { font: { eastAsia: '黑体' }, size: 36, bold: true } },
        heading2: { run: { font: { eastAsia: '黑体' }, size: 30, bold: true } },
        heading3: { run: { font: { eastAsia: '黑体' }, size: 26, bold: true } },
      },
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
