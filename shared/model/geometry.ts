/**
 * Where the text of a paged source (a PDF) stands on its pages, so that any range of a case can
 * be shown on the page it came from. Offsets are into the document's `rawText` (UTF-16 units),
 * the same text the cases' source maps point into; coordinates are PDF points with the origin at
 * the page's top left, y growing downwards.
 */
export interface SourceGeometry {
  pages: Array<{ width: number; height: number }>;
  /**
   * Flat septuples, one per line fragment, ascending by raw start:
   * raw start, raw end, page (1-based), x, y (top), width, height.
   * A range of raw text covers the boxes it overlaps, each cut in proportion to the characters
   * of the fragment it covers.
   */
  boxes: number[];
}

export const BOX_STRIDE = 7;
