/**
 * One-to-one matching of two reviewers' spans of one label in one case. A span can match at most
 * one span of the other reviewer, so two short spans never both count against one long one.
 */

/** A half-open range [start, end) of UTF-16 offsets into one case text. */
export interface Range {
  start: number;
  end: number;
}

/** Length of the common part of two ranges (0 when they only touch or are apart). */
export function overlapLength(a: Range, b: Range): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

const sameRange = (a: Range, b: Range) => a.start === b.start && a.end === b.end;

/**
 * Exact matches: pairs with the same start and end. Duplicates pair off one to one, so the count
 * is Σ over distinct ranges of min(times in a, times in b).
 */
export function countExactMatches(a: readonly Range[], b: readonly Range[]): number {
  const counts = new Map<string, number>();
  for (const r of a) {
    const k = `${r.start}:${r.end}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let matched = 0;
  for (const r of b) {
    const k = `${r.start}:${r.end}`;
    const left = counts.get(k) ?? 0;
    if (left > 0) {
      matched++;
      counts.set(k, left - 1);
    }
  }
  return matched;
}

interface Candidate {
  i: number;
  j: number;
  overlap: number;
  /** |Δstart| + |Δend|: among equal overlaps, the pair whose boundaries agree better goes first. */
  distance: number;
  /** The two ranges in a fixed order (lexicographic), so that ties break the same way from either side. */
  lo: Range;
  hi: Range;
}

const compareRanges = (x: Range, y: Range) => x.start - y.start || x.end - y.end;

function byPreference(x: Candidate, y: Candidate): number {
  return y.overlap - x.overlap || x.distance - y.distance || compareRanges(x.lo, y.lo) || compareRanges(x.hi, y.hi);
}

/**
 * Overlap matches, greedily by largest overlap: every pair that shares at least one offset (or
 * is the same empty range) is a candidate; candidates are taken largest overlap first, then
 * closest boundaries, then by position, each span being used at most once.
 *
 * The order depends only on the two ranges of a pair, never on which reviewer is `a`, so the
 * number of matches is the same with the roles swapped (F1 is symmetric). Remaining ties are
 * between identical pairs of ranges, where the choice cannot change the count.
 * Greedy is not a maximum matching: in rare chains (a₁ overlaps b₁ and b₂, a₂ only b₁) it may
 * match one pair fewer than the best possible; it is what people do by eye, and it is stable.
 * Cost: O(|a|·|b|) per case and label, which is small for spans within one case.
 */
export function matchByOverlap(a: readonly Range[], b: readonly Range[]): Array<[number, number]> {
  const candidates: Candidate[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    for (let j = 0; j < b.length; j++) {
      const y = b[j]!;
      const overlap = overlapLength(x, y);
      if (overlap === 0 && !sameRange(x, y)) continue;
      const [lo, hi] = compareRanges(x, y) <= 0 ? [x, y] : [y, x];
      candidates.push({ i, j, overlap, distance: Math.abs(x.start - y.start) + Math.abs(x.end - y.end), lo, hi });
    }
  }
  candidates.sort(byPreference);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    pairs.push([c.i, c.j]);
  }
  return pairs;
}
