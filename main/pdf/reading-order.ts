/** Anything with a box on the page: a fragment, or a whole table. */
export interface Boxed {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  size: number;
  /** A table takes no part in deciding columns' fullness. */
  table?: boolean;
  /** The extent without punctuation hanging at either end (into a gutter), where known. */
  cx0?: number;
  cx1?: number;
}

/** A gutter between columns is at least this many ems wide. */
const GUTTER_EM = 0.8;
/** A column is at least this many ems wide (a column of page numbers is not a text column). */
const MIN_COLUMN_EM = 4;
/** In a text column, most lines run (nearly) its full width. */
const FULL_LINE = 0.8;
const FULL_SHARE = 0.5;

/**
 * Reading order by recursive XY-cut: a region with a gutter running its full height is split
 * into columns, read left to right; otherwise it is split at the horizontal gap that lets a part
 * of it split into columns (a headline above the columns, a paragraph below them). What cannot
 * be cut is a leaf, read top to bottom. A cut is taken only into text columns, whose lines run
 * their width, so a ragged list of items side by side (a borderless table, page numbers of a
 * table of contents) keeps reading across.
 */
export function readingOrder<T extends Boxed>(items: readonly T[], separators: readonly Separator[] = []): T[][] {
  const leaves: T[][] = [];
  cut(items, separators, leaves, 0);
  return leaves;
}

/** A vertical rule drawn between columns (x, from y0 down to y1). */
export interface Separator {
  x0: number;
  y0: number;
  y1: number;
}

function cut<T extends Boxed>(items: readonly T[], separators: readonly Separator[], leaves: T[][], depth: number): void {
  if (items.length <= 1 || depth > 40) {
    if (items.length) leaves.push(sortTopDown(items));
    return;
  }
  const parts = ruledCut(items, separators) ?? columnsOf(items) ?? spanningSegments(items);
  if (parts) {
    for (const c of parts) cut(c, separators, leaves, depth + 1);
    return;
  }
  const bands = horizontalBands(items);
  if (bands.length > 1) {
    // Try the gaps from the top: split where the part below (or above) has columns.
    for (let i = 1; i < bands.length; i++) {
      const above = bands.slice(0, i).flat();
      const below = bands.slice(i).flat();
      if (columnsOf(below) || columnsOf(above)) {
        cut(above, separators, leaves, depth + 1);
        cut(below, separators, leaves, depth + 1);
        return;
      }
    }
  }
  leaves.push(sortTopDown(items));
}

/**
 * Column rules (a newspaper's lines between columns) say where the columns are: a rule running
 * the region's height splits it; one running part of it first cuts the region above and below
 * its ends. Items go by their centres.
 */
function ruledCut<T extends Boxed>(items: readonly T[], separators: readonly Separator[]): T[][] | null {
  if (!separators.length || items.length < 2) return null;
  const em = medianSize(items);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const it of items) {
    minX = Math.min(minX, it.x0);
    maxX = Math.max(maxX, it.x1);
    minY = Math.min(minY, it.y0);
    maxY = Math.max(maxY, it.y1);
  }
  const inside = separators.filter((r) => r.x0 > minX + em && r.x0 < maxX - em && r.y1 > minY + em && r.y0 < maxY - em);
  if (!inside.length) return null;
  const cy = (it: T) => (it.y0 + it.y1) / 2;
  const cx = (it: T) => (it.x0 + it.x1) / 2;
  const full = inside.filter((r) => r.y0 <= minY + em && r.y1 >= maxY - em);
  if (full.length) {
    const xs = [...new Set(full.map((r) => Math.round(r.x0)))].sort((a, b) => a - b);
    const groups: T[][] = xs.map(() => []).concat([[]]);
    for (const it of items) {
      let k = 0;
      while (k < xs.length && cx(it) > xs[k]!) k++;
      groups[k]!.push(it);
    }
    const nonEmpty = groups.filter((g) => g.length);
    return nonEmpty.length > 1 ? nonEmpty : null;
  }
  const r = inside.reduce((a, b) => (b.y1 - b.y0 > a.y1 - a.y0 ? b : a));
  const segments = [items.filter((it) => cy(it) < r.y0), items.filter((it) => cy(it) >= r.y0 && cy(it) <= r.y1), items.filter((it) => cy(it) > r.y1)].filter((g) => g.length);
  return segments.length > 1 ? segments : null;
}

/**
 * Where a few items run across gutters the rest keep (a masthead, a headline, a banner over the
 * columns), the region is cut above and below each of them: the stretches between are columns.
 * Returns the stretches top to bottom, or null when nothing runs across a gutter.
 */
