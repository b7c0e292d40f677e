/**
 * Titles set the way Chinese official documents set them (GB/T 9704-2012 7.3.3: a title that
 * runs over one line is broken where its words allow, into lines of balanced length — a
 * trapezoid, never one character left alone on the last line).
 *
 * Word processors break CJK text between any two characters, so a title given the whole line
 * leaves what does not fit on the next: "…汇" / "编". A title is instead given a measure of its
 * own (the line width, by indents on both sides): the width of its longest line, chosen at word
 * boundaries so that its first lines are equally long and the last no longer — exactly the lines
 * a line breaker fills at that width. Widths are in ems of the title's size: an ideograph or
 * full-width mark is 1; digits and Latin letters are counted 0.6, a little over what most CJK
 * faces give them (0.5–0.55), so a title never runs wider than its measure and breaks early.
 */

const SEGMENTER = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Characters a line may not start with (closing marks, pauses) or end with (opening marks). */
const NO_LINE_START = /^[，。、；：！？）》」』】〕”’·…—%‰,.;:!?)\]}]/;
const NO_LINE_END = /[（《「『【〔“‘([{]$/;

export function emWidth(text: string): number {
  let w = 0;
  let prev = '';
  for (const ch of text) {
    w += charWidth(ch) + gap(prev, ch);
    prev = ch;
  }
  return w;
}

/**
 * The room set between an ideograph and a digit or Latin letter next to it: LibreOffice always
 * adds about a fifth of an em there (Word's "adjust space between Asian text and numbers", which
 * the draft turns off for Word), so a measure allows a quarter.
 */
export function gap(prev: string, ch: string): number {
  if (!prev || prev === ' ' || ch === ' ') return 0;
  return isWide(prev) !== isWide(ch) && /[0-9A-Za-z]/.test(isWide(prev) ? ch : prev) ? 0.25 : 0;
}

const NARROW = 0.6;
/** What a character is counted, in ems. */
export const charWidth = (ch: string) => (isWide(ch) ? 1 : NARROW);

function isWide(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  // CJK ideographs and marks, full-width forms, the curly quotes and dashes CJK fonts set full width.
  return cp >= 0x2e80 || (cp >= 0x2010 && cp <= 0x2027) || cp === 0x3000;
}

/** Room a measure leaves past its longest line, in ems: less than any character, so no more fits. */
export const SLACK = 0.25;

export interface TitleLayout {
  /** The title's lines as they will break (one line when it fits). */
  lines: string[];
  /**
   * True when the lines break where the title has spaces ("抓实三级预防 深入推进…"): each space
   * is then a line break, and the lines may be of any length (the shorter first, a true trapezoid).
   */
  atSpaces?: boolean;
  /** The measure to give the title, in ems (the paragraph gets it and SLACK); `null` when it fits on one line unaided. */
  measure: number | null;
}

/**
 * Lines of a title that fit `lineEms` per line, balanced, with breaks at word boundaries where
 * the words allow one. The result's `measure` makes a line breaker produce exactly `lines`.
 */
export function balanceTitle(title: string, lineEms: number): TitleLayout {
  const text = title.trim();
  const total = emWidth(text);
  if (total <= lineEms) return { lines: [text], measure: null };
  const spaced = atSpaces(text, lineEms);
  if (spaced) return spaced;
  const breaks = breakOpportunities(text);
  const count = Math.ceil(total / lineEms);
  for (let n = count; n <= count + 2; n++) {
    const best = bestEqualBreaks(text, breaks, n, lineEms);
    if (best) return best;
  }
  // No word boundary gives equal lines (a long run of Latin text): break between characters.
  return fillAt(text, Math.min(lineEms - SLACK, Math.ceil(total / count)), [...Array(text.length + 1).keys()]) ?? { lines: [text], measure: null };
}

/**
 * A title of phrases set apart by spaces ("高位推进 部门联动 努力推动将健康融入所有政策") breaks at
 * one of them into two lines that fit, the most even pair, if neither is under half the other.
 */
function atSpaces(text: string, lineEms: number): TitleLayout | null {
  let best: { lines: string[]; spread: number } | null = null;
  // A single space: a run of them would come back (through the line break) as one.
  for (const m of text.matchAll(/(?<! ) (?! )/g)) {
    const lines = [text.slice(0, m.index), text.slice(m.index + 1)];
    const [a, b] = lines.map(emWidth) as [number, number];
    if (a > lineEms || b > lineEms || [...lines[1]!].length < 2 || Math.min(a, b) < Math.max(a, b) / 2) continue;
    const spread = Math.abs(a - b);
    if (!best || spread < best.spread) best = { lines, spread };
  }
  return best ? { lines: best.lines, measure: null, atSpaces: true } : null;
}

/**
 * Offsets where a line may break: word boundaries that do not strand a mark on either side, and
 * only before an ideograph: a narrow character after the break might still fit in the room a
 * measure leaves, and pull the break along.
 */
function breakOpportunities(text: string): number[] {
  const out: number[] = [];
  for (const s of SEGMENTER.segment(text)) {
    const at = s.index;
    if (at === 0) continue;
    if (NO_LINE_START.test(text.slice(at)) || NO_LINE_END.test(text.slice(0, at)) || !isWide(String.fromCodePoint(text.codePointAt(at)!))) continue;
    out.push(at);
  }
  return out;
}

/**
 * The first `n`-line layout, widest measure first down to the narrowest, in which a line breaker
 * filling each line to the measure stops at word boundaries, and the last line has at least two
 * characters. Measures step by a tenth of an em.
 */
function bestEqualBreaks(text: string, breaks: number[], n: number, lineEms: number): TitleLayout | null {
  const total = emWidth(text);
  const widest = Math.min(lineEms - SLACK, total);
  // A balanced layout has lines of about total / n; try measures from there upwards.
  for (let measure = Math.ceil((total / n) * 10) / 10; measure <= widest + 1e-9; measure = Math.round((measure + 0.1) * 10) / 10) {
    const layout = fillAt(text, measure, breaks);
    if (layout && layout.lines.length === n) return layout;
  }
  return null;
}

/**
 * Fill lines greedily to `measure` (and SLACK) as a line breaker does, but only where a break is allowed,
 * and only when each full line ends exactly where the breaker would end it (the next character
 * would not fit): otherwise the breaker would break elsewhere, inside a word.
 */
function fillAt(text: string, measure: number, breaks: number[]): TitleLayout | null {
  const lines: string[] = [];
  let from = 0;
  const allowed = new Set(breaks);
  while (emWidth(text.slice(from)) > measure + SLACK) {
    let end = from;
    let width = 0;
    let prev = '';
    for (const ch of text.slice(from)) {
      const w = charWidth(ch) + gap(prev, ch);
      prev = ch;
      if (width + w > measure + SLACK) break;
      width += w;
      end += ch.length;
    }
    if (!allowed.has(end) || end === from) return null;
    lines.push(text.slice(from, end));
    from = end;
  }
  const last = text.slice(from);
  if ([...last].length < 2) return null;
  lines.push(last);
  return { lines, measure };
}
