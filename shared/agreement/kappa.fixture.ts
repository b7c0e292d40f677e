/** Expands a contingency table (rows: rater 1, columns: rater 2) into the rating pairs it counts. */
export function pairsFromTable<C>(table: readonly (readonly number[])[], categories: readonly C[]): Array<[C, C]> {
  const pairs: Array<[C, C]> = [];
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let n = 0; n < count; n++) pairs.push([categories[i]!, categories[j]!]);
    }),
  );
  return pairs;
}

/** Tallies one item's ratings into category counts, for Fleiss' kappa. */
export function tally(ratings: ReadonlyArray<string | number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of ratings) out[String(r)] = (out[String(r)] ?? 0) + 1;
  return out;
}
