import { MappedString } from '../../shared/ingest/mapped-string.ts';
import type { SourceLine } from '../../shared/ingest/decode/source-line.ts';
import type { SourceGeometry } from '../../shared/model/geometry.ts';
import type { Block } from './blocks.ts';
import type { Glyph } from './page-glyphs.ts';

export interface Emitted {
  rawText: string;
  lines: SourceLine[];
  geometry: SourceGeometry;
  /** Raw start and end of each block (for notes that point at one). */
  ranges: Array<{ start: number; end: number }>;
}

/**
 * Blocks → the decoded source: one line of raw text per block (a paragraph with no hard wraps,
 * a heading, a TOC entry, a table row with its cells tab-separated), each a closed SourceLine
 * mapped into the raw text, and the boxes every stretch of that text was read from.
 */
export function emit(blocks: readonly Block[], pages: ReadonlyArray<{ width: number; height: number }>): Emitted {
  let rawText = '';
  const boxes = new BoxWriter();
  const spans: Array<{ start: number; end: number; cells: Array<{ start: number; end: number }> }> = [];
  for (const b of blocks) {
    if (rawText.length) rawText += '\n';
    const start = rawText.length;
    const cells: Array<{ start: number; end: number }> = [];
    let cellStart = start;
    for (const p of b.pieces) {
      if (b.cells && p.text === '\t' && p.glyphs.length === 0) {
        cells.push({ start: cellStart, end: rawText.length });
        cellStart = rawText.length + 1;
      }
      boxes.add(p.glyphs, rawText.length, rawText.length + p.text.length, p.text);
      rawText += p.text;
    }
    boxes.flush();
    if (b.cells) cells.push({ start: cellStart, end: rawText.length });
    spans.push({ start, end: rawText.length, cells });
  }
  const lines: SourceLine[] = blocks.map((b, i) => {
    const s = spans[i]!;
    const style: NonNullable<SourceLine['style']> = { fontSize: b.style.size, fontFamily: b.style.family, bold: b.style.bold, ...(b.align ? { align: b.align } : {}) };
    return {
      text: MappedString.fromRaw(rawText, s.start, s.end),
      indent: b.indent,
      closed: true,
      page: b.page,
      style,
      ...(b.role ? { role: b.role } : {}),
      ...(b.mdHeading ? { mdHeading: b.mdHeading } : {}),
      ...(b.boldLead ? { boldLead: b.boldLead } : {}),
      ...(b.cells ? { cells: s.cells.map((c) => MappedString.fromRaw(rawText, c.start, c.end)) } : {}),
    };
  });
  return { rawText, lines, geometry: { pages: pages.map((p) => ({ width: round(p.width), height: round(p.height) })), boxes: boxes.out }, ranges: spans.map(({ start, end }) => ({ start, end })) };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Boxes for stretches of text: consecutive glyphs on one line with about the same advance per
 * character become one box, so that cutting a box in proportion to its characters (how a range
 * is highlighted) lands on glyph edges. A gap, another line, another page or another glyph
 * width starts a new box.
 */
class BoxWriter {
  readonly out: number[] = [];
  private run: { start: number; end: number; page: number; x0: number; y0: number; x1: number; y1: number; base: number; size: number; perUnit: number } | null = null;

  add(glyphs: readonly Glyph[], start: number, end: number, text: string): void {
    if (!glyphs.length) {
      // A separator: a space between fragments ends the box; a line join or tab does too.
      if (text.length) this.flush();
      return;
    }
    const page = glyphs[0]!.page;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const g of glyphs) {
      x0 = Math.min(x0, g.x);
      y0 = Math.min(y0, g.y);
      x1 = Math.max(x1, g.x + g.w);
      y1 = Math.max(y1, g.y + g.h);
    }
    const g = glyphs[0]!;
    const units = Math.max(1, end - start);
    const perUnit = (x1 - x0) / units;
    const r = this.run;
    const fits = r && glyphs.length === 1 && r.page === page && Math.abs(g.base - r.base) < 0.3 * r.size && x0 - r.x1 < 0.6 * r.size && x0 >= r.x0 && Math.abs(perUnit - r.perUnit) <= 0.15 * r.size && r.end === start;
    if (r && fits) {
      r.end = end;
      r.x1 = Math.max(r.x1, x1);
      r.y0 = Math.min(r.y0, y0);
      r.y1 = Math.max(r.y1, y1);
      return;
    }
    this.flush();
    this.run = { start, end, page, x0, y0, x1, y1, base: g.base, size: g.size, perUnit };
    // A leader (many glyphs, one piece) is a box of its own.
    if (glyphs.length > 1) this.flush();
  }

  flush(): void {
    const r = this.run;
    if (!r) return;
    this.out.push(r.start, r.end, r.page, round(r.x0), round(r.y0), round(r.x1 - r.x0), round(r.y1 - r.y0));
    this.run = null;
  }
}
