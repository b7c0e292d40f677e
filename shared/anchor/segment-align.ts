/**
 * Which old segments (paragraphs, sentences, clauses) became which new ones, inside a stretch
 * where the diff at that level found none unchanged. An editor who fixes typos all over a case
 * changes every paragraph, and a character diff of the whole stretch is what we cannot afford;
 * pairing the segments first lets the character diff run on one small pair at a time.
 *
 * Segments are compared by the character bigrams they share (Dice coefficient), which survives
 * scattered edits well and costs little. The alignment keeps segment order and allows a segment
 * to be kept (1:1), dropped, added, joined with the next one (2:1, e.g. a stray line break
 * removed) or split in two (1:2).
 */

export interface SegmentGroup {
  /** Number of old segments in the group (0, 1 or 2). */
  removed: number;
  /** Number of new segments in the group (0, 1 or 2). */
  added: number;
  /** True when the old and new segments are versions of one another, worth diffing further. */
  similar: boolean;
}

/** Below this bigram Dice coefficient two segments are treated as different text. */
export const PAIR_MIN_SIMILARITY = 0.3;
/**
 * Segments this short (in code units) have too few bigrams for the coefficient to be steady: a
 * single character changed in "在𠀀家村" takes half of them. They pair from SHORT_PAIR_MIN up.
 */
export const SHORT_SEGMENT = 64;
export const SHORT_PAIR_MIN = 0.15;
/** Share of its bigrams each part of a join or split must have in the whole. */
export const PART_MIN_CONTAINED = 0.6;
/** Larger stretches are not aligned (their cost grows with old × new segments). */
export const MAX_ALIGN_CELLS = 250_000;

/** Alignment moves, as (old segments, new segments) consumed. */
const Move = { Drop: 1, Add: 2, Keep: 3, Join: 4, Split: 5 } as const;
type Move = (typeof Move)[keyof typeof Move];

export function alignSegments(removed: readonly string[], added: readonly string[]): SegmentGroup[] {
  const r = removed.length;
  const a = added.length;
  if (r === 0 || a === 0) return r + a === 0 ? [] : [{ removed: r, added: a, similar: false }];
  if (r * a > MAX_ALIGN_CELLS || r >= INDEX_SPAN || a >= INDEX_SPAN) return [{ removed: r, added: a, similar: false }];

  const oldSets = removed.map(bigrams);
  const newSets = added.map(bigrams);
  const shared = sharedCounts(oldSets, newSets);
  const sizeOld = oldSets.map((s) => s.length);
  const sizeNew = newSets.map((s) => s.length);
  const common = (i: number, j: number) => shared[i * a + j]!;

  // value[i][j]: most bigrams shared by an alignment of the first i old and first j new segments.
  const width = a + 1;
  const value = new Float64Array((r + 1) * width);
  const move = new Uint8Array((r + 1) * width);
  for (let i = 0; i <= r; i++) {
    for (let j = 0; j <= a; j++) {
      if (i === 0 && j === 0) continue;
      // Simpler moves first: a later move must be strictly better to win.
      let best = -1;
      let how: Move = Move.Drop;
      if (i > 0 && j > 0) {
        const s = common(i - 1, j - 1);
        const short = removed[i - 1]!.length <= SHORT_SEGMENT && added[j - 1]!.length <= SHORT_SEGMENT;
        if (dice(s, sizeOld[i - 1]!, sizeNew[j - 1]!) >= (short ? SHORT_PAIR_MIN : PAIR_MIN_SIMILARITY)) {
          best = value[(i - 1) * width + j - 1]! + s;
          how = Move.Keep;
        }
      }
      if (i > 0 && value[(i - 1) * width + j]! > best) {
        best = value[(i - 1) * width + j]!;
        how = Move.Drop;
      }
      if (j > 0 && value[i * width + j - 1]! > best) {
        best = value[i * width + j - 1]!;
        how = Move.Add;
      }
      // A join (split) needs each of the two parts to lie largely within the whole, or any
      // paragraph added beside an edited one would be taken for half of it.
      if (i > 1 && j > 0) {
        const s1 = common(i - 2, j - 1);
        const s2 = common(i - 1, j - 1);
        const v = value[(i - 2) * width + j - 1]! + Math.min(sizeNew[j - 1]!, s1 + s2);
        if (v > best && within(s1, sizeOld[i - 2]!) && within(s2, sizeOld[i - 1]!)) {
          best = v;
          how = Move.Join;
        }
      }
      if (i > 0 && j > 1) {
        const s1 = common(i - 1, j - 2);
        const s2 = common(i - 1, j - 1);
        const v = value[(i - 1) * width + j - 2]! + Math.min(sizeOld[i - 1]!, s1 + s2);
        if (v > best && within(s1, sizeNew[j - 2]!) && within(s2, sizeNew[j - 1]!)) {
          best = v;
          how = Move.Split;
        }
      }
      value[i * width + j] = best;
      move[i * width + j] = how;
    }
  }

  const groups: SegmentGroup[] = [];
  for (let i = r, j = a; i > 0 || j > 0; ) {
    const m = move[i * width + j] as Move;
    const g = SHAPE[m];
    groups.push({ removed: g[0], added: g[1], similar: m !== Move.Drop && m !== Move.Add });
    i -= g[0];
    j -= g[1];
  }
  groups.reverse();
  return groups;
}

