import { QUOTE_CONTEXT } from '../model/index.ts';
import { splitsSurrogatePair } from '../text/units.ts';

/**
 * The text just before and after a span, for W3C TextQuoteSelector prefix/suffix. Computed from
 * the text (not the stored quote) so it always matches the exported offsets; the window shrinks by
 * one unit rather than cut an astral character (𠀀, 😀) in half.
 */
export function quoteContext(text: string, start: number, end: number, size = QUOTE_CONTEXT): { prefix: string; suffix: string } {
  let from = Math.max(0, start - size);
  if (splitsSurrogatePair(text, from)) from++;
  let to = Math.min(text.length, end + size);
  if (splitsSurrogatePair(text, to)) to--;
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}
