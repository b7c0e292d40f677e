/**
 * The two-rater contingency table both Cohen's kappas start from: counts[i][j] is the number of
 * items rater 1 put in categories[i] and rater 2 in categories[j].
 */
export interface Contingency<C> {
  categories: C[];
  counts: number[][];
  /** Row sums (rater 1's marginals) and column sums (rater 2's). */
  rows: number[];
  columns: number[];
  n: number;
}

/**
 * Tabulates pairs over the given categories, in their order. Without an explicit list the
 * categories are those that occur, in order of first appearance; with one, a rating outside it
 * is an error (a typo in a category would otherwise pass as a disagreement).
 */
export function contingency<C extends string | number>(pairs: ReadonlyArray<readonly [C, C]>, categories?: readonly C[]): Contingency<C> {
  const cats: C[] = categories ? [...categories] : [];
  const index = new Map<C, number>(cats.map((c, i) => [c, i]));
  if (index.size !== cats.length) throw new RangeError('categories must be distinct');
  const indexOf = (c: C): number => {
    const known = index.get(c);
    if (known !== undefined) return known;
    if (categories) throw new RangeError(`rating ${JSON.stringify(c)} is not one of the categories ${JSON.stringify(categories)}`);
    index.set(c, cats.length);
    cats.push(c);
    return cats.length - 1;
  };
  const cells: Array<[number, number]> = pairs.map(([x, y]) => [indexOf(x), indexOf(y)]);
  const k = cats.length;
  const counts = Array.from({ length: k }, () => Array.from({ length: k }, () => 0));
  const rows = Array.from({ length: k }, () => 0);
  const columns = Array.from({ length: k }, () => 0);
  for (const [i, j] of cells) {
    counts[i]![j]!++;
    rows[i]!++;
    columns[j]!++;
  }
  return { categories: cats, counts, rows, columns, n: pairs.length };
}
