/**
 * The bars a re-found annotation must clear. They err towards orphaning: an orphan costs a
 * reviewer one click, an annotation silently attached to the wrong sentence costs a wrong dataset.
 */
export interface Thresholds {
  /**
   * Least similarity (1 − edits / length) between the quote and the text a re-found span covers.
   * 0.8 lets a typo fix or a changed digit through ("26.82%" → "26.83%" is 0.83) and stops a
   * rewritten sentence, which keeps well under half of its characters in place.
   */
  quote: number;
  /**
   * Least similarity of each side of the context (prefix and suffix, separately) for a match that
   * the diff does not place at the annotation's old position. Both sides must agree: when a span
   * is deleted, the text after it inherits its prefix, so one side alone proves nothing.
   */
  context: number;
  /** Lead in score the best place must have over any other place; closer rivals make the match ambiguous. */
  margin: number;
  /**
   * Shortest quote (UTF-16 code units) that identifies its passage by itself when it occurs
   * exactly once in the old text and once in the new: a moved paragraph keeps its annotations
   * even when its context on both sides changed. Shorter quotes ("26.82%") need context.
   */
  distinctiveLength: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = {
  quote: 0.8,
  context: 0.5,
  margin: 0.05,
  distinctiveLength: 10,
};