const SHAPE: Record<Move, readonly [number, number]> = {
  [Move.Drop]: [1, 0],
  [Move.Add]: [0, 1],
  [Move.Keep]: [1, 1],
  [Move.Join]: [2, 1],
  [Move.Split]: [1, 2],
};

/** Whether a part with `size` bigrams, `shared` of them found in the whole, lies largely within it. */
function within(shared: number, size: number): boolean {
  return size > 0 && shared / size >= PART_MIN_CONTAINED;
}

/** Bigram Dice coefficient from the number shared and the two set sizes. */
function dice(shared: number, sizeA: number, sizeB: number): number {
  return sizeA + sizeB === 0 ? 0 : (2 * shared) / (sizeA + sizeB);
}

/** The distinct UTF-16 bigrams of a segment, each packed into one 32-bit number, ascending. */
export function bigrams(text: string): Uint32Array {
  const all = new Uint32Array(Math.max(0, text.length - 1));
  for (let i = 0; i < all.length; i++) all[i] = ((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0;
  all.sort();
  let k = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[k++] = all[i]!;
  return all.subarray(0, k);
}

/** Room for a segment index below a bigram in one double (2^32 · 2^20 < 2^53). */
const INDEX_SPAN = 2 ** 20;

/**
 * shared[i·newCount + j] = bigrams old segment i and new segment j have in common. Both sides'
 * (bigram, segment) pairs are sorted by bigram and merged: no hash map, which costs more than
 * the sorting for the ten thousand or so bigrams of a case.
 */
function sharedCounts(oldSets: readonly Uint32Array[], newSets: readonly Uint32Array[]): Uint32Array {
  const a = newSets.length;
  const olds = keyed(oldSets);
  const news = keyed(newSets);
  const shared = new Uint32Array(oldSets.length * a);
  let i = 0;
  let j = 0;
  while (i < olds.length && j < news.length) {
    const g = Math.floor(olds[i]! / INDEX_SPAN);
    const h = Math.floor(news[j]! / INDEX_SPAN);
    if (g < h) i++;
    else if (h < g) j++;
    else {
      let i1 = i;
      while (i1 < olds.length && Math.floor(olds[i1]! / INDEX_SPAN) === g) i1++;
      let j1 = j;
      while (j1 < news.length && Math.floor(news[j1]! / INDEX_SPAN) === g) j1++;
      for (let x = i; x < i1; x++) {
        const row = (olds[x]! % INDEX_SPAN) * a;
        for (let y = j; y < j1; y++) shared[row + (news[y]! % INDEX_SPAN)]!++;
      }
      i = i1;
      j = j1;
    }
  }
  return shared;
}

/** Every (bigram, segment index) pair packed into one number, ascending. */
function keyed(sets: readonly Uint32Array[]): Float64Array {
  const out = new Float64Array(sets.reduce((n, s) => n + s.length, 0));
  let k = 0;
  sets.forEach((set, index) => {
    for (const g of set) out[k++] = g * INDEX_SPAN + index;
  });
  return out.sort();
}
