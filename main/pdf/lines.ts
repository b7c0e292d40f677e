import type { FontInfo } from './fonts.ts';
import type { Fragment } from './fragments.ts';
import type { Glyph } from './page-glyphs.ts';
import { dominantStyle, isCjk, type TextStyle } from './text-style.ts';

/** A visual line of a leaf (a column or a block of one): its fragments on one baseline, left to right. */
export interface Line {
  page: number;
  fragments: Fragment[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  base: number;
  size: number;
  style: TextStyle;
}

const SAME_LINE_EM = 0.3;
/** Punctuation a line may not start with (kinsoku): it takes the character before it down with it. */
const NO_LINE_START = /^[，。、；：！？）》」』】〕”’…—,.;:!?)\]]$/u;

/** Group a leaf's fragments into lines, top to bottom. */
export function linesOf(fragments: readonly Fragment[], fonts: readonly FontInfo[]): Line[] {
  const sorted = [...fragments].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const groups: Fragment[][] = [];
  for (const f of sorted) {
    const last = groups[groups.length - 1];
    const ref = last?.[0];
    if (ref && Math.abs(f.base - ref.base) <= SAME_LINE_EM * Math.max(f.size, ref.size)) last.push(f);
    else groups.push([f]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x0 - b.x0);
    const glyphs = g.flatMap((f) => f.glyphs);
    return {
      page: g[0]!.page,
      fragments: g,
      x0: Math.min(...g.map((f) => f.x0)),
      y0: Math.min(...g.map((f) => f.y0)),
      x1: Math.max(...g.map((f) => f.x1)),
      y1: Math.max(...g.map((f) => f.y1)),
      base: g[0]!.base,
      size: Math.max(...g.map((f) => f.size)),
      style: dominantStyle(glyphs, fonts),
    };
  });
}

/**
 * A word set with wide letter spacing ("目  录", "前  言"): fragments of one Chinese character
 * each. Its gaps are spacing, not separators.
 */
export function letterSpaced(line: Line): boolean {
  return line.fragments.length >= 2 && line.fragments.every((f) => f.glyphs.length === 1 && isCjk(f.glyphs[0]!.text));
}

/**
 * Items set apart on one line (a borderless table's cells, a title and its page number), at
 * least two ems apart: never joined with the lines around. A justified line stretched wide
 * (the next word did not fit) has gaps of an em or so, and is not.
 */
export function tabular(line: Line): boolean {
  if (line.fragments.length < 2 || letterSpaced(line)) return false;
  for (let i = 1; i < line.fragments.length; i++) if (line.fragments[i]!.x0 - line.fragments[i - 1]!.x1 >= 2 * line.size) return true;
  return false;
}

export function lineGlyphs(line: Line): Glyph[] {
  return line.fragments.flatMap((f) => f.glyphs);
}

export function lineText(line: Line): string {
  return line.fragments.map((f) => f.glyphs.map((g) => (g.space ? ' ' : g.text)).join('')).join(letterSpaced(line) ? '' : ' ');
}

/**
 * The width the line's first word needs: up to its first space for Latin text, one character
 * for Chinese (which breaks anywhere). The line before ended its paragraph if it left more room
 * than this.
 */
export function firstWordWidth(line: Line): number {
  const glyphs = lineGlyphs(line);
  const first = glyphs[0];
  if (!first) return 0;
  if (!/^[A-Za-z0-9]/.test(first.text)) {
    // A character and the punctuation that may not start a line ("险。"): they move down together.
    let end = first.x + first.w;
    for (const g of glyphs.slice(1)) {
      if (!NO_LINE_START.test(g.text)) break;
      end = g.x + g.w;
    }
    return end - first.x;
  }
  let end = first.x + first.w;
  for (const g of glyphs) {
    if (g.space || !/^[A-Za-z0-9'’.,-]/.test(g.text)) break;
    end = g.x + g.w;
  }
  return end - first.x;
}
