import { AlignmentType, Document, Footer, NumberFormat, Packer, PageNumber, Paragraph, TableOfContents, TextRun, type ISectionOptions } from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { caseBlocks } from '../../shared/compendium/blocks.ts';
import { sourceLine, type CompendiumCase } from '../../shared/compendium/case.ts';
import type { CompendiumDraft } from '../../shared/compendium/draft.ts';
import { indicatorTable } from '../../shared/compendium/indicator-table.ts';
import { prefaceParagraphs } from '../../shared/compendium/markdown.ts';
import { balanceTitle, SLACK } from '../../shared/compendium/title-lines.ts';
import { caseNumber, partHeading } from '../../shared/compendium/toc.ts';
import { withFontTable } from './compendium-docx-fonts.ts';
import { FOOTER_DISTANCE, LINE, MARGIN, PAGE, PARAGRAPH_STYLES, SIZE, TEXT_WIDTH } from './compendium-docx-style.ts';
import { para } from './compendium-docx-paragraph.ts';
import { indicatorDocxTable, printedTable } from './compendium-docx-tables.ts';

type Child = ISectionOptions['children'][number];


/**
 * The draft compendium as a book-like Word document, in three sections: a cover (title, who
 * compiles it, the month), the front matter (前言 when the editor wrote one, and a table of
 * contents: a Word TOC field over the part and case headings, with page numbers worked out from
 * the laid-out pages and updated by Word on opening), and the body: each part (第一篇…) and each
 * case (numbered across the book, a source line under its title) on a new page, the case's own
 * sections as headings, its tables as tables, and its indicator table. The front matter is
 * numbered — I —, the body — 1 —; the cover has no number. A part with no case is left out.
 */
export async function renderDocx(draft: CompendiumDraft, cases: ReadonlyMap<string, CompendiumCase>): Promise<Uint8Array> {
  return withFontTable(new Uint8Array(await Packer.toBuffer(buildDocument(draft, cases))));
}

/** The document `renderDocx` writes, before it is packed (its pages can be laid out, as docx/layout does). */
export function buildDocument(draft: CompendiumDraft, cases: ReadonlyMap<string, CompendiumCase>): Document {
  const parts = draft.parts.map((part) => ({ ...part, caseIds: part.caseIds.filter((id) => cases.has(id)) })).filter((part) => part.caseIds.length > 0);
  const page = { size: PAGE, margin: { ...MARGIN, header: Math.round(MARGIN.top / 2), footer: FOOTER_DISTANCE, gutter: 0 } };
  return new Document({
    creator: 'casebench',
    title: draft.title,
    features: { updateFields: true },
    evenAndOddHeaderAndFooters: true,
    // Page numbers for the table of contents, laid out as Word lays the pages out. The title face
    // (方正小标宋) is not in its width tables: measured as the nearest face it has, which sets
    // ideographs as wide, and every title line is set by its own measure below.
    pageNumbers: estimatePageNumbersWith({ guess: true }),
    styles: { paragraphStyles: PARAGRAPH_STYLES },
    sections: [
      { properties: { page, titlePage: false }, children: cover(draft) },
      { properties: { page: { ...page, pageNumbers: { start: 1, formatType: NumberFormat.UPPER_ROMAN } } }, footers: pageFooters(), children: frontMatter(draft) },
      { properties: { page: { ...page, pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } } }, footers: pageFooters(), children: body(draft, parts, cases) },
    ],
  });
}

/**
 * A title paragraph set by its own measure (see `balanceTitle`): indents on both sides leave
 * its measure and SLACK, so the lines break where the words allow.
 */
function title(text: string, style: string, size: number, options: { pageBreakBefore?: boolean; spacingBefore?: number } = {}): Paragraph {
  const em = size * 20;
  const layout = balanceTitle(text, TEXT_WIDTH / em);
  const side = layout.measure === null ? 0 : Math.max(0, Math.floor((TEXT_WIDTH - (layout.measure + SLACK) * em) / 2));
  // Broken at its spaces, a title has a line break where each space was (Word's and the loader's
  // reading of the break is a space again: the title loads back as written).
  const runs = layout.atSpaces ? layout.lines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })) : [new TextRun(text)];
  return para({
    style,
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(side ? { indent: { left: side, right: side, firstLine: 0 } } : {}),
    ...(options.spacingBefore ? { spacing: { before: options.spacingBefore } } : {}),
    children: runs,
  });
}

