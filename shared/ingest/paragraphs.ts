import type { BlockRole, LineStyle, SourceLine } from './decode/source-line.ts';
import { attribution, caseMarker, isBareFormLabel, isDateline } from './cues.ts';
import { sectionKindsOf } from './segment/block-heading.ts';
import { boundaryKind } from './segment/document-starts.ts';
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
  /** What the input said of its first line: role, typography, page, table cells, indentation. */
  role?: BlockRole;
  style?: LineStyle;
  page?: number;
  cells?: MappedString[];
  indent?: number;
}

export interface Layout {
  /** True when the text was hard-wrapped at a column width (PDF extraction, newspaper columns). */
  wrapped: boolean;
  /** The modal line width in half-width units. */
  columnWidth: number;
  /**
   * Paragraphs start with an indent (two ideographic spaces, four spaces) and their other lines
   * do not: an indented line then always starts a block.
   */
  indentedParagraphs: boolean;
  /** The indent most lines have (pdftotext -layout keeps the page margin as spaces). */
  baseIndent: number;
  /**
   * Blank lines between paragraphs only: a blank line then ends a block. When every line is
   * followed by one (double-spaced extraction) they say nothing.
   */
  blankLinesSeparate: boolean;
}

const lineWidths = new WeakMap<readonly SourceLine[], Float64Array>();
/**
 * The printed width of every line, measured once per list of lines: layout analysis and joining
 * both ask of every line, several times.
 */
function widthsOf(lines: readonly SourceLine[]): Float64Array {
  let w = lineWidths.get(lines);
  if (!w) {
    w = new Float64Array(lines.length);
    for (let i = 0; i < lines.length; i++) w[i] = visualWidth(lines[i]!.text.text);
    lineWidths.set(lines, w);
  }
  return w;
}

