import type { BlockRole, LineStyle } from '../../shared/ingest/decode/source-line.ts';
import type { FontInfo } from './fonts.ts';
import { buildFragments } from './fragments.ts';
import { linesOf, tabular, type Line } from './lines.ts';
import type { Glyph } from './page-glyphs.ts';
import type { Paragraph } from './paragraphs.ts';
import { composeLines, endsWithLeader, lineJoin, normaliseLeader, type Piece } from './pieces.ts';
import type { GridTable } from './table-grid.ts';
import { dominantStyle, type TextStyle } from './text-style.ts';

/** One block of the document as it will become one source line: a paragraph, heading, TOC entry or table row. */
export interface Block {
  page: number;
  /** Text pieces; for a table row, its cells' pieces (the text joins them with tabs). */
  pieces: Piece[];
  cells?: Piece[][];
  style: TextStyle;
  role?: BlockRole;
  align?: LineStyle['align'];
  /** First-line indent in half-ems (an ideographic space counts 2, as the text decoders count). */
  indent: number;
  mdHeading?: number;
  boldLead?: string;
  /** A table-of-contents entry ("title……page"), with its page number. */
  tocPage?: number;
  lineCount: number;
  /** A single line of items set apart (maybe a borderless table's row): each item's pieces and left edge. */
  items?: Array<{ pieces: Piece[]; x: number }>;
}

export const blockText = (b: Block) => b.pieces.map((p) => p.text).join('');

export function paragraphBlock(p: Paragraph, fonts: readonly FontInfo[]): Block {
  const first = p.lines[0]!;
  let pieces = composeLines(p.lines);
  const raw = pieces.map((x) => x.text).join('');
  let tocPage: number | undefined;
  const lastLine = p.lines[p.lines.length - 1]!;
  const numberApart = lastLine.fragments.length > 1 && /^\d{1,4}$/.test(fragmentString(lastLine.fragments[lastLine.fragments.length - 1]!)) && lastLine.fragments[lastLine.fragments.length - 1]!.x0 - lastLine.fragments[lastLine.fragments.length - 2]!.x1 > 2 * lastLine.size;
  if (endsWithLeader(raw) || numberApart || p.toc) {
    pieces = endsWithLeader(raw) ? normaliseLeader(pieces) : numberApart ? leaderForGap(pieces) : shortLeader(pieces);
    const m = /(\d{1,4})$/.exec(pieces.map((x) => x.text).join(''));
    if (m) tocPage = Number(m[1]);
  }
  const glyphs = p.lines.flatMap((l) => l.fragments.flatMap((f) => f.glyphs));
  const items = p.lines.length === 1 && tocPage === undefined && tabular(first) ? first.fragments.map((f) => ({ pieces: composeLines([{ ...first, fragments: [f] }]), x: f.x0 })) : undefined;
  return {
    page: first.page,
    pieces,
    ...(items ? { items } : {}),
    style: dominantStyle(glyphs, fonts),
    align: alignOf(p.lines, p.frame),
    indent: Math.max(0, Math.round((2 * (first.x0 - p.frame.left)) / Math.max(1, first.size))),
    ...(tocPage !== undefined ? { tocPage } : {}),
    lineCount: p.lines.length,
  };
}

const fragmentString = (f: { glyphs: readonly Glyph[] }) => f.glyphs.map((g) => (g.space ? ' ' : g.text)).join('').trim();

/**
 * An entry whose title left no room for its leader: "title..89" or "title161" becomes
 * "title……89", the leader mapped to the dots there were (or made up where there were none).
 */
function shortLeader(pieces: Piece[]): Piece[] {
  let digits = pieces.length;
  while (digits > 0 && /^\d$/.test(pieces[digits - 1]!.text)) digits--;
  let lead = digits;
  while (lead > 0 && /^[.．…·⋯‧_\s]$/u.test(pieces[lead - 1]!.text)) lead--;
  if (digits === pieces.length || lead === 0) return pieces;
  return [...pieces.slice(0, lead), { text: '……', glyphs: pieces.slice(lead, digits).flatMap((x) => x.glyphs) }, ...pieces.slice(digits)];
}

/** "title      12": the gap before a page number set apart becomes the leader. */
function leaderForGap(pieces: Piece[]): Piece[] {
  let digits = pieces.length;
  while (digits > 0 && /^\d$/.test(pieces[digits - 1]!.text)) digits--;
  let sep = digits;
  while (sep > 0 && /^\s$/.test(pieces[sep - 1]!.text)) sep--;
  return [...pieces.slice(0, sep), { text: '……', glyphs: [] }, ...pieces.slice(digits)];
}

