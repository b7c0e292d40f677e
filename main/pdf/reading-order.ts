/** Anything with a box on the page: a fragment, or a whole table. */
export interface Boxed {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  size: number;
  /** A table takes no part in deciding columns' fullness. */
  table?: boolean;
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
export function readingOrder<T extends Boxed>(items: readonly T[]): T[][] {
  const leaves: T[][] = [];
  cut(items, leaves, 0);
  return leaves;
}

function cut<T extends Boxed>(items: readonly T[], leaves: T[][], depth: number): void {
  if (items.length <= 1 || depth > 40) {
    if (items.length) leaves.push(sortTopDown(items));
    return;
  }
  const columns = columnsOf(items);
  if (columns) {
    for (const c of columns) cut(c, leaves, depth + 1);
    return;
  }
  const bands = horizontalBands(items);
  if (bands.length > 1) {
    // Try the gaps from the top: split where the part below (or above) has columns.
    for (let i = 1; i < bands.length; i++) {
      const above = bands.slice(0, i).flat();
      const below = bands.slice(i).flat();
      if (columnsOf(below) || columnsOf(above)) {
        cut(above, leaves, depth + 1);
        cut(below, leaves, depth + 1);
        return;
      }
    }
  }
  leaves.push(sortTopDown(items));
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
  let minX = Infinity;
  let maxX = -Infinity;
  for (const it of items) {
    minX = Math.min(minX, it.x0);
    maxX = Math.max(maxX, it.x1);
  }
  const origin = Math.floor(minX);
  const width = Math.ceil(maxX) - origin + 1;
  const cover = new Int32Array(width + 1);
  for (const it of items) {
    cover[Math.floor(it.x0) - origin]! += 1;
    cover[Math.ceil(it.x1) - origin]! -= 1;
  }
  for (let i = 1; i <= width; i++) cover[i]! += cover[i - 1]!;
  const allowed = Math.floor(0.02 * items.length);
  const cuts: number[] = [];
  for (let i = 1; i < width; ) {
    if (cover[i]! > allowed) {
      i++;
      continue;
    }
    let j = i;
    while (j < width && cover[j]! <= allowed) j++;
    const a = origin + i;
    const b = origin + j;
    // A gutter inside the region, wide enough, and not run across by any item.
    if (j < width && b - a >= GUTTER_EM * em && !items.some((it) => it.x0 < a && it.x1 > b)) cuts.push((a + b) / 2);
    i = j;
  }
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