/** Decide whether lines were hard-wrapped: many lines share one printed width. */
export function analyseLayout(lines: readonly SourceLine[], skip: ReadonlySet<number>): Layout {
  const counts = new Map<number, number>();
  let total = 0;
  const width = widthsOf(lines);
  // Headings say nothing of a column width: numbered ones and section names are left out, so a
  // text of short headings and one-line paragraphs is not taken for a narrow column.
  const measured = lines.map((l, i) => l.text.length > 0 && !skip.has(i) && !parseNumbering(l.text.text) && !isSectionHeadingLine(l.text.text));
  lines.forEach((_l, i) => {
    if (!measured[i]) return;
    const w = width[i]!;
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
  // Lines of running text carry clause punctuation; a mode made of title-like phrases is no column.
  let punctuated = 0;
  lines.forEach((l, i) => {
    if (!measured[i] || Math.abs(width[i]! - mode) > 3) return;
    nearMode++;
    if (!endsSentence(l.text.text)) midSentence++;
    if (/[，、；：。,;]/.test(l.text.text)) punctuated++;
  });
  // A short text proves less: then at least three lines must run to the same full width and
  // stop mid-sentence there.
  let full = 0;
  if (total < 8) {
    let max = 0;
    lines.forEach((l, i) => {
      if (l.text.length && !skip.has(i)) max = Math.max(max, width[i]!);
    });
    lines.forEach((l, i) => {
      if (l.text.length && !skip.has(i) && width[i]! >= max - 1 && !endsSentence(l.text.text)) full++;
    });
  }
  const enough = total >= 8 ? best / total >= 0.3 : full >= 3;
  const wrapped = enough && mode >= 16 && mode <= 200 && midSentence / Math.max(1, nearMode) >= 0.6 && punctuated / Math.max(1, nearMode) >= 0.5;
  return { wrapped, columnWidth: mode, ...indentation(lines, skip), blankLinesSeparate: blankLinesSeparate(lines, skip, mode) };
}

/**
 * Whether indents mark paragraph starts: enough lines are indented beyond the common margin, and
 * the line before an indented one mostly ends a sentence or is short (a paragraph's last line).
 */
function indentation(lines: readonly SourceLine[], skip: ReadonlySet<number>): { indentedParagraphs: boolean; baseIndent: number } {
  const counts = new Map<number, number>();
  let total = 0;
  lines.forEach((l, i) => {
    if (!l.text.length || skip.has(i)) return;
    counts.set(l.indent, (counts.get(l.indent) ?? 0) + 1);
    total++;
  });
  let baseIndent = 0;
  let best = 0;
  for (const [indent, n] of counts) if (n > best || (n === best && indent < baseIndent)) [baseIndent, best] = [indent, n];
  let indented = 0;
  let afterEnd = 0;
  const width = widthsOf(lines);
  let prev = -1;
  lines.forEach((l, i) => {
    if (!l.text.length || skip.has(i)) return;
    if (l.indent >= baseIndent + 2 && prev >= 0) {
      indented++;
      const before = lines[prev]!.text.text;
      if (endsSentence(before) || /[：:]$/.test(before) || width[prev]! < 24) afterEnd++;
    }
    prev = i;
  });
  return { indentedParagraphs: total >= 8 && indented / total >= 0.06 && indented / total <= 0.9 && afterEnd / Math.max(1, indented) >= 0.6, baseIndent };
}

/**
 * True when blank lines stand between some lines but not between most, and the line before a
 * blank mostly finishes something (a sentence, a heading): they separate paragraphs. Blank lines
 * a page or column break left mid-sentence (newspapers) say nothing.
 */
function blankLinesSeparate(lines: readonly SourceLine[], skip: ReadonlySet<number>, column: number): boolean {
  let pairs = 0;
  let separated = 0;
  let finished = 0;
  let last = -1;
  lines.forEach((l, i) => {
    if (!l.text.length || skip.has(i)) return;
    if (last >= 0) {
      pairs++;
      for (let j = last + 1; j < i; j++) {
        if (!skip.has(j)) {
          separated++;
          const prev = lines[last]!.text.text;
          if (endsSentence(prev) || /[：:]$/.test(prev) || widthsOf(lines)[last]! < column * 0.8) finished++;
          break;
        }
      }
    }
    last = i;
  });
  return pairs >= 4 && separated / pairs >= 0.03 && separated / pairs <= 0.6 && finished / Math.max(1, separated) >= 0.8;
}

/**
 * Join hard-wrapped lines back into paragraphs. In wrapped text a paragraph's lines run to the
 * column width; a line that stops short ends its paragraph (or is a heading or a title), and a
 * line that ends a sentence well short of the column ends it too. Blank lines are not trusted:
 * PDF extraction often double-spaces every line. In unwrapped text each line is a paragraph,
 * except a long line broken mid-sentence (a page break in the source), which is joined to the next.
 */
/**
 * `listed`: whether a text is a title the document's table of contents lists (its key, see
 * titleKey): a title broken over two lines in the body is joined when only the two together are
 * a listed one.
 */
export function buildParagraphs(lines: readonly SourceLine[], skip: ReadonlySet<number>, layout: Layout, listed?: (text: string) => boolean): Paragraph[] {
  const idx: number[] = [];
  lines.forEach((l, i) => {
    if (l.text.length && !skip.has(i)) idx.push(i);
  });
  const lineWidth = widthsOf(lines);
  // A line's width on the page: its indent takes part of the column (an indented first line
  // that runs to the column is full, however few characters it holds).
  const widths = idx.map((i) => lineWidth[i]! + Math.max(0, lines[i]!.indent - layout.baseIndent));
  // What each line says by itself, read once: the joiner asks of every line twice.
  const cues = new Map<SourceLine, LineCues>();
  for (const i of idx) cues.set(lines[i]!, lineCues(lines[i]!.text.text));
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
      ...(first.role ? { role: first.role } : {}),
      ...(first.style ? { style: first.style } : {}),
      ...(first.page !== undefined ? { page: first.page } : {}),
      ...(first.cells && first.cells.length > 1 ? { cells: first.cells } : {}),
      indent: Math.max(0, first.indent - layout.baseIndent),
    });
    parts = [];
  };

  /**
   * A title under a case marker, or under the short unit line beneath one: a phrase with no clause
   * punctuation, over body text, ends its block there, however near the column it runs (a wrapped
   * text with no blank lines and no indent says nothing else).
   */
  const titleUnderMarker = (k: number, partCount: number, next: SourceLine): boolean => {
    if (partCount !== 1 || k === 0) return false;
    const text = lines[idx[k]!]!.text.text;
    if (text.length < 4 || text.length > 60 || /[，。；]/.test(text)) return false;
    // Body text under it: a line with clause punctuation (an enumeration comma, under a line short
    // of the column: a title's second line may hold one), or a full line under one a little short.
    const column = localWidths[k]!;
    const body = /[，。；]/.test(next.text.text) || (widths[k]! <= column - 2 && /、/.test(next.text.text));
    if (!body && !(widths[k]! <= column - 4 && widths[k + 1]! >= column * 0.9)) return false;
    const prev = lines[idx[k - 1]!]!;
    if (cues.get(prev)!.marker) return true;
    return k >= 2 && cues.get(lines[idx[k - 2]!]!)!.marker && prev.text.length <= 16 && !/[，。；]/.test(prev.text.text);
  };

  /**
   * "典型案例01｜石家庄市坚持医防协同、防治康" over "管并举推进实施糖尿病防治行动": a marker whose title a wrap
   * cut runs on to the next line when that line is the title's short end, not a heading or body.
   */
  const markerTitleRunsOn = (k: number, partCount: number, next: SourceLine): boolean => {
    // The marker's line, or the title's second line under it (a title over three lines).
    if (partCount > 2 || !cues.get(lines[idx[k - partCount + 1]!]!)!.markerTitle || next.closed) return false;
    if (partCount === 2 && /[，。；]/.test(lines[idx[k]!]!.text.text)) return false;
    // Wrapped: nearly full (a wrap breaks before a word or a quote, a little short of the column).
    if (widths[k]! < localWidths[k]! * 0.8) return false;
    const there = cues.get(next)!;
    if (there.unit || there.sectionHeading || there.numbering || there.dateline || next.mdHeading !== undefined) return false;
    // An indented line starts the body.
    if (next.indent >= layout.baseIndent + 2) return false;
    const shortEnd = (j: number) => j < idx.length && widths[j]! < localWidths[k]! * 0.8 && !/[，。；]/.test(lines[idx[j]!]!.text.text);
    // The title's short end next, or (a title over three lines) a full line, then its short end.
    return !/[，。；]/.test(next.text.text) && (shortEnd(k + 1) || (partCount === 1 && shortEnd(k + 2)));
  };

  /**
   * "2．新乡市：建立社会心理服务体系 推进社" over "健康和谐发展", then "一、工作背景": a numbered title
   * whose short end the wrap put on the next line, just over the case's first section heading or
   * its attribution.
   */
  const headingEndsNext = (k: number, partCount: number, next: SourceLine): boolean => {
    const here = cues.get(lines[idx[k]!]!)!;
    if (partCount !== 1 || !here.numbering || here.sectionHeading || /[。；;！？]/.test(lines[idx[k]!]!.text.text) || next.closed) return false;
    if (widths[k]! < localWidths[k]! * 0.8 || widths[k + 1]! >= localWidths[k]! * 0.6 || /[，。；、]/.test(next.text.text)) return false;
    const there = cues.get(next)!;
    if (there.unit || there.sectionHeading || there.numbering || next.indent >= layout.baseIndent + 2) return false;
    const after = k + 2 < idx.length ? cues.get(lines[idx[k + 2]!]!)! : null;
    return !!after && (after.sectionHeading || after.attribution);
  };

  for (let k = 0; k < idx.length; k++) {
    const line = lines[idx[k]!]!;
    if (!parts.length) start = k;
    parts.push(line.text);
    const next = idx[k + 1] === undefined ? undefined : lines[idx[k + 1]!]!;
    let blankLinesBetween = 0;
    if (next) for (let j = idx[k]! + 1; j < idx[k + 1]!; j++) if (!skip.has(j)) blankLinesBetween++;
    // "案例名称" over its value: one field, as "案例名称：……" would be.
    if (next && parts.length === 1 && cues.get(line)!.bareLabel && !cues.get(next)!.bareLabel && !next.closed) {
      parts.push(MappedString.synthetic('：', line.text.rawEnd));
      continue;
    }
    // "5．坚持统筹谋划 强化部门协同" over "创新推进老年友好型社区建设": the table of contents lists the two as one title.
    if (listed && next && parts.length === 1 && !next.closed && next.text.length <= 60 && line.text.length <= 60) {
      const own = withoutNumber(line.text.text);
      if (!listed(own) && listed(own + next.text.text)) continue;
    }
    const fullLine = widths[k]! >= localWidths[k]! * 0.9;
    const continues =
      next !== undefined &&
      !titleUnderMarker(k, parts.length, next) &&
      (numberRunsOn(line, next, fullLine) ||
        markerTitleRunsOn(k, parts.length, next) ||
        headingEndsNext(k, parts.length, next) ||
        (!breaksBetween(line, next, blankLinesBetween, layout, fullLine, widths[k + 1]! >= localWidths[k]! * 0.8, idx[k + 2] === undefined ? undefined : lines[idx[k + 2]!], cues, idx[k + 3] === undefined ? undefined : lines[idx[k + 3]!]) &&
      (joinsBetween(line, next) ||
        (layout.wrapped
          ? wrappedContinues(line, widths[k]!, localWidths[k]!, next, widths[k + 1]!, k === start)
          : unwrappedContinues(line, widths[k]!, next, blankLinesBetween)))));
    if (!continues) flush(k);
  }
  return paragraphs;
}

