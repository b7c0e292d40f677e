import { tableRow } from '../../../shared/compendium/blocks.ts';
import type { TaggedSection } from '../../../shared/model/review.ts';

/** A paragraph of the case text as the reader lays it out, with the heading it starts with, if any. */
export interface ReaderParagraph {
  start: number;
  text: string;
  /** Length of a section heading at the paragraph's start (run-in headings are shorter than it). */
  headingLength: number;
  headingLevel: number;
  sectionIndex: number;
  /**
   * A row of a source table (the loader keeps one as a line of tab-separated cells): its cells as
   * written, untrimmed, so that the cells and the tabs between them are the line's text exactly.
   */
  cells?: string[];
}

/** Consecutive paragraphs as the reader shows them: a paragraph, or the rows of one table. */
export type ReaderBlock = { kind: 'paragraph'; paragraph: ReaderParagraph } | { kind: 'table'; rows: ReaderParagraph[]; columns: number };

/** A table's first row heads it when it holds no figures (years aside): 工作指标 | 2018年 | … */
export const headsTable = (row: ReaderParagraph) => !(row.cells ?? []).some((c) => /^\s*[\d.,]+\s*[%％‰]?\s*$/.test(c));

export function readerBlocks(paragraphs: readonly ReaderParagraph[]): ReaderBlock[] {
  const blocks: ReaderBlock[] = [];
  for (const p of paragraphs) {
    const last = blocks[blocks.length - 1];
    if (!p.cells) blocks.push({ kind: 'paragraph', paragraph: p });
    else if (last?.kind === 'table') {
      last.rows.push(p);
      last.columns = Math.max(last.columns, p.cells.length);
    } else blocks.push({ kind: 'table', rows: [p], columns: p.cells.length });
  }
  return blocks;
}

export function layoutParagraphs(text: string, sections: readonly TaggedSection[]): ReaderParagraph[] {
  const out: ReaderParagraph[] = [];
  let start = 0;
  const byStart = new Map(sections.map((s, i) => [s.start, i]));
  for (const p of text.split('\n')) {
    const si = byStart.get(start);
    const s = si === undefined ? undefined : sections[si];
    const row = !s && tableRow(p) ? p.split('\t') : undefined;
    out.push({
      start,
      text: p,
      headingLength: s ? Math.min(p.length, Math.max(0, s.headingEnd - s.start)) : 0,
      headingLevel: s?.level ?? 0,
      sectionIndex: si ?? -1,
      ...(row ? { cells: row } : {}),
    });
    start += p.length + 1;
  }
  return out;
}