const DIGITS = '〇一二三四五六七八九';
/** "二〇二五年六月", as a cover dates a book. */
export function chineseMonth(iso: string): string {
  const d = new Date(iso || Date.now());
  const date = Number.isNaN(d.getTime()) ? new Date() : d;
  const year = [...String(date.getFullYear())].map((c) => DIGITS[Number(c)]).join('');
  const m = date.getMonth() + 1;
  const month = m <= 10 ? (m === 10 ? '十' : DIGITS[m]) : `十${DIGITS[m - 10]}`;
  return `${year}年${month}月`;
}

function cover(draft: CompendiumDraft): Child[] {
  const out: Child[] = [title(draft.title, 'Title', SIZE.一号, { spacingBefore: 5 * LINE })];
  out.push(para({ style: 'CoverLine', spacing: { before: 9 * LINE }, text: draft.issuer?.trim() || '' }));
  out.push(para({ style: 'CoverLine', spacing: { before: LINE }, text: chineseMonth(draft.updatedAt) }));
  return out;
}

function frontMatter(draft: CompendiumDraft): Child[] {
  const out: Child[] = [];
  const preface = prefaceParagraphs(draft.preface);
  if (preface.length) {
    out.push(para({ style: 'FrontHeading', text: '前　言' }));
    for (const p of preface) out.push(para({ text: p }));
  }
  out.push(para({ style: 'FrontHeading', ...(preface.length ? { pageBreakBefore: true } : {}), text: '目　录' }));
  out.push(new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-2' }));
  return out;
}

function body(draft: CompendiumDraft, parts: CompendiumDraft['parts'], cases: ReadonlyMap<string, CompendiumCase>): Child[] {
  const out: Child[] = [];
  let n = 0;
  parts.forEach((part, p) => {
    // The body section starts on a new page: the first part needs no break of its own.
    out.push(para({ style: 'Heading1', ...(p > 0 ? { pageBreakBefore: true } : {}), children: [new TextRun(partHeading(p, part.title))] }));
    part.caseIds.forEach((id, i) => {
      const c = cases.get(id)!;
      out.push(...caseContent(draft, c, ++n, i > 0));
    });
  });
  return out;
}

function caseContent(draft: CompendiumDraft, c: CompendiumCase, n: number, newPage: boolean): Child[] {
  const out: Child[] = [title(`${caseNumber(n)}${c.title}`, 'Heading2', SIZE.二号, { pageBreakBefore: newPage })];
  const from = sourceLine(c);
  if (from) out.push(para({ style: 'CaseSource', text: from }));
  for (const b of caseBlocks(c)) {
    if (b.kind === 'heading') out.push(para({ style: `Heading${Math.min(6, 2 + b.level)}`, children: [new TextRun(b.text)] }));
    else if (b.kind === 'table') out.push(printedTable(b.rows), para({ style: 'TableText', text: '' }));
    else out.push(para({ children: [new TextRun(b.text)] }));
  }
  const indicators = draft.indicatorTables ? indicatorTable(c.indicators, c.text) : null;
  if (indicators?.rows.length) out.push(para({ style: 'TableCaption', text: '主要指标' }), indicatorDocxTable(indicators));
  return out;
}

/** "— 1 —": odd pages on the right and even pages on the left, one character in from the edge. */
function pageFooters(): ISectionOptions['footers'] {
  const one = SIZE.四号 * 20;
  const footer = (side: 'odd' | 'even') =>
    new Footer({
      children: [
        para({
          style: 'Footer',
          alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: side === 'odd' ? { right: one } : { left: one },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
        }),
      ],
    });
  return { default: footer('odd'), even: footer('even') };
}
