import { firstWordWidth, lineText, tabular, type Line } from './lines.ts';
import { endsWithLeader } from './pieces.ts';
import { sameStyle } from './text-style.ts';

/** The frame a leaf's lines are set in: its left and right edges. */
export interface Frame {
  left: number;
  right: number;
  /** Set ragged-right (lines end where a word no longer fits), not justified. */
  ragged?: boolean;
}

/** Lines read as one paragraph, heading or table-of-contents entry. */
export interface Paragraph {
  lines: Line[];
  frame: Frame;
  /** Read inside a table of contents: an entry that ends in its page number. */
  toc?: boolean;
}

/**
 * Whether the reader is inside a table of contents, across leaves and pages: from a "目录"
 * heading (or a first dot-leader entry) until a line that is no entry.
 */
export interface TocState {
  inside: boolean;
}

const TOC_HEADING = /^目\s*录$|^目\s*次$|^contents$/i;
/** An entry's end: its page number, after a leader of any length or none (a long title leaves no room). */
const ENTRY_END = /(?:[.．…·⋯‧_]*\s*)\d{1,3}$/u;

/** A line is indented when it starts this many ems right of the frame's left edge. */
const INDENT_EM = 0.8;
/** Lines further apart than this many times the usual line pitch are separate paragraphs. */
const PARAGRAPH_GAP = 1.45;

export interface TextBlockMetrics {
  /** Usual baseline-to-baseline distance per font size (rounded), measured over the document. */
  pitch: Map<number, number>;
  /** The body's left and right edges in a single-column layout, where there is one. */
  bodyFrame: Frame | null;
  /** The size most lines are set in. */
  bodySize: number;
  /** Each page's text area (left and right of everything kept on it), for leaves of a line or two. */
  pageFrames: Map<number, Frame>;
}

/** The usual pitch of each font size, and the page margins most lines are set to. */
export function measureLines(leaves: readonly Line[][], pageWidth: number): TextBlockMetrics {
  const gaps = new Map<number, number[]>();
  const sizes = new Map<number, number>();
  const lefts = new Map<number, number>();
  const rights = new Map<number, number>();
  for (const lines of leaves) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1]!;
      const b = lines[i]!;
      if (Math.abs(a.size - b.size) > 0.6) continue;
      const d = b.base - a.base;
      if (d <= 0 || d > 4 * b.size) continue;
      const key = Math.round(b.size);
      gaps.set(key, [...(gaps.get(key) ?? []), d]);
    }
    for (const l of lines) {
      sizes.set(l.style.size, (sizes.get(l.style.size) ?? 0) + 1);
      if (l.x1 - l.x0 < 0.6 * pageWidth) continue;
      const L = Math.round(l.x0);
      const R = Math.round(l.x1);
      lefts.set(L, (lefts.get(L) ?? 0) + 1);
      rights.set(R, (rights.get(R) ?? 0) + 1);
    }
  }
  const pitch = new Map<number, number>();
  for (const [size, ds] of gaps) {
    ds.sort((a, b) => a - b);
    // The lower quartile: line spacing inside paragraphs, not the extra space between them.
    pitch.set(size, ds[Math.floor(ds.length / 4)]!);
  }
  const mode = (m: Map<number, number>) => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const left = mode(lefts);
  const right = mode(rights);
  const pageFrames = new Map<number, Frame>();
  for (const lines of leaves) {
    for (const l of lines) {
      const f = pageFrames.get(l.page);
      pageFrames.set(l.page, f ? { left: Math.min(f.left, l.x0), right: Math.max(f.right, l.x1) } : { left: l.x0, right: l.x1 });
    }
  }
  return { pitch, bodyFrame: left !== undefined && right !== undefined && right > left ? { left, right } : null, bodySize: mode(sizes) ?? 10, pageFrames };
}

/** A leaf's frame: its own edges, or the body's when it lies in the body's single column. */
export function frameOf(lines: readonly Line[], metrics: TextBlockMetrics): Frame {
  const page = metrics.pageFrames.get(lines[0]?.page ?? 0);
  // A leaf of a line or two says little about its own edges: take the page's text area.
  const few = lines.length < 3 && !metrics.bodyFrame && page;
  let left = usualEdge(lines.map((l) => l.x0)) ?? (few ? page.left : Math.min(...lines.map((l) => l.x0)));
  let right = usualEdge(lines.map((l) => l.x1)) ?? (few ? page.right : Math.max(...lines.map((l) => l.x1)));
  const body = metrics.bodyFrame;
  const em = lines[0]?.size ?? 10;
  if (body && left >= body.left - em && right <= body.right + em && right - left > 0.4 * (body.right - body.left)) {
    left = Math.min(left, body.left);
    right = Math.max(right, body.right);
  }
  // Ragged right: most lines stop short of the edge by the width of what did not fit.
  const atEdge = lines.filter((l) => right - l.x1 < 0.5 * l.size).length;
  const ragged = lines.length >= 4 && atEdge < 0.4 * lines.length;
  return { left, right, ...(ragged ? { ragged } : {}) };
}

/** As much room on both sides. */
const balanced = (l: Line, f: Frame) => l.x0 - f.left > 1.5 * l.size && f.right - l.x1 > 1.5 * l.size && Math.abs((l.x0 + l.x1) / 2 - (f.left + f.right) / 2) < l.size;
/** Centred: balanced, and not merely starting at the usual two-character indent. */
const centred = (l: Line, f: Frame) => balanced(l, f) && Math.abs(l.x0 - f.left - 2 * l.size) > 0.3 * l.size;