function alignOf(lines: readonly Line[], frame: { left: number; right: number }): LineStyle['align'] {
  // A title that fills its first line shows its alignment on the last.
  const l = lines.length > 1 && lines[0]!.x0 - frame.left < lines[0]!.size ? lines[lines.length - 1]! : lines[0]!;
  const em = l.size;
  const mid = (l.x0 + l.x1) / 2;
  const indentOnly = Math.abs(l.x0 - frame.left - 2 * em) <= 0.3 * em;
  if (!indentOnly && l.x0 - frame.left > 1.5 * em && frame.right - l.x1 > 1.5 * em && Math.abs(mid - (frame.left + frame.right) / 2) < em) return 'center';
  if (l.x0 - frame.left > 0.4 * (frame.right - frame.left) && frame.right - l.x1 < em) return 'right';
  return 'left';
}

/** A ruled table's rows as blocks: each cell's lines read as one text, cells kept apart. */
export function tableBlocks(t: GridTable, fonts: readonly FontInfo[]): Block[] {
  const out: Block[] = [];
  for (const row of t.rows) {
    const cells = row.cells.map((glyphs) => {
      const lines = linesOf(buildFragments(t.page, glyphs), fonts);
      return trimPieces(composeLines(lines));
    });
    if (cells.every((c) => c.length === 0)) continue;
    const pieces: Piece[] = [];
    cells.forEach((c, i) => {
      if (i > 0) pieces.push({ text: '\t', glyphs: [] });
      pieces.push(...c);
    });
    out.push({ page: t.page, pieces, cells, style: dominantStyle(row.cells.flat(), fonts), role: 'table-row', align: 'left', indent: 0, lineCount: 1 });
  }
  return out;
}

function trimPieces(pieces: Piece[]): Piece[] {
  let a = 0;
  let b = pieces.length;
  while (a < b && /^\s*$/.test(pieces[a]!.text)) a++;
  while (b > a && /^\s*$/.test(pieces[b - 1]!.text)) b--;
  return pieces.slice(a, b);
}

/**
 * Borderless tables: two or more consecutive lines of items set apart, as many on each line and
 * starting at the same places, are rows of a table; their items are its cells.
 */
export function markBorderlessRows(blocks: Block[]): void {
  for (let i = 0; i < blocks.length; ) {
    const first = blocks[i]!.items;
    let j = i + 1;
    if (first) {
      while (j < blocks.length && aligned(first, blocks[j]!.items, blocks[i]!.style.size)) j++;
    }
    if (first && j - i >= 2) {
      for (let k = i; k < j; k++) {
        const b = blocks[k]!;
        const cells = b.items!.map((it) => it.pieces);
        blocks[k] = { ...b, cells, pieces: cells.flatMap((c, n) => (n > 0 ? [{ text: '\t', glyphs: [] }, ...c] : c)), role: 'table-row', indent: 0 };
      }
    }
    i = j;
  }
}

function aligned(a: NonNullable<Block['items']>, b: Block['items'], em: number): boolean {
  return !!b && b.length === a.length && a.every((it, k) => Math.abs(it.x - b[k]!.x) <= 1.5 * em);
}

/**
 * A row the page broke: its rest on the next page has the key cells empty (序号, the place) and
 * the long cell going on. Joined back into the row above, cell by cell.
 */
export function continuesRow(prev: Block | undefined, next: Block): boolean {
  if (!prev?.cells || !next.cells || prev.cells.length !== next.cells.length) return false;
  const empty = (c: Piece[]) => c.every((p) => !p.text.trim());
  return empty(next.cells[0]!) && !empty(prev.cells[0]!) && next.cells.some((c) => !empty(c));
}

export function joinRows(prev: Block, next: Block): Block {
  const cells = prev.cells!.map((c, i) => {
    const more = next.cells![i]!;
    if (!more.length) return c;
    if (!c.length) return more;
    const sep = lineJoin(c.map((p) => p.text).join(''), more.map((p) => p.text).join(''));
    return [...c, ...(sep ? [{ text: sep, glyphs: [] }] : []), ...more];
  });
  const pieces: Piece[] = [];
  cells.forEach((c, i) => {
    if (i > 0) pieces.push({ text: '\t', glyphs: [] });
    pieces.push(...c);
  });
  return { ...prev, cells, pieces };
}
