import { QUOTE_CONTEXT, type TextQuote } from '../model/annotation.ts';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The quote of `text[start, end)` with up to QUOTE_CONTEXT code units of context on each side.
 * The context is shortened rather than cut through a surrogate pair, so a prefix never starts
 * with half an astral character and a suffix never ends with one. Offsets out of range are clamped.
 */
export function makeQuote(text: string, start: number, end: number): TextQuote {
  const s = clamp(start, 0, text.length);
  const e = clamp(end, s, text.length);
  let from = Math.max(0, s - QUOTE_CONTEXT);
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from++;
  let to = Math.min(text.length, e + QUOTE_CONTEXT);
  if (to < text.length && isLow(text.charCodeAt(to)) && isHigh(text.charCodeAt(to - 1))) to--;
  return {
    exact: text.slice(s, e),
    prefix: from < s ? text.slice(from, s) : '',
    suffix: to > e ? text.slice(e, to) : '',
  };
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.trunc(n))) : lo;
}
