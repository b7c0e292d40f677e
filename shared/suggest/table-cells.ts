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

/**
 * Two label cells as one name: "新生儿听力筛查" + "筛查率" → "新生儿听力筛查率" (the words they
 * share written once), "新生儿遗传代谢性疾病筛查" + "确诊病例治疗率" → run together.
 */
export function joinLabels(a: string, b: string): string {
  for (let k = Math.min(a.length, b.length); k >= 2; k--) if (a.endsWith(b.slice(0, k))) return a + b.slice(k);
  return a + b;
}

/** Numeric table cells keyed by the offset where their number starts. */
export function tableCells(text: string): Map<number, TableCell> {
  const cells = new Map<number, TableCell>();
  if (!text.includes('\t')) return cells;
  let years: number[] = [];
  // A row whose first label cell spans the rows below it (新生儿听力筛查 | 筛查率, then | 确诊病例治疗率):
  // those rows have one cell fewer, and their label is read under the spanning one.
  let group: { label: string; cells: number } | null = null;
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
    const labels = parts
      .slice(0, firstNumeric)
      .map((p) => p.text.trim())
      .filter(Boolean);
    const labelUnit = LABEL_UNIT.exec(labels.join(''))?.[1] ?? '';
    const names = labels.map((l) => l.replace(LABEL_UNIT, '').trim()).filter(Boolean);
    if (names.length >= 2) group = { label: names[0]!, cells: parts.length };
    else if (!(group && names.length === 1 && parts.length === group.cells - 1)) group = null;
    const under = names.length === 1 && group ? [group.label, names[0]!] : names;
    const metric = under.reduce((a, b) => (/[\p{Script=Han}]$/u.test(a) && /^[\p{Script=Han}]/u.test(b) ? joinLabels(a, b) : `${a} ${b}`));
    numeric.forEach((p, column) => {
      const m = NUMERIC_CELL.exec(p.text)!;
      const offset = p.at + p.text.indexOf(m[1]!);
      cells.set(offset, { value: Number(m[1]), unit: m[2] ?? labelUnit, metric, year: years[column] ?? null });
    });
  }
  return cells;
}
