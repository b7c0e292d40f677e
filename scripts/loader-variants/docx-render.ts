/**
 * A flow as a Word document (the `docx` library): heading styles or direct formatting, a table of
 * contents (a real TOC field over the part and case headings, or typed entries with dot
 * leaders), tables for rows, and — for the PDF fixtures — the typography of an official
 * document: A4, GB/T 9704 margins, title in 方正小标宋简体, level-1 headings in 黑体, level-2 in
 * 楷体_GB2312, body in 仿宋_GB2312, "— 1 —" page numbers in the footer.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LeaderType,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import type { FlowItem } from './flow.ts';
import { stableDocx } from './stable-docx.ts';

/** The font names an official document asks for; fontconfig aliases (fonts.ts) give each a real face. */
export const OFFICIAL_FONTS = { title: '方正小标宋简体', heading1: '黑体', heading2: '楷体_GB2312', body: '仿宋_GB2312', pageNumber: '宋体' } as const;

export interface Typography {
  /** Sizes in points. */
  title: number;
  caseTitle: number;
  part: number;
  heading1: number;
  heading2: number;
  body: number;
  /** Exact line height in points (GB/T 9704: 22 lines in the type area, about 28.9 pt). */
  line: number;
}

/** Each role its own size, so size, family and weight all tell headings apart. */
export const OFFICIAL: Typography = { title: 22, caseTitle: 18, part: 20, heading1: 17, heading2: 16.5, body: 16, line: 29 };
/** As GB/T 9704 sets it: headings and body all 三号 (16 pt); only the family tells them apart. */
export const OFFICIAL_STRICT: Typography = { title: 22, caseTitle: 22, part: 22, heading1: 16, heading2: 16, body: 16, line: 29 };

export interface DocxOptions {
  /** Heading styles (Heading 1…6) or direct formatting only (bold, size, font on the runs). */
  styles: 'headings' | 'direct';
  /** A TOC field LibreOffice or Word fills in, typed entries with leaders and page numbers, or none. */
  toc: 'field' | 'typed' | 'none';
  /** Official typography (fonts, sizes, A4 and GB/T 9704 margins, page numbers); plain Word defaults otherwise. */
  typography?: Typography;
  /** A page break before each part and each case, as printed compendia start them. */
  breaks?: boolean;
}

const MM = 56.7; // twips per millimetre
const pt = (p: number) => Math.round(p * 2); // docx sizes are half-points

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

