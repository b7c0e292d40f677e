import type { SourceLine } from '../decode/source-line.ts';
import { MappedString } from '../mapped-string.ts';
import type { Paragraph } from '../paragraphs.ts';
import { leadingPlaceName } from '../regions.ts';
import { sectionKindsOf } from '../segment/block-heading.ts';
import { visualWidth } from '../width.ts';
import type { CaseDraft, ShapeContext } from './shape.ts';
import { tidyTitle } from './region-title.ts';

/**
 * A table of cases, one a row, under a header that names its columns: 序号 | 地区 | 案例名称 |
 * 主要做法 | 工作成效 (a spreadsheet saved as text, a Word or web table). The header says which
 * cell is the title, the region, the unit and the part; the other cells are the case's text,
 * each under its column's name when that names a section (主要做法). A cell of several
 * paragraphs that the decoder put on lines after its row belongs to that row.
 */
const TITLE = /^(?:典型)?(?:案例|经验|项目|做法)(?:名称|题目|标题)$|^(?:名\s*称|标\s*题|题\s*目)$/;
const REGION = /^(?:所在)?(?:地区|地市|市州|省份|省市|区县|县区|城市|地\s*区)$/;
const UNIT = /单位(?:名称)?$/;
const PART = /^(?:案例)?(?:类别|类型|领域)$/;
const NUMBER = /^(?:序\s*号|编\s*号|no\.?)$/i;

/** A case's text must hold this much: a table of names only (a list of winners) is no table of cases. */
const MIN_TEXT = 30;

interface Columns {
  header: number;
  title: number;
  region: number;
  unit: number;
  part: number;
  names: string[];
}

interface TableRow {
  line: number;
  cells: readonly MappedString[];
  /** Paragraphs after the row up to the next one: a cell of several paragraphs. */
  after: Paragraph[];
}

/** The rows of a table of cases in the document, or null when it has none. */
export function caseTableRows(ctx: ShapeContext): { columns: Columns; rows: TableRow[] } | null {
  const columns = headerOf(ctx.lines);
  if (!columns) return null;
  const rows: TableRow[] = [];
  for (let i = columns.header + 1; i < ctx.lines.length; i++) {
    const cells = ctx.lines[i]!.cells;
    if (!cells || cells.length <= columns.title) continue;
    rows.push({ line: i, cells, after: [] });
  }
  if (!rows.length) return null;
  let k = 0;
  for (const p of ctx.paragraphs) {
    if (p.cells || p.role === 'table-row' || p.firstLine <= rows[0]!.line) continue;
    while (k + 1 < rows.length && rows[k + 1]!.line < p.firstLine) k++;
    rows[k]!.after.push(p);
  }
  const cases = rows.filter((r) => r.cells[columns.title]!.text.length >= 4 && textLength(r, columns) >= MIN_TEXT);
  return cases.length >= 2 && cases.length >= rows.length * 0.6 ? { columns, rows: cases } : null;
}

/** One case a row: its title, region, unit and part from their columns, its text from the rest. */
export function caseTableDrafts(ctx: ShapeContext): { title: string | null; cases: CaseDraft[] } | null {
  const table = caseTableRows(ctx);
  if (!table) return null;
  const { columns, rows } = table;
  const cases = rows.map((r): CaseDraft => {
    const cell = (k: number) => (k >= 0 ? r.cells[k]?.text.trim() || null : null);
    const title = tidyTitle(r.cells[columns.title]!.text);
    const unit = cell(columns.unit);
    const body: Paragraph[] = [];
    r.cells.forEach((c, k) => {
      if (!textColumn(columns, k) || !c.text.trim()) return;
      const name = columns.names[k]!;
      // The column's name stands over its text as the section's heading, when it names one.
      if (sectionKindsOf(name)) body.push(paragraph(MappedString.synthetic(name, c.rawStart), r.line));
      body.push(paragraph(c.trim(), r.line));
    });
    body.push(...r.after);
    return {
      title,
      region: cell(columns.region) ?? (unit ? leadingPlaceName(unit) : null) ?? leadingPlaceName(title),
      unit,
      part: cell(columns.part),
      titleSource: r.cells[columns.title]!,
      body,
      marks: unit ? [{ kind: 'attribution', text: unit }] : [],
    };
  });
  const before = ctx.paragraphs.find((p) => p.firstLine < columns.header && p.text.length >= 4 && p.text.length <= 60);
  return { title: before ? tidyTitle(before.text.text) : null, cases };
}

function headerOf(lines: readonly SourceLine[]): Columns | null {
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i]!.cells;
    if (!cells || cells.length < 3) continue;
    const names = cells.map((c) => c.text.replace(/\s+/g, ''));
    const title = names.findIndex((n) => TITLE.test(n));
    if (title < 0) continue;
    return { header: i, title, region: names.findIndex((n) => REGION.test(n)), unit: names.findIndex((n) => UNIT.test(n)), part: names.findIndex((n) => PART.test(n)), names };
  }
  return null;
}

function textColumn(c: Columns, k: number): boolean {
  return k !== c.title && k !== c.region && k !== c.unit && k !== c.part && !NUMBER.test(c.names[k] ?? '');
}

function textLength(r: TableRow, c: Columns): number {
  let n = r.after.reduce((s, p) => s + p.text.length, 0);
  r.cells.forEach((cell, k) => {
    if (textColumn(c, k)) n += cell.text.length;
  });
  return n;
}

function paragraph(text: MappedString, line: number): Paragraph {
  return { text, firstLine: line, lastLine: line, lineCount: 1, maxWidth: visualWidth(text.text), columnWidth: 0 };
}
