/**
 * Line-oriented formats (brat, CoNLL) cannot put a line break inside or at the edge of a span the
 * way a plain offset pair can: brat splits a span at line breaks into fragments, CoNLL turns them
 * into blank lines. A break at a span's edge therefore has nowhere to go; these helpers trim it and
 * say so, and the exporter reports the change.
 */

export const isNewline = (code: number) => code === 10;
export const isLineBreak = (code: number) => code === 10 || code === 13;

/**
 * Where Python's str.splitlines() — and so brat's server, which reads .ann files through codecs
 * readers — ends a line: \n, \r, \v, \f, U+001C–U+001E, NEL (U+0085), U+2028 and U+2029.
 * A line-oriented file read by Python must not hold any of them raw inside a line.
 */
export const isPythonLineBoundary = (code: number) => code === 10 || code === 13 || code === 11 || code === 12 || (code >= 0x1c && code <= 0x1e) || code === 0x85 || code === 0x2028 || code === 0x2029;

/** The span without line breaks at its edges, or null when nothing else is left. */
export function trimLineBreaks(text: string, start: number, end: number, isBreak: (code: number) => boolean): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && isBreak(text.charCodeAt(s))) s++;
  while (e > s && isBreak(text.charCodeAt(e - 1))) e--;
  return s === e && start !== end ? null : { start: s, end: e };
}

/** Pieces of [start, end) between line breaks, empty pieces left out. */
export function splitAtLineBreaks(text: string, start: number, end: number, isBreak: (code: number) => boolean): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || isBreak(text.charCodeAt(i))) {
      if (i > from) pieces.push({ start: from, end: i });
      from = i + 1;
    }
  }
  return pieces;
}