/**
 * Evidence that a block ends between two lines, whatever the layout: the decoder said so, the
 * document separates paragraphs by blank lines or starts them indented, or the first line is a
 * unit of its own (a case marker, an attribution, a dateline, a table row, a heading).
 */
function breaksBetween(line: SourceLine, next: SourceLine, blanks: number, layout: Layout, fullLine: boolean, fullNext: boolean, afterNext: SourceLine | undefined, cues: ReadonlyMap<SourceLine, LineCues>, thirdLine?: SourceLine): boolean {
  if (line.closed || next.closed || line.role === 'table-row' || next.role === 'table-row') return true;
  if (cues.get(next)!.bareLabel) return true;
  if (next.mdHeading !== undefined || line.mdHeading !== undefined) return true;
  // A blank line ends a block, except after a full line that stops mid-sentence: a page or
  // column break fell there.
  if (blanks > 0 && layout.blankLinesSeparate && !(layout.wrapped && fullLine && !endsSentence(line.text.text))) return true;
  if (layout.indentedParagraphs && next.indent >= layout.baseIndent + 2 && !(line.leadingTab && next.leadingTab)) return true;
  const text = line.text.text;
  const here = cues.get(line)!;
  const there = cues.get(next)!;
  if (here.unit || there.unit) return !opensMidWord(next.text.text);
  if (there.dateline && !/[，、]$/.test(text)) return true;
  // A section heading ("一、工作背景", "【主要做法】", "经验启示") stands alone: the line before it ends.
  if (there.sectionHeading) return true;
  // A sentence ends (or a speaker is introduced), and a title follows: a short phrase over a
  // section heading or an attribution, or a phrase that stops short of the column.
  if ((endsSentence(text) || /[：:]$/.test(text)) && isTitleLine(next.text.text)) {
    if (!fullNext) return true;
    const after = afterNext ? cues.get(afterNext)! : null;
    if (after && (after.sectionHeading || after.attribution)) return true;
    // A title over two lines, the second its short end ("…和谐" / "发展"), then the attribution or heading.
    const third = thirdLine ? cues.get(thirdLine) : undefined;
    if (afterNext && third && (third.attribution || third.sectionHeading) && afterNext.text.length <= 30 && !/[，。；]/.test(afterNext.text.text)) return true;
  }
  // The next item of a numbered list ("8．……" then "9．……") starts a block of its own.
  if (here.numbering && there.numbering && there.numbering.scheme === here.numbering.scheme && there.numbering.value === here.numbering.value + 1) return true;
  return false;
}