/** The number of a list item a line opens with ("3．", "3、", "（三）" count; "3.5" does not). */
function itemNumber(text: string): { style: string; n: number } | null {
  const arabic = /^(\d{1,2})(?:[．、]|\.(?!\d))/.exec(text);
  if (arabic) return { style: 'arabic', n: Number(arabic[1]) };
  const paren = /^[（(](\d{1,2}|[一二三四五六七八九十]{1,3})[）)]/.exec(text);
  if (paren) return { style: 'paren', n: /\d/.test(paren[1]!) ? Number(paren[1]) : chineseNumber(paren[1]!) };
  const chinese = /^([一二三四五六七八九十]{1,3})、/.exec(text);
  if (chinese) return { style: 'chinese', n: chineseNumber(chinese[1]!) };
  return null;
}

function chineseNumber(s: string): number {
  const d = '一二三四五六七八九';
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + d.indexOf(s[1]!) + 1;
  if (s.endsWith('十')) return (d.indexOf(s[0]!) + 1) * 10;
  if (s.length === 3) return (d.indexOf(s[0]!) + 1) * 10 + d.indexOf(s[2]!) + 1;
  return d.indexOf(s) + 1;
}
/**
 * The edge most lines are set to (within a point and a half), when enough share it: a line's
 * punctuation hanging into the margin, or a quotation mark hanging out, does not move it.
 */
function usualEdge(values: readonly number[]): number | null {
  if (values.length < 3) return null;
  const sorted = [...values].sort((a, b) => a - b);
  let best = -1;
  let bestCount = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! > 1.5) j++;
    if (i - j + 1 > bestCount) {
      bestCount = i - j + 1;
      best = sorted[i]!;
    }
  }
  return bestCount >= Math.max(2, 0.3 * values.length) ? best : null;
}

const full = (l: Line, f: Frame) => l.x0 - f.left < l.size && f.right - l.x1 < l.size;
const indented = (l: Line, f: Frame) => l.x0 - f.left >= INDENT_EM * l.size;
/** The line left room at its end for the next line's first word: its paragraph ended there. */
export const endedShort = (l: Line, next: Line, f: Frame) => f.right - l.x1 > firstWordWidth(next) + (f.ragged ? 2.5 : 0.5) * l.size;

/**
 * Split a leaf's lines into paragraphs by what typesetting leaves: a change of size, face or
 * weight; more space than the usual line pitch; a first-line indent; a line that stops short of
 * the right edge; a dot-leader entry. Centred lines of one style are one heading.
 */
export function paragraphsOf(lines: readonly Line[], frame: Frame, metrics: TextBlockMetrics, toc: TocState = { inside: false }): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (!current.length) return;
    const text = current.map(lineText).join('');
    if (TOC_HEADING.test(text.trim())) toc.inside = true;
    else if (endsWithLeader(text)) toc.inside = true;
    const entry = toc.inside && ENTRY_END.test(text.trim()) && !TOC_HEADING.test(text.trim());
    if (toc.inside && !entry && !TOC_HEADING.test(text.trim())) toc.inside = false;
    out.push({ lines: current, frame, ...(entry ? { toc: true } : {}) });
    current = [];
  };
  for (const line of lines) {
    const prev = current[current.length - 1];
    // In a table of contents, a line that ends in a page number ends its entry.
    const entryEnds = !!prev && toc.inside && ENTRY_END.test(lineText(prev).trim()) && current.length > 0;
    // A list whose item filled its line: the next item's number starts a new one ("1．…" then "2．…").
    const first = current[0] && itemNumber(lineText(current[0]));
    const next = prev && itemNumber(lineText(line));
    const nextItem = !!first && !!next && first.style === next.style && next.n === first.n + 1;
    // A sentence ended and a numbered line follows: a heading or an item, not a wrap ("…满意的。" "（三）…").
    const afterSentence = !!prev && !!next && /[。！？；]$/.test(lineText(prev).trim());
    if (prev && (entryEnds || nextItem || afterSentence || startsParagraph(prev, line, frame, metrics))) flush();
    current.push(line);
  }
  flush();
  return out;
}

function startsParagraph(prev: Line, line: Line, frame: Frame, metrics: TextBlockMetrics): boolean {
  const em = Math.max(prev.size, line.size);
  if (!sameStyle(prev.style, line.style)) return true;
  if (tabular(prev) || tabular(line)) return true;
  if (endsWithLeader(lineText(prev))) return true;
  const pitch = metrics.pitch.get(Math.round(line.size)) ?? 1.5 * line.size;
  if (line.base - prev.base > PARAGRAPH_GAP * pitch) return true;
  if (centred(prev, frame) && centred(line, frame)) return false;
  // A display title of two lines: the first runs the full measure, the second is centred under it.
  if (balanced(line, frame) && full(prev, frame) && line.style.size > metrics.bodySize + 0.5 && line.base - prev.base <= 1.3 * Math.max(pitch, 1.2 * line.size)) return false;
  if (line.x0 > prev.x0 + INDENT_EM * em) return true;
  if (endedShort(prev, line, frame)) return true;
  // Both indented alike: a block-indented paragraph (a TOC's second level) goes on.
  return false;
}

/**
 * Does the paragraph ending a leaf go on in the next leaf (the next column or page)? When its
 * last line runs to the right edge and the next leaf's first line, in the same style, is not
 * indented: a paragraph broken by the page, not two.
 */
export function continuesInto(last: Paragraph, next: Paragraph): boolean {
  const a = last.lines[last.lines.length - 1]!;
  const b = next.lines[0]!;
  if (!sameStyle(a.style, b.style)) return false;
  if (tabular(a) || tabular(b)) return false;
  if (endsWithLeader(lineText(a))) return false;
  if (centred(a, last.frame) || centred(b, next.frame)) return false;
  if (indented(b, next.frame)) return false;
  return !endedShort(a, b, last.frame);
}
