import type { SourceBox } from '../../shared/api/types.ts';
import { BOX_STRIDE, type SourceGeometry } from '../../shared/model/geometry.ts';

/**
 * The boxes a range of raw text covers on its pages: every box it overlaps, cut in proportion to
 * the characters of the box it covers (a box holds characters of one width, so the cut falls on
 * glyph edges).
 */
export function boxesForRange(geometry: SourceGeometry, start: number, end: number): SourceBox[] {
  const b = geometry.boxes;
  const n = b.length / BOX_STRIDE;
  // Boxes ascend by raw start: find the first that ends after `start`.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid * BOX_STRIDE + 1]! <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: SourceBox[] = [];
  for (let i = lo; i < n; i++) {
    const k = i * BOX_STRIDE;
    const bs = b[k]!;
    const be = b[k + 1]!;
    if (bs >= end) break;
    if (be <= start) continue;
    const len = Math.max(1, be - bs);
    const from = (Math.max(start, bs) - bs) / len;
    const to = (Math.min(end, be) - bs) / len;
    const w = b[k + 5]!;
    out.push({ page: b[k + 2]!, x: round(b[k + 3]! + from * w), y: b[k + 4]!, width: round((to - from) * w), height: b[k + 6]! });
  }
  return out;
}

const round = (v: number) => Math.round(v * 100) / 100;
