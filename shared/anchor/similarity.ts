/**
 * How alike two short strings are, in edit operations. Counted in UTF-16 code units, like
 * approx-string-match, so that its error counts and these similarities are on one scale (an
 * astral character changed counts two: close enough, and it errs towards caution).
 */

/**
 * Levenshtein distance between `a` and `b`; `max + 1` as soon as it is known to exceed `max`.
 * Only the diagonal band of width 2·max is filled (Ukkonen), so a tight bound keeps long strings cheap.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const m = a.length;
  const n = b.length;
  const bound = Math.min(max, Math.max(m, n));
  if (Math.abs(m - n) > bound) return max + 1;
  if (m === 0 || n === 0) return Math.max(m, n);
  const over = bound + 1;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j <= bound ? j : over;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - bound);
    const hi = Math.min(n, i + bound);
    cur[lo - 1] = lo === 1 ? i : over;
    let rowMin = cur[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
      cur[j] = v > over ? over : v;
      if (v < rowMin) rowMin = v;
    }
    // The cell right of the band is read by the next row: mark it out of reach.
    if (hi < n) cur[hi + 1] = over;
    if (rowMin > bound) return max + 1;
    [prev, cur] = [cur, prev];
  }
  const d = prev[n]!;
  return d > bound ? max + 1 : d;
}

/** 1 − distance / longer length: 1 for equal strings, 0 for strings with nothing in common. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - Math.min(longer, editDistance(a, b)) / longer;
}

/**
 * Whether `similarity(a, b) >= min`, computed with a distance bound so that long strings that are
 * far apart are rejected early. Returns the similarity, or -1 when it is below `min`.
 */
export function similarityAtLeast(a: string, b: string, min: number): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const allowed = Math.floor(longer * (1 - min) + 1e-9);
  const d = editDistance(a, b, allowed);
  return d > allowed ? -1 : 1 - d / longer;
}
