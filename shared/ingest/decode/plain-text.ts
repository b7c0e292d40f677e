import type { InputDecoder } from './input-decoder.ts';
import { indentOf, splitRawLines, stripHtmlAndInvisibles, tabCells } from './source-line.ts';

/** Plain text, as extracted from PDFs and web pages; always fits, as the fallback. */
export const plainTextDecoder: InputDecoder = {
  kind: 'plain-text',
  fit: () => 1,
  lines: (text) =>
    splitRawLines(text).map((raw) => {
      const clean = stripHtmlAndInvisibles(raw);
      // A line of three or more tab-separated cells is a table row, even in a file that is mostly prose.
      const cells = (clean.text.match(/\t/g)?.length ?? 0) >= 2 ? tabCells(clean) : undefined;
      return { text: clean.trim(), indent: indentOf(clean.text), ...(clean.text.startsWith('\t') ? { leadingTab: true } : {}), ...(cells ? { cells } : {}) };
    }),
};
