import type { TaggedSection } from '../model/review.ts';

/**
 * A case's text as the blocks a printed case is made of: headings at their levels, paragraphs,
 * and tables. The loader keeps a source table's rows as lines of tab-separated cells; consecutive
 * rows make one table, so a table in the source stays a table in the draft. Shared by the DOCX and
 * Markdown renderers.
 */
export type Block = { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

export interface BlockSource {
  text: string;
  sections: readonly TaggedSection[];
}

/** A line of tab-separated cells, at least two of them not empty. */
export function tableRow(line: string): string[] | null {
  if (!line.includes('\t')) return null;
  const cells = line.split('\t').map((c) => c.trim());
  return cells.filter(Boolean).length >= 2 ? cells : null;
}

export function caseBlocks(c: BlockSource): Block[] {
  const blocks: Block[] = [];
  const starts = new Map(c.sections.map((s) => [s.start, s]));
  let at = 0;
  for (const line of c.text.split('\n')) {
    const s = starts.get(at);
    const row = tableRow(line);
    const last = blocks[blocks.length - 1];
    // A heading that is its whole line (a final mark aside), not one running into its paragraph.
    if (s && s.headingEnd - s.start >= line.length - 1) blocks.push({ kind: 'heading', level: s.level, text: line.trim() });
    else if (row) {
      if (last?.kind === 'table') last.rows.push(row);
      else blocks.push({ kind: 'table', rows: [row] });
    } else if (line.trim()) blocks.push({ kind: 'paragraph', text: line.trim() });
    at += line.length + 1;
  }
  return blocks.map((b) => (b.kind === 'table' ? { kind: 'table', rows: squareRows(b.rows) } : b));
}

/** Rows padded to the widest row, so every row has a cell for every column. */
function squareRows(rows: string[][]): string[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r));
}
