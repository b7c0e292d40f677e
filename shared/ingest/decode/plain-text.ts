import type { MappedString } from '../mapped-string.ts';
import type { InputDecoder } from './input-decoder.ts';
import { indentOf, splitRawLines, stripHtmlAndInvisibles, tabCells } from './source-line.ts';

/**
 * A row of a table laid out with spaces (pdftotext -layout): three or more fields apart by runs of
 * two spaces or more, the first short (a number, a province). Prose never has such gaps.
 */
function spacedCells(line: MappedString): MappedString[] | undefined {
  const text = line.text;
  const start = text.length - text.trimStart().length;
  // (Most lines have no double space: the regex, which backtracks over the line, is not run on them.)
  if ((!text.includes('  ') && !text.includes('\u3000\u3000')) || !/\S(?: {2,}|\u3000{2,})\S.*\S(?: {2,}|\u3000{2,})\S/.test(text)) return undefined;
  const cells: MappedString[] = [];
  let at = start;
  for (const m of text.slice(start).matchAll(/ {2,}|\u3000{2,}/g)) {
    cells.push(line.slice(at, start + m.index).trim());
    at = start + m.index + m[0].length;
  }
  cells.push(line.slice(at).trim());
  return cells.length >= 3 && cells[0]!.length <= 12 ? cells : undefined;
}

/** Plain text, as extracted from PDFs and web pages; always fits, as the fallback. */
export const plainTextDecoder: InputDecoder = {
  kind: 'plain-text',
  fit: () => 1,
  lines: (text) =>
    splitRawLines(text).map((raw) => {
      const clean = stripHtmlAndInvisibles(raw);
      // A line of three or more tab-separated cells is a table row, even in a file that is mostly prose.
      const tab = clean.text.indexOf('\t');
      const cells = tab !== -1 && clean.text.indexOf('\t', tab + 1) !== -1 ? tabCells(clean) : spacedCells(clean);
      return { text: clean.trim(), indent: indentOf(clean.text), ...(clean.text.startsWith('\t') ? { leadingTab: true } : {}), ...(cells ? { cells } : {}) };
    }),
};
