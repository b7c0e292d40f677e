import type { Section } from '../model/sections.ts';

/** A paragraph of a case text: case texts are paragraphs joined by "\n". */
export interface ParagraphRange {
  start: number;
  end: number;
}

export function paragraphRanges(text: string): ParagraphRange[] {
  const out: ParagraphRange[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) {
      out.push({ start, end: text.length });
      return out;
    }
    out.push({ start, end: nl });
    start = nl + 1;
  }
}

/** The paragraph holding offset `at` (the one it starts, when it stands on a boundary). */
export function paragraphAt(text: string, at: number): ParagraphRange {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  return { start, end: nl === -1 ? text.length : nl };
}

/**
 * Sections with their ends recomputed: a section ends where the next one of the same or a higher
 * level starts, or where the text ends (the loader's rule, kept after every correction).
 */
export function withSectionEnds<S extends Section>(sections: readonly S[], textLength: number): S[] {
  const sorted = [...sections].sort((a, b) => a.start - b.start);
  return sorted.map((s, i) => {
    const next = sorted.slice(i + 1).find((n) => n.level <= s.level);
    return { ...s, end: next ? next.start : textLength };
  });
}

/** Sections moved by `delta` (those starting in [from, to) only). */
export function shiftSections<S extends Section>(sections: readonly S[], delta: number, from = 0, to = Infinity): S[] {
  return sections.filter((s) => s.start >= from && s.start < to).map((s) => ({ ...s, start: s.start + delta, headingEnd: s.headingEnd + delta, end: s.end + delta }));
}

/** The enumeration a heading starts with ("一、", "（二）", "1．", "第三章"), or "". */
export function leadingNumbering(text: string): string {
  return /^\s*(?:第[一二三四五六七八九十百\d]+[章节部分篇]\s*|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[①-⑳])/.exec(text)?.[0].trim() ?? '';
}

/** A heading's own words: the numbering and trailing punctuation left out. */
export function headingWords(text: string): string {
  const n = leadingNumbering(text);
  const rest = n ? text.trimStart().slice(n.length) : text;
  return rest.replace(/[。：:；;\s]+$/, '').replace(/\s+/g, ' ').trim();
}
