import { AlignmentType, BorderStyle, HeightRule, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import type { IndicatorTable } from '../../shared/compendium/indicator-table.ts';
import { columnWidths, linesIn } from '../../shared/compendium/table-widths.ts';
import { SIZE, TABLE_LINE, TEXT_WIDTH } from './compendium-docx-style.ts';
import { para } from './compendium-docx-paragraph.ts';

const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE };
/** Cell margins: a little over a quarter of a character each side, and a point and a half above and below. */
const CELL_MARGIN = 80;
const CELL_PAD = 30;
/** What a row has beside its lines: its margins above and below, its rules, and two points to spare. */
const ROW_EXTRA = 2 * CELL_PAD + 40;
const NUMERIC = /^[\d.,%‰\s约近超过余多以上左右万亿千年（）()＋+\-—~～]+$/;

/**
 * A table set the width of the text, each column as wide as its content needs (`columnWidths`):
 * the header row repeated on each page it runs onto, rows kept whole, figures centred and text
 * ranged left. `grow` names the column that takes the room left (an indicator's metric).
 */
export function printedTable(rows: readonly (readonly string[])[], grow?: number): Table {
  const emTwips = SIZE.小四 * 20;
  const ems = columnWidths(rows, TEXT_WIDTH / emTwips, grow);
  const widths = ems.map((w) => Math.floor(w * emTwips));
  // An indicator table ranges its metrics left and centres the rest; a source table centres its figures.
  const centred = (i: number, line: string) => (grow !== undefined ? i !== grow : NUMERIC.test(line));
  // The last rows go over to a new page together, not one alone under a repeated header: the rows
  // before the last two keep with the next (the header row does, by its style).
  const keep = (r: number) => r > 0 && r >= rows.length - 3 && r < rows.length - 1;
  const cell = (text: string, head: boolean, width: number, i: number, keepNext = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: CELL_PAD, bottom: CELL_PAD },
      children: text
        .split('\n')
        .map((line) => para({ style: head ? 'TableHead' : 'TableText', alignment: head || centred(i, line) ? AlignmentType.CENTER : AlignmentType.LEFT, ...(keepNext ? { keepNext: true } : {}), text: line })),
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          // As tall as its tallest cell would be with every narrow character counted wide: both Word
          // and LibreOffice then give it exactly this height (theirs is never more), so they
          // paginate a long table alike and the table of contents' page numbers hold in both.
          height: { value: Math.max(...row.map((text, i) => linesIn(text, ems[i]!))) * TABLE_LINE + ROW_EXTRA, rule: HeightRule.ATLEAST },
          children: row.map((text, i) => cell(text, r === 0, widths[i]!, i, keep(r))),
        }),
    ),
  });
}

/** A case's indicator table: the header, then a row per figure; the metric column takes the room left. */
export function indicatorDocxTable(table: IndicatorTable): Table {
  return printedTable([table.columns.map((c) => c.title), ...table.rows], 0);
}
