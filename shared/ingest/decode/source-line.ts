import { MappedString } from '../mapped-string.ts';

/**
 * What a block is, where the input says so (Word and HTML markup, PDF layout). Text inputs say
 * nothing; the pipeline infers roles from the text itself.
 */
export type BlockRole = 'heading' | 'list-item' | 'table-row' | 'caption' | 'byline';

/**
 * Typography, where the input has it: Word styles and runs, HTML tags, PDF fonts. Sizes are in
 * points; the pipeline compares them with the document's body size, never with fixed values.
 */
export interface LineStyle {
  /** Font size in points (PDF: the line's dominant glyph size). */
  fontSize?: number;
  /** Font family as named in the file ("FangSong_GB2312", "SimHei", "KaiTi"). */
  fontFamily?: string;
  /** The whole line is bold (a bold lead is `boldLead`). */
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Text colour as #rrggbb, where the input has one other than black (headings in colour). */
  color?: string;
}

/** One line of a source after its input decoder removed the markup, with hints the markup gave. */
export interface SourceLine {
  text: MappedString;
  /** Markdown heading level (1 for "#") when the line was a Markdown heading. */
  mdHeading?: number;
  /** The bold lead of the line ("**一是**…"), a common run-in heading marker. */
  boldLead?: string;
  /** Cells of a tab-separated row, trimmed. */
  cells?: MappedString[];
  /** The raw line began with a tab: a table cell, in text extracted from PDF tables. */
  leadingTab?: boolean;
  /** Count of leading spaces (an ideographic space counts 2), before trimming. */
  indent: number;
  /**
   * The decoder knows this line is a whole block (a Word or HTML paragraph, a paragraph a PDF's
   * geometry rebuilt): the line joiner never joins it with its neighbours.
   */
  closed?: boolean;
  role?: BlockRole;
  style?: LineStyle;
  /** 1-based page number, where the input has pages (PDF). */
  page?: number;
}

/** Split decoded text into raw lines (LF, CRLF or CR), each mapped back to the text. */
export function splitRawLines(raw: string): MappedString[] {
  const lines: MappedString[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    lines.push(MappedString.fromRaw(raw, start, m.index));
    start = m.index + m[0].length;
  }
  lines.push(MappedString.fromRaw(raw, start, raw.length));
  return lines;
}

export function indentOf(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (ch === ' ' || ch === '\u00a0') n += 1;
    else if (ch === '\u3000') n += 2;
    else if (ch === '\t') n += 4;
    else break;
  }
  return n;
}

// Zero-width space, non-joiner, word joiner and BOM: listed as alternatives, since the joiners
// are not allowed to stand next to each other in a character class. The zero-width joiner is
// dropped only where it joins nothing: between two emoji it makes one (👨‍👩‍👧), and is kept.
const INVISIBLE = /\u200b|\u200c|\u200d|\u2060|\ufeff/;
const INVISIBLES = /\u200b|\u200c|(?<!\p{Extended_Pictographic}\ufe0f?)\u200d|\u200d(?!\p{Extended_Pictographic})|\u2060|\ufeff/gu;

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

/** Remove zero-width characters and the BOM (keeping the joiner inside emoji sequences). */
export function stripInvisibles(line: MappedString): MappedString {
  return INVISIBLE.test(line.text) ? line.replace(INVISIBLES, '') : line;
}

/**
 * Remove what web pages and converters leave in text: HTML tags (`<p>`, `<br/>`, `<span …>`),
 * character entities, zero-width characters and the BOM. Full-width punctuation is kept as it is.
 */
export function stripHtmlAndInvisibles(line: MappedString): MappedString {
  let out = line;
  if (out.text.includes('<')) out = out.replace(/<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/g, '');
  if (out.text.includes('&')) out = out.replace(/&(?:nbsp|amp|lt|gt|quot|apos|#39);/g, (m) => ENTITIES[m] ?? m);
  if (INVISIBLE.test(out.text)) out = out.replace(INVISIBLES, '');
  return out;
}

/** The tab-separated cells of a line, trimmed, each mapped to the source. */
export function tabCells(line: MappedString): MappedString[] {
  const cells: MappedString[] = [];
  let start = 0;
  for (let i = 0; i <= line.text.length; i++) {
    if (i === line.text.length || line.text[i] === '\t') {
      cells.push(line.slice(start, i).trim());
      start = i + 1;
    }
  }
  return cells;
}
