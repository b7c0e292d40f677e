import type { Glyph, Rule } from './page-glyphs.ts';

/**
 * A run of glyphs on one baseline with no wide gap: a line of a column, a table cell's line, a
 * running header. Reading order, paragraphs and tables are built from fragments.
 */
export interface Fragment {
  page: number;
  /** Left to right; inner spaces kept, none at either end. */
  glyphs: Glyph[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  base: number;
  /** The size most of its characters are set in. */
  size: number;
  /** Left and right without punctuation hanging at the ends (how far the text itself runs). */
  cx0: number;
  cx1: number;
}

const HANGING = /^[，。、；：！？,.;:!?”’）》」』】〕…—“‘（《「『【〔]$/u;

/** Glyphs wider apart than this many ems start a new fragment (a gutter, a cell border, a tab). */
const SPLIT_GAP_EM = 1.0;
/** Baselines closer than this many ems are one line. */
const SAME_LINE_EM = 0.3;

export function fragmentText(f: { glyphs: readonly Glyph[] }): string {
  let s = '';
  for (const g of f.glyphs) s += g.space ? ' ' : g.text;
  return s;
}

/**
 * Group a page's glyphs into fragments: by baseline (sorted, not in drawing order, which PDF
 * writers do not keep), then left to right, split at wide gaps. A glyph drawn twice at almost
 * the same place (a way to embolden text) is kept once, and counts as bold.
 */
export function buildFragments(page: number, glyphs: readonly Glyph[], separators: readonly Rule[] = []): Fragment[] {
  const visible = glyphs.filter((g) => g.w >= 0 && g.size > 0.5);
  const sorted = [...visible].sort((a, b) => a.base - b.base || a.x - b.x);
  const rows: Glyph[][] = [];
  let row: Glyph[] = [];
  let rowBase = Number.NaN;
  let rowSize = 0;
  for (const g of sorted) {
    if (row.length && Math.abs(g.base - rowBase) > SAME_LINE_EM * Math.max(rowSize, g.size)) {
      rows.push(row);
      row = [];
    }
    if (!row.length) {
      rowBase = g.base;
      rowSize = g.size;
    }
    row.push(g);
  }
  if (row.length) rows.push(row);

  const out: Fragment[] = [];
  for (const r of rows) {
    r.sort((a, b) => a.x - b.x);
    const splitAt = splitGap(r);
    let current: Glyph[] = [];
    let lastInk: Glyph | null = null;
    const flush = () => {
      const f = makeFragment(page, current);
      if (f) out.push(f);
      current = [];
      lastInk = null;
    };
    for (const g of r) {
      if (g.space) {
        if (current.length) current.push(g);
        continue;
      }
      if (lastInk) {
        const prev: Glyph = lastInk;
        const em = Math.max(prev.size, g.size);
        if (g.text === prev.text && Math.abs(g.x - prev.x) < 0.2 * em) {
          prev.bold = true; // overprinted: drawn twice to look bold
          continue;
        }
        if (g.x - (prev.x + prev.w) > Math.max(SPLIT_GAP_EM * em, splitAt) || separated(prev, g, separators)) flush();
      }
      current.push(g);
      lastInk = g;
    }
    flush();
  }
  return out;
}

/** A vertical rule between two glyphs of a row (a newspaper's column separator) parts them. */
function separated(a: Glyph, b: Glyph, separators: readonly Rule[]): boolean {
  const end = a.x + a.w * 0.5;
  const start = b.x + b.w * 0.5;
  return separators.some((r) => r.x0 > end && r.x0 < start && r.y0 <= a.base && r.y1 >= a.base - a.size * 0.5);
}

/**
 * Gaps wider than the usual gap of the row split it; in a letter-spaced line (a short line
 * justified across the measure, a spaced-out title "目  录") every gap is wide, and none splits.
 */
function splitGap(row: readonly Glyph[]): number {
  const gaps: number[] = [];
  let prev: Glyph | null = null;
  for (const g of row) {
    if (g.space) continue;
    if (prev) gaps.push(g.x - (prev.x + prev.w));
    prev = g;
  }
  if (gaps.length < 3) return 0;
  gaps.sort((a, b) => a - b);
  return 2.5 * Math.max(0, gaps[gaps.length >> 1]!);
}

function makeFragment(page: number, glyphs: Glyph[]): Fragment | null {
  while (glyphs.length && glyphs[glyphs.length - 1]!.space) glyphs.pop();
  if (!glyphs.length) return null;
  // Collapse runs of spaces to one: a space is a separator, however wide it was set.
  const kept = glyphs.filter((g, i) => !(g.space && glyphs[i - 1]?.space));
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const sizes = new Map<number, number>();
  let base = 0;
  let inked = 0;
  for (const g of kept) {
    if (g.space) continue;
    x0 = Math.min(x0, g.x);
    y0 = Math.min(y0, g.y);
    x1 = Math.max(x1, g.x + g.w);
    y1 = Math.max(y1, g.y + g.h);
    const s = Math.round(g.size * 2) / 2;
    sizes.set(s, (sizes.get(s) ?? 0) + g.text.length);
    base += g.base;
    inked++;
  }
  const size = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const ink = kept.filter((g) => !g.space);
  let a = 0;
  let b = ink.length - 1;
  if (ink.length > 2 && HANGING.test(ink[0]!.text)) a++;
  if (b > a && HANGING.test(ink[b]!.text)) b--;
  return { page, glyphs: kept, x0, y0, x1, y1, base: base / inked, size, cx0: ink[a]!.x, cx1: ink[b]!.x + ink[b]!.w };
}

/**
 * Split fragments that bridge a column gutter. In narrow justified columns the gap between one
 * column's line end and the next column's line start can be barely wider than a word gap
 * (punctuation squeezed at the line end), so a few fragments run across. The gutters are where
 * almost no fragment is, between columns of many; a bridging fragment is cut at its gap there.
 */
export function splitAtGutters(fragments: readonly Fragment[], pageWidth: number): Fragment[] {
  if (fragments.length < 20) return [...fragments];
  const width = Math.ceil(pageWidth) + 2;
  const cover = new Int32Array(width + 1);
  for (const f of fragments) {
    cover[Math.max(0, Math.floor(f.x0))]! += 1;
    cover[Math.min(width, Math.ceil(f.x1))]! -= 1;
  }
  for (let i = 1; i <= width; i++) cover[i]! += cover[i - 1]!;
  const sizes = fragments.map((f) => f.size).sort((a, b) => a - b);
  const em = sizes[sizes.length >> 1]!;
  const sparse = Math.max(2, Math.ceil(0.03 * fragments.length));
  const dense = Math.max(6, 3 * sparse);
  const gutters: Array<[number, number]> = [];
  for (let i = 0; i < width; ) {
    if (cover[i]! > sparse) {
      i++;
      continue;
    }
    let j = i;
    while (j < width && cover[j]! <= sparse) j++;
    const before = i > 0 ? Math.max(...Array.from(cover.subarray(Math.max(0, i - 3 * em), i))) : 0;
    const after = j < width ? Math.max(...Array.from(cover.subarray(j, Math.min(width, j + 3 * em)))) : 0;
    if (j - i >= 0.5 * em && before >= dense && after >= dense) gutters.push([i, j]);
    i = j;
  }
  if (!gutters.length) return [...fragments];
  const out: Fragment[] = [];
  for (const f of fragments) {
    let pieces: Fragment[] = [f];
    for (const [a, b] of gutters) {
      if (f.x0 >= a || f.x1 <= b) continue;
      pieces = pieces.flatMap((p) => cutAt(p, a, b) ?? [p]);
    }
    out.push(...pieces);
  }
  return out;
}

/** Cut a fragment at its widest glyph gap that lies within [a, b], or null if it has none. */
function cutAt(f: Fragment, a: number, b: number): Fragment[] | null {
  let best = -1;
  let bestGap = 0;
  for (let i = 1; i < f.glyphs.length; i++) {
    const prev = f.glyphs[i - 1]!;
    const g = f.glyphs[i]!;
    const gapStart = prev.x + prev.w;
    const gap = g.x - gapStart;
    const mid = gapStart + gap / 2;
    if (mid >= a - 2 && mid <= b + 2 && gap > bestGap) {
      best = i;
      bestGap = gap;
    }
  }
  if (best < 0 || bestGap < 0.2 * f.size) return null;
  const left = makeFragment(f.page, f.glyphs.slice(0, best));
  const right = makeFragment(f.page, f.glyphs.slice(best).filter((g, i) => !(i === 0 && g.space)));
  return left && right ? [left, right] : null;
}