/** What a line is by itself, for the joiner. */
interface LineCues {
  /** A case marker or an attribution: a block of its own. */
  unit: boolean;
  /** A case marker ("典型案例3", "第二批……典型经验案例六"). */
  marker: boolean;
  /** A marker with its case's title on its line ("典型案例01｜……"). */
  markerTitle: boolean;
  attribution: boolean;
  dateline: boolean;
  sectionHeading: boolean;
  numbering: ReturnType<typeof parseNumbering>;
  /** A form's label alone on its line ("案例名称"). */
  bareLabel: boolean;
}

function lineCues(text: string): LineCues {
  const isAttribution = attribution(text) !== null;
  // 附件2, 目录, a masthead: each stands alone.
  const found = caseMarker(text);
  const marker = found !== null;
  return { unit: isAttribution || marker || (text.length <= 40 && boundaryKind(text) !== null), marker, markerTitle: !!found?.title, attribution: isAttribution, dateline: isDateline(text), sectionHeading: isSectionHeadingLine(text), numbering: parseNumbering(text), bareLabel: isBareFormLabel(text) };
}

function isTitleLine(text: string): boolean {
  return text.length >= 4 && text.length <= 60 && !endsSentence(text) && !/[，。；]/.test(text);
}

function isSectionHeadingLine(text: string): boolean {
  const t = text.trim();
  if (t.length > 24 || endsSentence(t)) return false;
  const n = parseNumbering(t);
  const bracket = /^【.+】$/.test(t);
  const words = (n ? t.slice(n.marker.length) : t).replace(/^【|】$/g, '');
  // An unnumbered name must be a full one ("工作背景"), not a word a wrap left alone ("经验").
  return (n !== null || bracket || words.length >= 4) && sectionKindsOf(words) !== null;
}

