import { emWidth } from './title-lines.ts';

/** Room a cell needs beside its text (its margins), in ems. */
const PADDING = 0.8;
/** Widths are handed out in steps of half an em. */
const STEP = 0.5;
/** A column this wide or narrower (ems, with its margins) is kept on one line when the table allows. */
const SHORT = 12;
/** How many steps ahead a column's gain is looked for. */
const LOOKAHEAD = 8;

/** The widest run a line breaker will not break: Latin words, numbers with their signs ("98.67%"). */
function unbreakable(cell: string): number {
  let widest = 0;
  for (const run of cell.match(/[\x21-\x7e\u00b7\u2030\uff05]+/g) ?? []) widest = Math.max(widest, emWidth(run));
  // An ideograph may end a line anywhere, but a column narrower than two never reads well.
  return Math.max(widest, 2);
}

/** Lines a cell's text takes in a column `width` ems wide (each of its own lines wrapped), at most: narrow characters are counted wide. */
export const linesIn = (cell: string, width: number) => cell.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((emWidth(line) - 1e-9) / Math.max(0.5, width - PADDING))), 0);

/**
 * Column widths, in ems, for a table set `totalEms` wide, fitted to what the columns hold: every
 * column starts at its narrowest (its longest number or word), and each half em left goes to the
 * column where it saves the most lines of its cells — so a column of long metric names
 * gets the room and a column of years or rates, or one mostly empty, keeps its one line. Room no
 * line needs goes to `grow` (an indicator table's metric), else to every column by its content.
 */
export function columnWidths(rows: readonly (readonly string[])[], totalEms: number, grow?: number): number[] {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  if (!columns) return [];
  const cells = (i: number) => rows.map((r) => r[i] ?? '');
  const natural = Array.from({ length: columns }, (_, i) => Math.max(...cells(i).map((c) => Math.max(...c.split('\n').map(emWidth)))) + PADDING);
  const widths = Array.from({ length: columns }, (_, i) => Math.min(natural[i]!, Math.max(...cells(i).map(unbreakable)) + PADDING));
  const sum = () => widths.reduce((a, b) => a + b, 0);
  if (sum() >= totalEms) return widths.map((w) => (w * totalEms) / sum());
  // The lines of all cells (not of rows, whose height is their tallest cell's): a column's saving
  // then counts whatever the other columns do, and widening one step at a time finds the widths
  // where no column can give room to another without costing more lines than it saves.
  // Short columns (a year, a value, a rate) first get all they need, narrowest first: a figure
  // broken over two lines reads worse than a long name wrapped once more.
  // The column that takes the room left keeps a third of the table for its names, at least.
  const reserve = grow !== undefined && grow < columns ? Math.min(natural[grow]!, totalEms / 3) - widths[grow]! : 0;
  for (const i of [...natural.keys()].filter((c) => c !== grow && natural[c]! <= SHORT).sort((a, b) => natural[a]! - natural[b]!)) {
    if (sum() - widths[i]! + natural[i]! + Math.max(0, reserve) <= totalEms) widths[i] = natural[i]!;
  }
  const height = () => rows.reduce((h, r) => h + r.reduce((n, c, i) => n + linesIn(c, widths[i]!), 0), 0);
  // Each round widens the column that saves the most lines per half em, looking a few steps
  // ahead: "2023年" in a column one em short saves nothing at the first step and a line at the second.
  for (;;) {
    const before = height();
    const budget = Math.floor((totalEms - sum()) / STEP + 1e-9);
    let best: { column: number; steps: number; rate: number } | null = null;
    for (let i = 0; i < (budget > 0 ? columns : 0); i++) {
      const start = widths[i]!;
      for (let k = 1; k <= Math.min(budget, LOOKAHEAD) && start + (k - 1) * STEP < natural[i]!; k++) {
        widths[i] = start + k * STEP;
        const rate = (before - height()) / k;
        if (rate > 0 && (!best || rate > best.rate)) best = { column: i, steps: k, rate };
      }
      widths[i] = start;
    }
    if (!best) break;
    widths[best.column]! += best.steps * STEP;
  }
  const room = totalEms - sum();
  if (room > 0) {
    if (grow !== undefined && grow < columns) widths[grow]! += room;
    else {
      const total = natural.reduce((a, b) => a + b, 0);
      for (let i = 0; i < columns; i++) widths[i]! += (room * natural[i]!) / total;
    }
  }
  return widths;
}