function spanningSegments<T extends Boxed>(items: readonly T[]): T[][] | null {
  if (items.length < 6) return null;
  const gutters = gutterRuns(items, Math.max(1, Math.floor(0.1 * items.length)));
  if (!gutters.length) return null;
  const spans = (it: T) => gutters.some(([a, b]) => (it.cx0 ?? it.x0) < a && (it.cx1 ?? it.x1) > b);
  const bands = horizontalBands(items);
  // Consecutive bands that run across go together (a masthead, headline and deck; a banner over
  // columns of another width, which get their own gutters when that stretch is cut in turn).
  const segments: Array<{ spanning: boolean; items: T[] }> = [];
  for (const band of bands) {
    const spanning = band.some(spans);
    const last = segments[segments.length - 1];
    if (last && last.spanning === spanning) last.items.push(...band);
    else segments.push({ spanning, items: [...band] });
  }
  return segments.length > 1 ? segments.map((s) => s.items) : null;
}

/** Runs of x, inside the region and wide enough for a gutter, covered by at most `allowed` items. */
function gutterRuns(items: readonly Boxed[], allowed: number): Array<[number, number]> {
  const em = medianSize(items);
  let minX = Infinity;
  let maxX = -Infinity;
  for (const it of items) {
    minX = Math.min(minX, it.x0);
    maxX = Math.max(maxX, it.x1);
  }
  const origin = Math.floor(minX);
  const width = Math.ceil(maxX) - origin + 1;
  const cover = new Int32Array(width + 1);
  // Punctuation a line end lets hang into the gutter does not fill it.
  for (const it of items) {
    cover[Math.floor(it.cx0 ?? it.x0) - origin]! += 1;
    cover[Math.ceil(it.cx1 ?? it.x1) - origin]! -= 1;
  }
  for (let i = 1; i <= width; i++) cover[i]! += cover[i - 1]!;
  const runs: Array<[number, number]> = [];
  for (let i = 1; i < width; ) {
    if (cover[i]! > allowed) {
      i++;
      continue;
    }
    let j = i;
    while (j < width && cover[j]! <= allowed) j++;
    if (j < width && j - i >= GUTTER_EM * em) runs.push([origin + i, origin + j]);
    i = j;
  }
  return runs;
}

function sortTopDown<T extends Boxed>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/** Items grouped into bands separated by horizontal whitespace, top to bottom. */
function horizontalBands<T extends Boxed>(items: readonly T[]): T[][] {
  const sorted = [...items].sort((a, b) => a.y0 - b.y0);
  const bands: T[][] = [];
  let bottom = -Infinity;
  for (const it of sorted) {
    if (!bands.length || it.y0 > bottom + 0.5) bands.push([]);
    bands[bands.length - 1]!.push(it);
    bottom = Math.max(bottom, it.y1);
  }
  return bands;
}

/**
 * The region's text columns, left to right, or null when it has none to split into. Gutters are
 * found on the coverage of the items' boxes, with a little tolerance: a line whose punctuation
 * hangs into the gutter does not close it, a headline running across it does.
 */
function columnsOf<T extends Boxed>(items: readonly T[]): T[][] | null {
  if (items.length < 2) return null;
  const em = medianSize(items);
  // A gutter not run across by any item; a line whose punctuation hangs into it leaves it open.
  const cuts = gutterRuns(items, Math.floor(0.02 * items.length))
    .filter(([a, b]) => !items.some((it) => (it.cx0 ?? it.x0) < a && (it.cx1 ?? it.x1) > b))
    .map(([a, b]) => (a + b) / 2);
  if (!cuts.length) return null;
  const groups: T[][] = cuts.map(() => []).concat([[]]);
  for (const it of items) {
    const mid = (it.x0 + it.x1) / 2;
    let k = 0;
    while (k < cuts.length && mid > cuts[k]!) k++;
    groups[k]!.push(it);
  }
  const nonEmpty = groups.filter((g) => g.length);
  if (nonEmpty.length < 2) return null;
  for (const g of nonEmpty) {
    const x0 = Math.min(...g.map((i) => i.x0));
    const x1 = Math.max(...g.map((i) => i.x1));
    const w = x1 - x0;
    if (w < MIN_COLUMN_EM * em && !g.every((i) => i.table)) return null;
    const lines = g.filter((i) => !i.table);
    if (lines.length >= 3 && lines.filter((i) => i.x1 - i.x0 >= FULL_LINE * w).length < FULL_SHARE * lines.length) return null;
  }
  return nonEmpty;
}

function medianSize(items: readonly Boxed[]): number {
  const s = items.map((i) => i.size).sort((a, b) => a - b);
  return s[s.length >> 1] ?? 10;
}
