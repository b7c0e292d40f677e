/**
 * Tables extracted into the text as tab-separated lines:
 *
 *   工作指标	2018年	2019年	2020年	2021年	2022年
 *   婚前医学检查率（%)	29.21	42.58	68.47	79.8	75	65
 *
 * A numeric cell carries no unit of its own; the row label names the metric and its unit, and a
 * header line of years dates the columns. Each numeric cell is an indicator.
 */
export interface TableCell {
  value: number;
  unit: string;
  metric: string;
  /** The year of the cell's column when a header of years precedes the row, else null. */
  year: number | null;
}

const NUMERIC_CELL = /^[\s$]*([0-9]+(?:\.[0-9]+)?)[\s$]*(%|％|‰)?[\s$]*$/;
const YEAR_CELL = /^[\s$]*((?:19|20)\d{2})[\s$]*年/;
const LABEL_UNIT = /[（(][\s$]*(%|％|‰|人|个|家|所|万元|元|岁|天|次|例)[\s$]*[)）]/;
/** A table row has at least this many numeric cells. */
const MIN_CELLS = 2;

/** Numeric table cells keyed by the offset where their number starts. */
export function tableCells(text: string): Map<number, TableCell> {
  const cells = new Map<number, TableCell>();
  if (!text.includes('\t')) return cells;
  let years: number[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const start = lineStart;
    lineStart += line.length + 1;
    if (!line.includes('\t')) continue;
    const parts: Array<{ text: string; at: number }> = [];
    let at = start;
    for (const p of line.split('\t')) {
      parts.push({ text: p, at });
      at += p.length + 1;
    }
    const headerYears = parts.map((p) => YEAR_CELL.exec(p.text)).filter((m): m is RegExpExecArray => m !== null);
    if (headerYears.length >= MIN_CELLS) {
      years = headerYears.map((m) => Number(m[1]));
      continue;
    }
    const firstNumeric = parts.findIndex((p) => NUMERIC_CELL.test(p.text));
    if (firstNumeric <= 0) continue;
    const numeric = parts.slice(firstNumeric).filter((p) => NUMERIC_CELL.test(p.text));
    if (numeric.length < MIN_CELLS) continue;
    const label = parts
      .slice(0, firstNumeric)
      .map((p) => p.text.trim())
      .filter(Boolean)
      .join(' ');
    const labelUnit = LABEL_UNIT.exec(label)?.[1] ?? '';
    const metric = label.replace(LABEL_UNIT, '').trim();
    numeric.forEach((p, column) => {
      const m = NUMERIC_CELL.exec(p.text)!;
      const offset = p.at + p.text.indexOf(m[1]!);
      cells.set(offset, { value: Number(m[1]), unit: m[2] ?? labelUnit, metric, year: years[column] ?? null });
    });
  }
  return cells;
}