/**
 * "…典型经验案例十" over "一": a number a wrap cut in two, the next line nothing but the rest of it.
 * The line before may be a unit of its own (a case marker), which would otherwise end there.
 */
function numberRunsOn(line: SourceLine, next: SourceLine, fullLine: boolean): boolean {
  if (!fullLine || line.closed || next.closed || (line.cells?.length ?? 0) > 1) return false;
  return /[一二三四五六七八九十百零〇两\d]$/.test(line.text.text) && /^[一二三四五六七八九十百零〇\d]{1,3}$/.test(next.text.text.trim());
}

function withoutNumber(text: string): string {
  const n = parseNumbering(text);
  return n ? text.slice(n.marker.length) : text;
}

/** Evidence that two lines are one block: the second cannot start one (it opens with closing punctuation). */
function joinsBetween(line: SourceLine, next: SourceLine): boolean {
  if ((line.cells?.length ?? 0) > 1 || (next.cells?.length ?? 0) > 1) return false;
  return opensMidWord(next.text.text) && line.text.length > 0;
}

/** A line that opens with punctuation that closes or continues a sentence never starts a paragraph. */
function opensMidWord(text: string): boolean {
  return /^[，。、；：！？）」』》〉】’”,.;:!?)%％]/.test(text);
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
  // A full one is a title too when body text follows it: a line with clause punctuation.
  const banner = !/[，。；、,]/.test(text) && /[\p{Script=Han}”]\s+[\p{Script=Han}“]/u.test(text);
  if (banner && (width < column * 0.92 || (nextWidth >= column * 0.8 && /[，。；、]/.test(next.text.text)))) return false;
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
  // A title or heading is a phrase, not a sentence broken off: it has no clause punctuation.
  if (width < 100 && !/[，,、；;。！？]/.test(withoutNumber(text))) return false;
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
    // A column is lines of one width: a window of lines of many widths (a title over form fields) has none of its own.
    let near = 0;
    for (let i = 0; i < n; i++) if (Math.abs(window[i]! - p75) <= 2) near++;
    // Never trust a window wider than the page's column; a mostly short window (headings) falls back to it.
    out.push(p75 >= global * 0.3 && (near >= 4 || p75 >= global * 0.9) ? Math.min(p75, global + 4) : global);
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