/** The heading level a role prints at (parts 1, cases 2, sections 3 and down). */
function levelOf(item: FlowItem): number | null {
  if (item.role === 'part') return 1;
  if (item.role === 'case-title') return 2;
  if (item.role === 'heading') return Math.min(6, 2 + (item.depth ?? 1));
  return null;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

export function docxChildren(items: readonly FlowItem[], options: DocxOptions): Array<Paragraph | Table | TableOfContents> {
  const t = options.typography;
  const out: Array<Paragraph | Table | TableOfContents> = [];
  let rows: string[][] = [];
  let tocDone = false;
  const flushTable = () => {
    if (rows.length) out.push(table(rows, t));
    rows = [];
  };
  const bodyRun = (text: string, extra: IRunOptions = {}) => new TextRun({ text, ...(t ? { font: font(OFFICIAL_FONTS.body), size: pt(t.body) } : {}), ...extra });
  const bodySpacing = t ? { spacing: { line: Math.round(t.line * 20), lineRule: LineRuleType.EXACT } } : {};
  let first = true;
  for (const item of items) {
    if (item.cells && item.role === 'table-row') {
      rows.push(item.cells);
      continue;
    }
    flushTable();
    if (item.role === 'toc-entry') {
      if (options.toc === 'none') continue;
      if (options.toc === 'field') {
        if (!tocDone) out.push(new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-2', tabLeader: LeaderType.DOT }));
        tocDone = true;
        continue;
      }
      out.push(
        new Paragraph({
          indent: { left: (item.depth ?? 1) > 1 ? 420 : 0 },
          tabStops: [{ type: TabStopType.RIGHT, position: 9000, leader: LeaderType.DOT }],
          children: [bodyRun(item.page === undefined ? item.text : `${item.text}\t${item.page}`)],
        }),
      );
      continue;
    }
    const level = levelOf(item);
    const breakBefore = options.breaks && !first && (item.role === 'part' || (item.role === 'case-title' && out.at(-1) !== undefined));
    first = false;
    if (level !== null) {
      const size = t ? pt(level === 1 ? t.part : level === 2 ? t.caseTitle : level === 3 ? t.heading1 : t.heading2) : undefined;
      const face = t ? font(level <= 2 ? OFFICIAL_FONTS.title : level === 3 ? OFFICIAL_FONTS.heading1 : OFFICIAL_FONTS.heading2) : undefined;
      const centred = level <= 2;
      // Black, whatever colour docx's default heading styles give (official documents print in black).
      const run = new TextRun({ text: item.text, color: '000000', ...(face ? { font: face } : {}), ...(size ? { size } : {}), ...(options.styles === 'direct' || level <= 2 ? { bold: level <= 3 } : {}) });
      out.push(
        new Paragraph({
          // The outline level too: LibreOffice builds its TOC from outline levels, and docx's
          // "Heading 1" styles carry none it recognises.
          ...(options.styles === 'headings' ? { heading: HEADINGS[level - 1], outlineLevel: level - 1 } : {}),
          ...(centred ? { alignment: AlignmentType.CENTER } : { indent: { firstLine: t ? pt(t.body) * 20 : 480 } }),
          spacing: { before: level <= 2 ? 240 : 120, after: level <= 2 ? 240 : 60 },
          pageBreakBefore: breakBefore || undefined,
          children: [run],
        }),
      );
      continue;
    }
    switch (item.role) {
      case 'doc-title':
        out.push(new Paragraph({ ...(options.styles === 'headings' ? { heading: HeadingLevel.TITLE } : {}), alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [new TextRun({ text: item.text, bold: true, ...(t ? { font: font(OFFICIAL_FONTS.title), size: pt(t.title) } : { size: 40 }) })] }));
        break;
      case 'doc-meta':
      case 'case-marker':
      case 'boundary':
      case 'front-title':
        out.push(new Paragraph({ alignment: item.role === 'boundary' ? AlignmentType.LEFT : AlignmentType.CENTER, ...bodySpacing, pageBreakBefore: (options.breaks && item.role === 'boundary') || undefined, children: [new TextRun({ text: item.text, ...(t ? { font: font(item.role === 'front-title' || item.role === 'boundary' ? OFFICIAL_FONTS.heading1 : OFFICIAL_FONTS.body), size: pt(t.body) } : {}), bold: item.role === 'front-title' || undefined })] }));
        break;
      case 'attribution':
        out.push(new Paragraph({ alignment: AlignmentType.CENTER, ...bodySpacing, children: [new TextRun({ text: item.text, ...(t ? { font: font(OFFICIAL_FONTS.heading2), size: pt(t.body) } : {}) })] }));
        break;
      case 'byline':
        out.push(new Paragraph({ ...bodySpacing, children: [new TextRun({ text: item.text, ...(t ? { font: font(OFFICIAL_FONTS.heading2), size: pt(t.body) } : {}) })] }));
        break;
      default: {
        const lead = item.lead && item.text.startsWith(item.lead) ? item.lead : '';
        const children = lead
          ? [new TextRun({ text: lead, bold: true, ...(t ? { font: font(OFFICIAL_FONTS.heading2), size: pt(t.body) } : {}) }), bodyRun(item.text.slice(lead.length))]
          : [bodyRun(item.text)];
        out.push(new Paragraph({ indent: { firstLine: t ? pt(t.body) * 20 : 480 }, alignment: AlignmentType.JUSTIFIED, ...bodySpacing, children }));
      }
    }
  }
  flushTable();
  return out;
}

function table(rows: string[][], t: Typography | undefined): Table {
  const width = Math.max(...rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          children: [...r, ...Array.from({ length: width - r.length }, () => '')].map(
            (cell) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: cell, bold: i === 0 || undefined, ...(t ? { font: font(i === 0 ? OFFICIAL_FONTS.heading1 : OFFICIAL_FONTS.body), size: pt(Math.min(t.body, 12)) } : {}) })] })] }),
          ),
        }),
    ),
  });
}

/** The page of an official document: A4, GB/T 9704 margins, "— 1 —" centred in the footer. */
export function officialPage(typography: Typography | undefined): Partial<ISectionOptions> {
  if (!typography) return {};
  return {
    properties: {
      page: {
        size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
        margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), footer: Math.round(20 * MM) },
      },
    },
    footers: {
      default: new Footer({
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(OFFICIAL_FONTS.pageNumber), size: 28 })] })],
      }),
    },
  };
}

export async function renderDocx(items: readonly FlowItem[], options: DocxOptions, title = ''): Promise<Uint8Array> {
  const page = officialPage(options.typography);
  const doc = new Document({
    creator: 'casebench fixtures',
    title,
    styles: options.typography
      ? { default: { document: { run: { font: font(OFFICIAL_FONTS.body), size: pt(options.typography.body) } } } }
      : { default: { document: { run: { font: { ascii: 'Calibri', eastAsia: '宋体', hAnsi: 'Calibri' }, size: 24 } } } },
    sections: [{ ...page, children: docxChildren(items, options) }],
  });
  return stableDocx(new Uint8Array(await Packer.toBuffer(doc)));
}

/** A section of a newspaper page: `columns` columns, continuing on the same page. */
export function newspaperSection(children: Array<Paragraph | Table>, columns: number, first = false): ISectionOptions {
  return {
    properties: {
      type: first ? SectionType.NEXT_PAGE : SectionType.CONTINUOUS,
      page: { size: { width: Math.round(297 * MM), height: Math.round(420 * MM) }, margin: { top: Math.round(18 * MM), bottom: Math.round(18 * MM), left: Math.round(15 * MM), right: Math.round(15 * MM) } },
      ...(columns > 1 ? { column: { count: columns, space: Math.round(4 * MM), separate: true } } : {}),
    },
    children,
  };
}

export { PageBreak };
