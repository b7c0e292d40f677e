import { similarity } from './similarity.ts';

/** Characters next to the quote that a side of context must keep nearly as they were. */
export const NEAR_CONTEXT = 8;

/**
 * How well one side of the old context agrees with the text beside a candidate. The whole side
 * (up to QUOTE_CONTEXT) must be similar, and so must the NEAR_CONTEXT characters right next to
 * the quote: otherwise a candidate a few characters off would pass, its context being the old
 * one shifted. A side the old quote did not have (the text started or ended there) agrees only
 * where the candidate is at the text's edge too.
 */
export function sideSimilarity(old: string, text: string, at: number, side: 'before' | 'after'): number {
  if (side === 'before') {
    if (!old) return at === 0 ? 1 : 0;
    const now = text.slice(Math.max(0, at - old.length), at);
    return Math.min(similarity(old, now), similarity(old.slice(-NEAR_CONTEXT), now.slice(-NEAR_CONTEXT)));
  }
  if (!old) return at === text.length ? 1 : 0;
  const now = text.slice(at, at + old.length);
  return Math.min(similarity(old, now), similarity(old.slice(0, NEAR_CONTEXT), now.slice(0, NEAR_CONTEXT)));
}
