import type { InputDecoder } from './input-decoder.ts';
import { indentOf, splitRawLines, stripHtmlAndInvisibles } from './source-line.ts';

/** Plain text, as extracted from PDFs and web pages; always fits, as the fallback. */
export const plainTextDecoder: InputDecoder = {
  kind: 'plain-text',
  fit: () => 1,
  lines: (text) =>
    splitRawLines(text).map((raw) => {
      const clean = stripHtmlAndInvisibles(raw);
      return { text: clean.trim(), indent: indentOf(clean.text), ...(clean.text.startsWith('\t') ? { leadingTab: true } : {}) };
    }),
};
