import type { SourceLine } from './decode/source-line.ts';
import { MappedString } from './mapped-string.ts';
import { parseNumbering, RUN_IN_ENUMERATION } from './numbering.ts';
import { endsSentence, visualWidth } from './width.ts';

/** A paragraph of normalised text: hard-wrapped lines joined back, with hints from its first line. */
export interface Paragraph {
  text: MappedString;
  /** Index of its first and last source line. */
  firstLine: number;
  lastLine: number;
  lineCount: number;
  mdHeading?: number;
  boldLead?: string;
  /** Printed width of its widest line, and the local column width around it. */
  maxWidth: number;
  columnWidth: number;
}

export interface Layout {
  /** True when the text was hard-wrapped at a column width (PDF extraction, newspaper columns). */
  wrapped: boolean;
  /** The modal line width in half-width units. */
  columnWidth: number;
}

/** Decide whether lines were hard-wrapped: many lines share one printed width. */
export function analyseLayout(lines: readonly SourceLine[], skip: ReadonlySet<number>): Layout {
  const counts = new Map<number, number>();
  let total = 0;
  lines.forEach((l, i) => {
    if (!l.text.length || skip.has(i)) return;
    const w = visualWidth(l.text.text);
    counts.set(w, (counts.get(w) ?? 0) + 1);
    total++;
  });
  let mode = 0;
  let best = 0;
  for (const w of counts.keys()) {
    // Score a width by the lines within ±3 of it: wrapped widths scatter with digits and Latin.
    let near = 0;
    for (let d = -3; d <= 3; d++) near += counts.get(w + d) ?? 0;
    if (near > best || (near === best && w > mode)) {
      best = near;
      mode = w;
    }
  }
  // Hard-wrapped lines at the column width mostly break mid-sentence; whole paragraphs that
  // happen to share a length end with a full stop. A handful of lines proves nothing.
  let nearMode = 0;
  let midSentence = 0;
  lines.forEach((l, i) => {
    if (!l.text.length || skip.has(i) || Math.abs(visualWidth(l.text.text) - mode) > 3) return;
    nearMode++;
    if (!endsSentence(l.text.text)) midSentence++;
  });
  const wrapped = total >= 8 && mode >= 16 && mode <= 120 && best / total >= 0.35 && midSentence / nearMode >= 0.6;
  return { wrapped, columnWidth: mode };
}

/**
 * Join hard-wrapped lines back into paragraphs. In wrapped text a paragraph's lines run to the
 * column width; a line that stops short ends its paragraph (or is a heading or a title), and a
 * line that ends a sentence well short of the column ends it too. Blank lines are not trusted:
 * PDF extraction often double-spaces every line. In unwrapped text each line is a paragraph,
 * except a long line broken mid-sentence (a page break in the source), which is joined to the next.
 */
export function buildParagraphs(lines: readonly SourceLine[], skip: ReadonlySet<number>, layout: Layout): Paragraph[] {
  const idx: number[] = [];
  lines.forEach((l, i) => {
    if (l.text.length && !skip.has(i)) idx.push(i);
  });
  const widths = idx.map((i) => visualWidth(lines[i]!.text.text));
  const localWidths = layout.wrapped ? localColumnWidths(widths, layout.columnWidth) : widths.map(() => layout.columnWidth);

  const paragraphs: Paragraph[] = [];
  let parts: MappedString[] = [];
  let start = 0;
  const flush = (endK: number) => {
    if (!parts.length) return;
    const first = lines[idx[start]!]!;
    let maxWidth = 0;
    for (let k = start; k <= endK; k++) maxWidth = Math.max(maxWidth, widths[k]!);
    paragraphs.push({
      text: joinWrapped(parts, lines[idx[start]!]!.leadingTab === true && parts.length > 1 ? '\t' : ''),
      firstLine: idx[start]!,
      lastLine: idx[endK]!,
      lineCount: endK - start + 1,
      ...(first.mdHeading ? { mdHeading: first.mdHeading } : {}),
      ...(first.boldLead ? { boldLead: first.boldLead } : {}),
      maxWidth,
      columnWidth: localWidths[start]!,
    });
    parts = [];
  };

  for (let k = 0; k < idx.length; k++) {
    const line = lines[idx[k]!]!;
    if (!parts.length) start = k;
    parts.push(line.text);
    const next = idx[k + 1] === undefined ? undefined : lines[idx[k + 1]!]!;
    let blankLinesBetween = 0;
    if (next) for (let j = idx[k]! + 1; j < idx[k + 1]!; j++) if (!skip.has(j)) blankLinesBetween++;
    const continues =
      next !== undefined &&
      (layout.wrapped
        ? wrappedContinues(line, widths[k]!, localWidths[k]!, next, widths[k + 1]!, k === start)
        : unwrappedContinues(line, widths[k]!, next, blankLinesBetween));
    if (!continues) flush(k);
  }
  return paragraphs;
}

