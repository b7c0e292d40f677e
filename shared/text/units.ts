/**
 * Offsets at the edges. casebench stores UTF-16 code units (what JS strings index); W3C Web
 * Annotation, brat, doccano, Label Studio and REFI-QDA count Unicode code points. A text with no
 * astral characters (𠀀, emoji) has the same offsets in both, so the converter keeps only the
 * positions of astral characters and is free for the common case.
 */
export interface OffsetConverter {
  toCodePoints(utf16: number): number;
  toUtf16(codePoints: number): number;
  /** Length of the text in code points. */
  readonly codePointLength: number;
}

export function offsetConverter(text: string): OffsetConverter {
  // UTF-16 indices where a surrogate pair starts, ascending.
  const astral: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral.push(i);
        i++;
      }
    }
  }
  const codePointLength = text.length - astral.length;
  if (astral.length === 0) {
    return { toCodePoints: (u) => u, toUtf16: (c) => c, codePointLength };
  }
  return {
    codePointLength,
    toCodePoints(u) {
      // Pairs that start strictly before u each count one unit too many; an offset inside a pair
      // (never produced by casebench) rounds down to the pair's start.
      const before = countBelow(astral, u);
      const inside = before > 0 && astral[before - 1]! + 1 === u ? 1 : 0;
      return u - before + inside;
    },
    toUtf16(c) {
      // The k-th astral pair (0-based) at UTF-16 index a_k sits at code point a_k - k.
      let lo = 0;
      let hi = astral.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (astral[mid]! - mid < c) lo = mid + 1;
        else hi = mid;
      }
      return c + lo;
    },
  };
}

/** Number of elements of the ascending array below `x`. */
function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when `offset` would split a surrogate pair of `text`. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
