import { ExactSum } from './exact-sum.ts';
import type { Range } from './span-match.ts';

/**
 * One reviewer's reading of a continuum for one label: the text [0, L) cut into that reviewer's
 * units of the label and the gaps between them (Krippendorff's segments with w = 1 and w = 0).
 * Every offset lies in exactly one run; runs have positive length.
 */
export interface Run {
  start: number;
  end: number;
  /** true for a unit of the label, false for a gap (the empty category). */
  unit: boolean;
}

/**
 * The runs of one reviewer and one label. The coefficient assumes a reviewer's units of one
 * category do not overlap, so overlapping spans of the same label are merged into their union
 * (that reviewer said "this stretch is X" either way); spans that only touch stay two units, and
 * empty spans are dropped (they cover no offset).
 */
export function runsOf(units: readonly Range[], length: number): Run[] {
  const sorted = units.filter((u) => u.end > u.start).sort((x, y) => x.start - y.start || x.end - y.end);
  const merged: Range[] = [];
  for (const u of sorted) {
    const last = merged[merged.length - 1];
    if (last && u.start < last.end) last.end = Math.max(last.end, u.end);
    else merged.push({ start: u.start, end: u.end });
  }
  const runs: Run[] = [];
  let at = 0;
  for (const u of merged) {
    if (u.start > at) runs.push({ start: at, end: u.start, unit: false });
    runs.push({ start: u.start, end: u.end, unit: true });
    at = u.end;
  }
  if (at < length) runs.push({ start: at, end: length, unit: false });
  return runs;
}

/**
 * Krippendorff's (2004) squared distance δ² between segment g of one observer and segment h of
 * another, with b the beginnings, l the lengths, e = b + l the ends:
 *
 *   both units, overlapping:          (b_g − b_h)² + (e_g − e_h)²
 *   unit g lying wholly in gap h:     l_g²
 *   unit h lying wholly in gap g:     l_h²
 *   otherwise:                        0
 *
 * A unit that only partly falls into the other's gap is already paid for by its distance to
 * the other's overlapping unit, hence the "wholly".
 */
export function segmentDistance(g: Run, h: Run): number {
  if (g.unit && h.unit) {
    if (g.start >= h.end || h.start >= g.end) return 0;
    return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  }
  if (g.unit && !h.unit) return h.start <= g.start && g.end <= h.end ? (g.end - g.start) ** 2 : 0;
  if (!g.unit && h.unit) return g.start <= h.start && h.end <= g.end ? (h.end - h.start) ** 2 : 0;
  return 0;
}

/**
 * Σ_g Σ_h δ²(g, h) over all segments g of one observer and h of another. Both lists cut the
 * same continuum, so walking them side by side visits every overlapping pair exactly once, and
 * pairs that do not overlap have δ² = 0.
 */
export function pairDisagreement(x: readonly Run[], y: readonly Run[]): bigint {
  const sum = new ExactSum();
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const g = x[i]!;
    const h = y[j]!;
    sum.add(segmentDistance(g, h));
    if (g.end <= h.end) i++;
    if (h.end <= g.end) j++;
  }
  return sum.value;
}
