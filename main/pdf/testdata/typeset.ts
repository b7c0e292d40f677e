/**
 * Typeset small documents the way a health commission does (A4, GB/T 9704-like margins, 16 pt
 * body with a two-character first-line indent, exact line spacing, page numbers "— n —"), as
 * .docx with the `docx` library, then print them to PDF with LibreOffice. Used by
 * make-fixtures.ts (committed fixtures) and by the PDF benchmark (a 100-page file made on demand).
 *
 * Fonts are ones Debian ships, standing in for the official ones: 小标宋 → Noto Serif CJK SC Bold,
 * 黑体 → Noto Sans CJK SC, 楷体 → AR PL UKai CN, 仿宋 → AR PL UMing CN.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LeaderType,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';

export const FONTS = { title: 'Noto Serif CJK SC', h1: 'Noto Sans CJK SC', h2: 'AR PL UKai CN', body: 'AR PL UMing CN' } as const;

export type Block =
  | { kind: 'title' | 'subtitle' | 'h1' | 'h2' | 'center' | 'headline'; text: string }
  /** A body paragraph; `lead` is set in bold before it ("一是加强组织领导。"). */
  | { kind: 'body'; text: string; lead?: string }
  /** Starts a new section on the same page with this many columns (a newspaper's body under its masthead). */
  | { kind: 'columns'; count: number }
  | { kind: 'toc'; entries: Array<{ title: string; page: number; level?: number }> }
  | { kind: 'table'; rows: string[][]; widths?: number[] }
  | { kind: 'page-break' };

export interface TypesetOptions {
  /** Running header text on every page (e.g. the document's short title). */
  header?: string;
  /** Page numbers "— n —" centred at the bottom of each page. */
  pageNumbers?: boolean;
  /** Newspaper columns. */
  columns?: number;
  /** Body size in points (default 16, 三号). */
  bodySize?: number;
  /** Exact line spacing in points (default 28). */
  lineSpacing?: number;
  landscape?: boolean;
  /** Page margins in twips (default: GB/T 9704's 37/35/28/26 mm). */
  margins?: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
}

const pt = (n: number) => Math.round(n * 2); // half-points
const twip = (n: number) => Math.round(n * 20);
export const mm = (n: number) => Math.round((n / 25.4) * 1440);

function run(text: string, font: string, size: number, bold = false): TextRun {
  return new TextRun({ text, bold, size: pt(size), font: { ascii: font, eastAsia: font, hAnsi: font, cs: font } });
}

function paragraphs(block: Block, o: Required<Pick<TypesetOptions, 'bodySize' | 'lineSpacing'>>): Array<Paragraph | Table> {
  const exact = { line: twip(o.lineSpacing), lineRule: LineRuleType.EXACT };
  const s = o.bodySize;
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: twip(s * 2.2), lineRule: LineRuleType.EXACT, after: twip(o.lineSpacing) }, children: [run(block.text, FONTS.title, s * 1.375, true)] })];
    case 'subtitle':
    case 'center':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run(block.text, FONTS.h2, s)] })];
    case 'h1':
      return [new Paragraph({ spacing: exact, indent: { firstLine: twip(s * 2) }, children: [run(block.text, FONTS.h1, s)] })];
    case 'h2':
      return [new Paragraph({ spacing: exact, indent: { firstLine: twip(s * 2) }, children: [run(block.text, FONTS.h2, s)] })];
    case 'headline':
      return [new Paragraph({ spacing: { line: twip(s * 1.8), lineRule: LineRuleType.EXACT, after: twip(s * 0.6) }, children: [run(block.text, FONTS.h1, s * 1.5, true)] })];
    case 'body':
      return [
        new Paragraph({
          spacing: exact,
          indent: { firstLine: twip(s * 2) },
          alignment: AlignmentType.JUSTIFIED,
          children: [...(block.lead ? [run(block.lead, FONTS.body, s, true)] : []), run(block.text, FONTS.body, s)],
        }),
      ];
    case 'columns':
      return [];
    case 'toc':
      return block.entries.map(
        (e) =>
          new Paragraph({
            spacing: exact,
            indent: { left: twip(s * 2 * ((e.level ?? 1) - 1)) },
            tabStops: [{ type: TabStopType.RIGHT, position: mm(156) - twip(1), leader: LeaderType.DOT }],
            children: [run(e.title, FONTS.body, s), new TextRun({ children: [new Tab(), String(e.page)], size: pt(s), font: FONTS.body })],
          }),
      );
    case 'table': {
      const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
      const borders = { top: border, bottom: border, left: border, right: border };
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          ...(block.widths ? { columnWidths: block.widths.map(mm) } : {}),
          rows: block.rows.map(
            (row, r) =>
              new TableRow({
                tableHeader: r === 0,
                children: row.map(
                  (cell) => new TableCell({ borders, children: [new Paragraph({ alignment: r === 0 ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(cell, r === 0 ? FONTS.h1 : FONTS.body, s * 0.75)] })] }),
                ),
              }),
          ),
        }),
      ];
    }
    case 'page-break':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

export async function typesetDocx(blocks: readonly Block[], options: TypesetOptions = {}): Promise<Uint8Array> {
  const o = { bodySize: options.bodySize ?? 16, lineSpacing: options.lineSpacing ?? 28 };
  // Split at 'columns' blocks into sections; the later ones continue on the same page.
  const groups: Array<{ columns: number; blocks: Block[] }> = [{ columns: options.columns ?? 1, blocks: [] }];
  for (const b of blocks) {
    if (b.kind === 'columns') groups.push({ columns: b.count, blocks: [] });
    else groups[groups.length - 1]!.blocks.push(b);
  }
  const sections: ISectionOptions[] = groups.map((g, i) => ({
    properties: {
      ...(i > 0 ? { type: SectionType.CONTINUOUS } : {}),
      page: {
        size: options.landscape ? { width: mm(297), height: mm(210), orientation: PageOrientation.LANDSCAPE } : { width: mm(210), height: mm(297) },
        margin: options.margins ?? { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(20) },
      },
      ...(g.columns > 1 ? { column: { count: g.columns, space: mm(5), separate: false, equalWidth: true } } : {}),
    },
    ...(options.header ? { headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(options.header, FONTS.body, 10.5)] })] }) } } : {}),
    ...(options.pageNumbers
      ? { footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: pt(14), font: FONTS.body })] })] }) } }
      : {}),
    children: g.blocks.flatMap((b) => paragraphs(b, o)),
  }));
  const doc = new Document({ creator: 'casebench fixtures', sections });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** True when LibreOffice can be run here (it is not needed by the tests, only to remake fixtures). */
export function hasLibreOffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** Print a .docx to PDF with LibreOffice (headless, its own profile so it never meets a running one). */
export function docxToPdf(docx: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'casebench-typeset-'));
  try {
    writeFileSync(join(dir, 'in.docx'), docx);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'in.docx')], { stdio: 'ignore', timeout: 300_000 });
    return new Uint8Array(readFileSync(join(dir, 'in.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function typesetPdf(blocks: readonly Block[], options: TypesetOptions = {}): Promise<Uint8Array> {
  return docxToPdf(await typesetDocx(blocks, options));
}
