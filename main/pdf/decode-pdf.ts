import type { DecodedSource } from '../../shared/ingest/decode/index.ts';
import { IngestError } from '../../shared/ingest/errors.ts';
import type { Warning } from '../../shared/model/document.ts';
import { blockText, continuesRow, joinRows, markBorderlessRows, paragraphBlock, tableBlocks, type Block } from './blocks.ts';
import { emit } from './emit.ts';
import { buildFragments, splitAtGutters, type Fragment } from './fragments.ts';
import { findFurniture } from './furniture.ts';
import { markBoldLeads, markHeadings } from './headings.ts';
import { linesOf, type Line } from './lines.ts';
import { openPdf, refusal } from './open-pdf.ts';
import { pdfjs } from './pdfjs.ts';
import { FontRegistry, pageGlyphs, type PageGlyphs } from './page-glyphs.ts';
import { continuesInto, frameOf, measureLines, paragraphsOf, type Paragraph, type TocState } from './paragraphs.ts';
import { readingOrder, type Boxed } from './reading-order.ts';
import { findGridTables, insideTable, type GridTable } from './table-grid.ts';
import { linkToc, type TocLink } from './toc-pages.ts';

export interface PdfProgress {
  /** Pages read so far. */
  page: number;
  pages: number;
}

export interface DecodedPdf extends DecodedSource {
  /** Each table-of-contents entry with the PDF page and the line it names (indices into `lines`). */
  toc: TocLink[];
}

type Item = (Fragment & { table?: undefined }) | (Boxed & { table: true; grid: GridTable });

/**
 * Read a PDF into the loader's decoded form, using its geometry: glyphs → fragments → running
 * headers, footers and page numbers dropped → ruled tables → reading order across columns →
 * lines → paragraphs (rejoined across columns and pages) → headings by typography → TOC entries
 * tied to their pages. Refuses, naming the file, a PDF that needs a password, a damaged file and
 * a scan with no text layer.
 */
export async function decodePdf(bytes: Uint8Array, file: string, onProgress?: (p: PdfProgress) => void): Promise<DecodedPdf> {
  const doc = await openPdf(bytes, file);
  const lib = await pdfjs();
  const registry = new FontRegistry();
  const pages: PageGlyphs[] = [];
  const unreadable: number[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        pages.push(await pageGlyphs(page, registry, lib));
        page.cleanup();
      } catch (e) {
        if ((e as { name?: string }).name === 'PasswordException') throw refusal(e, file);
        unreadable.push(n);
        pages.push({ page: n, width: 595, height: 842, glyphs: [], rules: [], images: 0 });
      }
      onProgress?.({ page: n, pages: doc.numPages });
    }
  } finally {
    await doc.destroy().catch(() => undefined);
  }
  if (unreadable.length === pages.length) throw new IngestError('undecodable', file, 'is a damaged PDF: none of its pages can be read; open it in a PDF reader and save a new copy, or get the file again');
  return layout(pages, registry, file, unreadable);
}