function startsNewBlock(next: SourceLine): boolean {
  const t = next.text.text;
  return next.mdHeading !== undefined || parseNumbering(t) !== null || RUN_IN_ENUMERATION.test(t) || /^[□■●◆]/.test(t) || (next.cells?.length ?? 0) > 1;
}

function wrappedContinues(line: SourceLine, width: number, column: number, next: SourceLine, nextWidth: number, isFirst: boolean): boolean {
  const text = line.text.text;
  if (line.mdHeading !== undefined || TOC_ENTRY_END.test(text)) return false;
  // A number broken from its unit ("实施3" / "年来") always continues, however short the line.
  if (/\d$/.test(text) && /^[年月日号%％万亿千百个名人家所例次项倍岁元]/.test(next.text.text)) return true;
  const ends = endsSentence(text) || /[：:]$/.test(text);
  // A short line ends its paragraph: the column is never left half empty mid-paragraph.
  if (width < column * 0.8) return false;
  if (startsNewBlock(next) && ends) return false;
  // A title or banner: phrases separated by spaces, no punctuation, a little short of the column.
  if (width < column * 0.92 && /[\p{Script=Han}”]\s+[\p{Script=Han}“]/u.test(text) && !/[，。；、,]/.test(text)) return false;
  // A numbered heading that nearly fills its line: it continues when the next line finishes it
  // ("…，让" / "群众“托得上”。"), and ends when the next line starts body text. Body lines run to
  // the column, a heading line stops a few characters short, and body text starts indented.
  if (isFirst && parseNumbering(text) && !ends && !/[。；;]/.test(text)) {
    const stop = next.text.text.search(/[。；;]/);
    if (stop >= 0 && stop <= 14) return true;
    if (width <= column - 5 || (nextWidth <= column - 3 && nextWidth >= column - 8)) return false;
  }
  // A full line that ends a sentence could end the paragraph or not; lines a little short of the
  // column after a sentence end are paragraph ends (the first line of a paragraph is indented, so
  // it is allowed to be that short without ending).
  if (ends && width < column - (isFirst ? 6 : 3)) return false;
  return true;
}

function unwrappedContinues(line: SourceLine, width: number, next: SourceLine, blanks: number): boolean {
  const text = line.text.text;
  // Rows of a table whose cells were extracted one per line, each led by a tab, stay together.
  if (line.leadingTab && next.leadingTab && blanks === 0) return true;
  if (line.mdHeading !== undefined || startsNewBlock(next) || blanks > 2 || TOC_ENTRY_END.test(text)) return false;
  if ((line.cells?.length ?? 0) > 1) return false;
  // A long line that stops mid-sentence was broken by a page break or a converter.
  if (width < 48 || /[。！？!?；;：:…"”’」』)）】》]$/.test(text)) return false;
  const first = next.text.text[0] ?? '';
  return /[\p{Script=Han}\p{L}\p{N}“‘《（(]/u.test(first);
}

/** A table-of-contents line: dot leaders and a page number. */
const TOC_ENTRY_END = /(?:[.．。…·]{3,}\s*|\s{2,})\d{1,4}$/;

/**
 * Local column width: the 75th percentile of the widths of the neighbouring lines, so that a
 * narrow lead column or a photo caption on a newspaper page is judged against its own column.
 */
function localColumnWidths(widths: readonly number[], global: number): number[] {
  const out: number[] = [];
  const radius = 6;
  const window = new Float64Array(2 * radius + 1); // reused: this runs for every line
  for (let k = 0; k < widths.length; k++) {
    let n = 0;
    for (let j = Math.max(0, k - radius); j <= Math.min(widths.length - 1, k + radius); j++) {
      // Insertion sort into the window: thirteen numbers at most.
      let i = n++;
      const w = widths[j]!;
      while (i > 0 && window[i - 1]! > w) {
        window[i] = window[i - 1]!;
        i--;
      }
      window[i] = w;
    }
    const p75 = window[Math.floor((n - 1) * 0.75)]!;
    // Never trust a window wider than the page's column; a mostly short window (headings) falls back to it.
    out.push(p75 >= global * 0.3 ? Math.min(p75, global + 4) : global);
  }
  return out;
}

/** Join wrapped lines: no space between CJK characters; one space between two Latin words. */
export function joinWrapped(parts: readonly MappedString[], separator = ''): MappedString {
  if (parts.length === 1) return parts[0]!;
  if (separator) return MappedString.join(parts, separator);
  const pieces: MappedString[] = [];
  parts.forEach((p, i) => {
    if (i > 0) {
      const prev = pieces[pieces.length - 1]!.text;
      const a = prev[prev.length - 1] ?? '';
      const b = p.text[0] ?? '';
      if (/[A-Za-z]/.test(a) && /[A-Za-z]/.test(b)) pieces.push(MappedString.synthetic(' ', pieces[pieces.length - 1]!.rawEnd));
    }
    pieces.push(p);
  });
  return MappedString.concat(pieces);
}
