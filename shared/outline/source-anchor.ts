import type { SourceAnchor } from './corrections.ts';

/** Raw text kept from the anchored place on: enough to tell paragraphs apart, short enough to survive edits nearby. */
export const ANCHOR_TEXT = 24;
/** Raw text kept from before the place, to choose between repeated paragraphs ("一、工作背景" in every case). */
export const ANCHOR_CONTEXT = 24;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The anchor of raw offset `start`: the text from there (up to `limit`, never past `end`) and before it. */
export function anchorAt(rawText: string, start: number, end = rawText.length, limit = ANCHOR_TEXT): SourceAnchor {
  let stop = Math.min(end, start + limit, rawText.length);
  // Whole characters only: an anchor ending in half a surrogate pair would match nothing later.
  if (stop < rawText.length && stop > start && isLow(rawText.charCodeAt(stop)) && isHigh(rawText.charCodeAt(stop - 1))) stop--;
  if (stop <= start) stop = Math.min(rawText.length, start + (isHigh(rawText.charCodeAt(start)) ? 2 : 1));
  let from = Math.max(0, start - ANCHOR_CONTEXT);
  if (from > 0 && isLow(rawText.charCodeAt(from)) && isHigh(rawText.charCodeAt(from - 1))) from++;
  return { start, exact: rawText.slice(start, stop), prefix: rawText.slice(from, start) };
}

/** Context a relocated anchor must share with its old place when its text occurs more than once. */
const MIN_CONTEXT = 8;

/**
 * Where an anchor's place is in a (possibly re-loaded or edited) source: at its own offset when
 * its text and context are still there; else the only occurrence of its text; else, of several,
 * the one whose preceding text matches the anchor's prefix best, when it matches well
 * (MIN_CONTEXT characters, or the whole prefix) and better than any other. Null otherwise: a
 * short heading that occurs in every case ("一、工作背景") is never moved to another case's copy.
 */
export function locateAnchor(rawText: string, anchor: SourceAnchor): number | null {
  if (rawText.startsWith(anchor.exact, anchor.start) && rawText.slice(Math.max(0, anchor.start - anchor.prefix.length), anchor.start) === anchor.prefix) return anchor.start;
  const found: Array<{ at: number; context: number }> = [];
  for (let at = rawText.indexOf(anchor.exact); at !== -1; at = rawText.indexOf(anchor.exact, at + 1)) found.push({ at, context: commonSuffix(rawText, at, anchor.prefix) });
  if (found.length <= 1) return found[0]?.at ?? null;
  found.sort((a, b) => b.context - a.context || Math.abs(a.at - anchor.start) - Math.abs(b.at - anchor.start));
  const [best, second] = found as [{ at: number; context: number }, { at: number; context: number }];
  const enough = best.context >= Math.min(MIN_CONTEXT, anchor.prefix.length) && anchor.prefix.length > 0;
  return enough && best.context > second.context ? best.at : null;
}

/** How many characters before `at` in `text` agree with the end of `prefix`. */
function commonSuffix(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && at - n - 1 >= 0 && text.charCodeAt(at - n - 1) === prefix.charCodeAt(prefix.length - n - 1)) n++;
  return n;
}