/** The layout analysis on pages already read: separate from PDF.js so it can be tested on its own. */
export function layout(pages: readonly PageGlyphs[], registry: FontRegistry, file: string, unreadable: readonly number[] = []): DecodedPdf {
  const fonts = registry.fonts;
  const notes: Warning[] = [];
  const hasText = (p: PageGlyphs) => p.glyphs.some((g) => !g.space && g.text.trim());
  const textless = pages.filter((p) => !hasText(p) && !unreadable.includes(p.page));
  if (!pages.some(hasText)) {
    if (pages.some((p) => p.images > 0)) throw new IngestError('unsupported', file, 'has no text layer: it is a scan (pages of images); run OCR on it first (for example ocrmypdf, or a PDF reader’s “recognise text”), then load the PDF it makes');
    throw new IngestError('empty', file, 'the PDF has no text');
  }
  if (unreadable.length) notes.push({ code: 'pdf-unreadable-pages', message: `PDF pages ${pageList(unreadable)} are damaged and could not be read; their text is missing` });
  const scanned = textless.filter((p) => p.images > 0).map((p) => p.page);
  if (scanned.length) notes.push({ code: 'pdf-scanned-pages', message: `PDF pages ${pageList(scanned)} are images with no text layer (scanned); their text is missing: run OCR on the file to include it` });

  // Tables first (their cells' gaps would read as columns), then fragments of the rest.
  const perPage = pages.map((p) => {
    const tables = findGridTables(p.page, p.rules, p.glyphs);
    const rest = tables.length ? p.glyphs.filter((g) => !tables.some((t) => insideTable(t, g))) : p.glyphs;
    // Long vertical rules outside tables separate columns (a newspaper's column lines).
    const separators = p.rules.filter((r) => r.x0 === r.x1 && r.y1 - r.y0 >= 40 && !tables.some((t) => r.x0 >= t.x0 - 2 && r.x0 <= t.x1 + 2 && r.y0 >= t.y0 - 2 && r.y1 <= t.y1 + 2));
    return { page: p, tables, separators, fragments: splitAtGutters(buildFragments(p.page, rest, separators), p.width) };
  });
  const furniture = findFurniture(perPage.map((p) => ({ page: p.page.page, width: p.page.width, height: p.page.height, fragments: p.fragments })));
  notes.push(...furniture.notes);

  // Reading order: each page's leaves, tables as single items among the fragments.
  type Leaf = { items: Item[] };
  const leaves: Leaf[] = [];
  for (const p of perPage) {
    const items: Item[] = [
      ...p.fragments.filter((f) => !furniture.dropped.has(f)),
      ...p.tables.map((t) => ({ x0: t.x0, y0: t.y0, x1: t.x1, y1: t.y1, size: 10, table: true as const, grid: t })),
    ];
    for (const leaf of readingOrder(items, p.separators)) leaves.push({ items: leaf });
  }
  // A leaf is a sequence of runs: lines of fragments, or a table.
  type Run = { lines: Line[] } | { grid: GridTable };
  const runs: Run[][] = leaves.map((leaf) => {
    const out: Run[] = [];
    let pending: Fragment[] = [];
    const flush = () => {
      if (pending.length) out.push({ lines: linesOf(pending, fonts) });
      pending = [];
    };
    for (const it of leaf.items) {
      if (it.table) {
        flush();
        out.push({ grid: it.grid });
      } else pending.push(it);
    }
    flush();
    return out;
  });
  const metrics = measureLines(
    runs.flatMap((r) => r.flatMap((x) => ('lines' in x ? [x.lines] : []))),
    Math.max(...pages.map((p) => p.width)),
  );

  // Paragraphs, rejoined where a column or page broke one.
  const blocks: Block[] = [];
  let open: Paragraph | null = null;
  const close = () => {
    if (open) blocks.push(paragraphBlock(open, fonts));
    open = null;
  };
  const toc: TocState = { inside: false };
  let lastHeader: string | null = null;
  let repeatedHeaders = 0;
  for (const leaf of runs) {
    for (const run of leaf) {
      if ('grid' in run) {
        close();
        const rows = tableBlocks(run.grid, fonts);
        // A table continued on the next page repeats its header row: keep the first only.
        const header = rows[0] ? blockText(rows[0]) : null;
        if (header !== null && header === lastHeader) {
          rows.shift();
          repeatedHeaders++;
        } else lastHeader = header;
        const last = blocks[blocks.length - 1];
        if (rows[0] && continuesRow(last, rows[0])) blocks[blocks.length - 1] = joinRows(last!, rows.shift()!);
        blocks.push(...rows);
        continue;
      }
      const frame = frameOf(run.lines, metrics);
      const paragraphs = paragraphsOf(run.lines, frame, metrics, toc);
      paragraphs.forEach((p, i) => {
        if (i === 0 && open && !open.toc && !p.toc && continuesInto(open, p)) {
          open = { lines: [...open.lines, ...p.lines], frame: open.frame };
          return;
        }
        close();
        open = p;
      });
    }
  }
  close();
  if (repeatedHeaders) notes.push({ code: 'pdf-table-header', severity: 'info', message: `dropped a table's header row repeated on ${repeatedHeaders} continuation ${repeatedHeaders === 1 ? 'page' : 'pages'}` });

  markBorderlessRows(blocks);
  markHeadings(blocks, fonts);
  markBoldLeads(blocks, fonts);
  const kept = blocks.filter((b) => blockText(b).trim());
  const emitted = emit(kept, pages);
  const links = linkToc(kept, furniture.printed, emitted.ranges);
  notes.push(...links.notes);
  return { rawText: emitted.rawText, encoding: 'pdf', kind: 'plain-text', lines: emitted.lines, geometry: emitted.geometry, notes, toc: links.links };
}

function pageList(pages: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    parts.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  return parts.join(', ');
}
