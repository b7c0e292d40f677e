import type { InputDecoder } from './input-decoder.ts';
import { indentOf, splitRawLines, stripHtmlAndInvisibles, tabCells } from './source-line.ts';

/** Tables extracted from PDFs or spreadsheets as tab-separated rows; cells keep their source map. */
export const tabSeparatedDecoder: InputDecoder = {
  kind: 'tab-separated',
  fit(file, text) {
    if (/\.(tsv|tab)$/i.test(file)) return 10;
    const sample = text.slice(0, 200_000);
    // No tab, no table: said without splitting the text into lines.
    if (!sample.includes('\t')) return 0;
    const lines = sample.split(/\r?\n/).filter((l) => l.trim());
    if (lines.length < 3) return 0;
    const tabbed = lines.filter((l) => (l.match(/\t/g)?.length ?? 0) >= 2).length;
    return tabbed / lines.length >= 0.3 ? 6 : 0;
  },
  lines: (text) =>
    splitRawLines(text).map((raw) => {
      const clean = stripHtmlAndInvisibles(raw);
      return { text: clean.trim(), indent: indentOf(clean.text), cells: tabCells(clean) };
    }),
};
