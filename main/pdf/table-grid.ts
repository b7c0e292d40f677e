import type { Glyph, Rule } from './page-glyphs.ts';

/** A table found from its ruled grid: rows of cells, each cell's glyphs in reading order. */
export interface GridTable {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  rows: Array<{ y0: number; y1: number; cells: Glyph[][] }>;
}

const TOUCH = 2.5;
const MERGE = 2;

/**
 * Tables drawn with borders: connected sets of horizontal and vertical rules that form a grid of
 * at least two rows and two columns. Each row band is cut into cells by the vertical rules that
 * cross it (so merged cells stay one cell), and every glyph goes to the cell its centre is in.
 * A box drawn round a paragraph (one cell) is not a table.
 */
export function findGridTables(page: number, rules: readonly Rule[], glyphs: readonly Glyph[]): GridTable[] {
  const horizontal = rules.filter((r) => r.y0 === r.y1);
  const vertical = rules.filter((r) => r.x0 === r.x1);
  if (horizontal.length < 2 || vertical.length < 2) return [];
  // Union-find over rules that touch.
  const all = [...horizontal, ...vertical];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < horizontal.length; i++) {
    const h = horizontal[i]!;
    for (let j = 0; j < vertical.length; j++) {
      const v = vertical[j]!;
      if (v.x0 >= h.x0 - TOUCH && v.x0 <= h.x1 + TOUCH && h.y0 >= v.y0 - TOUCH && h.y0 <= v.y1 + TOUCH) parent[find(i)] = find(horizontal.length + j);
    }
  }
  const components = new Map<number, Rule[]>();
  all.forEach((r, i) => components.set(find(i), [...(components.get(find(i)) ?? []), r]));
  const tables: GridTable[] = [];
  for (const set of components.values()) {
    const hs = set.filter((r) => r.y0 === r.y1);
    const vs = set.filter((r) => r.x0 === r.x1);
    const ys = mergeValues(hs.map((r) => r.y0));
    if (ys.length < 3 && mergeValues(vs.map((r) => r.x0)).length < 3) continue;
    if (ys.length < 2) continue;
    const x0 = Math.min(...hs.map((r) => r.x0));
    const x1 = Math.max(...hs.map((r) => r.x1));
    const rows: GridTable['rows'] = [];
    for (let i = 0; i + 1 < ys.length; i++) {
      const top = ys[i]!;
      const bottom = ys[i + 1]!;
      if (bottom - top < 3) continue;
      const mid = (top + bottom) / 2;
      const xs = mergeValues(vs.filter((v) => v.y0 <= mid && v.y1 >= mid).map((v) => v.x0));
      if (xs.length < 2) continue;
      const cells: Glyph[][] = xs.slice(1).map(() => []);
      for (const g of glyphs) {
        const cy = g.y + g.h / 2;
        const cx = g.x + g.w / 2;
        if (cy < top || cy > bottom || cx < xs[0]! || cx > xs[xs.length - 1]!) continue;
        let c = 0;
        while (c + 2 < xs.length && cx > xs[c + 1]!) c++;
        cells[c]!.push(g);
      }
      rows.push({ y0: top, y1: bottom, cells });
    }
    const maxCells = Math.max(0, ...rows.map((r) => r.cells.length));
    if (rows.length < 2 && maxCells < 2) continue;
    if (maxCells < 2) continue; // a stack of boxed paragraphs, not a table
    tables.push({ page, x0, y0: ys[0]!, x1, y1: ys[ys.length - 1]!, rows });
  }
  return tables;
}

function mergeValues(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (!out.length || v - out[out.length - 1]! > MERGE) out.push(v);
  return out;
}

export function insideTable(t: GridTable, g: { x: number; y: number; w: number; h: number }): boolean {
  const cx = g.x + g.w / 2;
  const cy = g.y + g.h / 2;
  return cx >= t.x0 - 1 && cx <= t.x1 + 1 && cy >= t.y0 - 1 && cy <= t.y1 + 1;
}
